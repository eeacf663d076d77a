"""Paging a long timeline: the parts it is split into, a page per year or per month."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model.records import Event
from generator.site.pages import MONTH_NAMES

# Pages that stay light at any size. A timeline of more events than this is split, a page per
# year, and a year of more than this a page per month (a month is never split); a story of
# fewer keeps its timeline on one page.
EVENTS_PER_PAGE = 300


@dataclass(frozen=True)
class TimelinePart:
    """One page of a split timeline: a year, a month, or the background before the story."""

    path: str                     # timeline/2025.md, timeline/2025-03.md, timeline/before-the-story.md
    label: str                    # '2025', 'March 2025', 'During 2025', 'Before the story'
    events: list[Event]           # in timeline order
    background: bool


def timeline_parts(events: list[Event], before_the_story: Callable[[Event], bool]) -> list[TimelinePart]:
    """The pages of a timeline (events in timeline order) of more than EVENTS_PER_PAGE events,
    in date order: the background before the story (on one page if it fits, else by year), then
    the story by year. None for a shorter timeline."""
    if len(events) <= EVENTS_PER_PAGE:
        return []
    earlier = [event for event in events if before_the_story(event)]
    story = [event for event in events if not before_the_story(event)]
    parts = []
    if 0 < len(earlier) <= EVENTS_PER_PAGE:
        parts.append(TimelinePart("timeline/before-the-story.md", "Before the story", earlier, True))
    else:
        parts.extend(_year_parts(earlier, background=True))
    return parts + _year_parts(story, background=False)


def _year_parts(events: list[Event], background: bool) -> list[TimelinePart]:
    """Events (in timeline order) a page per year, and a year of more than EVENTS_PER_PAGE a
    page per month, after a page of its events dated only by the year, if any."""
    years: dict[str, list[Event]] = {}
    for event in events:
        years.setdefault(event.date[:4], []).append(event)
    parts = []
    for year, items in years.items():
        if len(items) <= EVENTS_PER_PAGE:
            parts.append(TimelinePart(f"timeline/{year}.md", year, items, background))
            continue
        months: dict[str, list[Event]] = {}
        for event in items:
            months.setdefault(event.date[:7], []).append(event)
        for month, group in months.items():
            label = f"During {year}" if month == year else f"{MONTH_NAMES[int(month[5:7]) - 1]} {year}"
            parts.append(TimelinePart(f"timeline/{month}.md", label, group, background))
    return parts
