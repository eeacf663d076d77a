"""The timeline's pages: the whole timeline on one page, or, past `EVENTS_PER_PAGE` events, a
first page listing the parts and a page per part (`timeline_parts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model.records import Event
from generator.site.navigation import TIMELINE
from generator.site.pages import (
    MONTH_NAMES, EventItem, FilterOption, Link, MonthGroup, TimelineIndexPage, TimelinePage, TimelinePartPage,
    TimelineYear, YearGroup, anchor, date_label,
)
from generator.site.timeline_parts import TimelinePart

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

LATEST_ON_TIMELINE = 10
# Date precision by the length of a partial date.
PRECISION = {4: "year", 7: "month", 10: "day"}


def timeline_pages(builder: PageBuilder) -> dict[str, tuple[str, object]]:
    """Page path -> (template, context): the timeline on one page, or, for a story of more
    events than one page holds, a first page listing the parts, then the parts in date order."""
    if not builder.timeline_parts:
        return {TIMELINE: ("timeline.md.j2", timeline(builder))}
    pages: dict[str, tuple[str, object]] = {TIMELINE: ("timeline_index.md.j2", timeline_index(builder))}
    for number, part in enumerate(builder.timeline_parts):
        pages[part.path] = ("timeline_part.md.j2", timeline_part(builder, number))
    return pages


def timeline(builder: PageBuilder) -> TimelinePage:
    page = TIMELINE
    story, earlier = [], []
    for event in builder.events:
        (earlier if builder.before_the_story(event) else story).append(_event_item(builder, page, event))
    return TimelinePage(builder.titles[page], _by_year(story), _by_year(earlier),
                        _filters(builder, builder.facts.events), builder.references(page))


def timeline_index(builder: PageBuilder) -> TimelineIndexPage:
    page = TIMELINE
    link = builder.link(page)
    years: dict[str, list[TimelinePart]] = {}
    for part in builder.timeline_parts:
        if not part.background:
            years.setdefault(part.events[0].date[:4], []).append(part)
    listed = []
    for year, parts in years.items():
        whole = len(parts) == 1 and parts[0].label == year
        listed.append(TimelineYear(
            year, _events_text(sum(len(part.events) for part in parts)), link(parts[0].path) if whole else None,
            [] if whole else [Link(part.label, link(part.path), _events_text(len(part.events))) for part in parts],
        ))
    earlier = [Link(part.label, link(part.path), _events_text(len(part.events)))
               for part in builder.timeline_parts if part.background]
    return TimelineIndexPage(builder.titles[page], _events_text(len(builder.events)),
                             builder.latest(page, LATEST_ON_TIMELINE), listed, earlier, builder.references(page))


def timeline_part(builder: PageBuilder, number: int) -> TimelinePartPage:
    part = builder.timeline_parts[number]
    page = part.path
    link = builder.link(page)

    def neighbour(index: int) -> Link | None:
        if not 0 <= index < len(builder.timeline_parts):
            return None
        return Link(builder.timeline_parts[index].label, link(builder.timeline_parts[index].path))

    return TimelinePartPage(
        title=f"{builder.titles[TIMELINE]}: {part.label}",
        note="Earlier events the sources recall, for background." if part.background else "",
        years=_by_year([_event_item(builder, page, event) for event in part.events]),
        filters=_filters(builder, part.events), contents=Link(builder.titles[TIMELINE], link(TIMELINE)),
        previous=neighbour(number - 1), next=neighbour(number + 1), references=builder.references(page),
    )


def _filters(builder: PageBuilder, events: list[Event]) -> list[FilterOption]:
    """The people of the events and their countries, by label."""
    filters = {}
    for event in events:
        for person_id in event.people:
            person = builder.people.get(person_id)
            if person is not None:
                filters[person.id] = person.name
                if person.country and len(person.country) == 2:
                    filters[person.country] = builder.country(person.country)
    return [FilterOption(value, label) for value, label in sorted(filters.items(), key=lambda i: (i[1].casefold(), i[0]))]


def _event_item(builder: PageBuilder, page: str, event: Event) -> EventItem:
    people = [builder.people[i] for i in event.people if i in builder.people]
    tags = {p.id for p in people} | {p.country for p in people if p.country and len(p.country) == 2}
    return EventItem(
        anchor=anchor(event.id), date=date_label(event.date, event.approximate),
        precision=PRECISION[len(event.date)], date_note=event.date_note or "", title=event.title,
        summary=event.summary,
        people=[Link(p.name, builder.link(page)(f"people/{p.id}.md")) for p in people],
        filters=" ".join(sorted(tags)), citations=builder.citations(page, event.evidence),
    )


def _events_text(count: int) -> str:
    return f"{count:,} event{'' if count == 1 else 's'}"


def _by_year(events: list[EventItem]) -> list[YearGroup]:
    """Events (in date order) by year and month; those dated only by year open their year."""
    years: dict[str, dict[str, list[EventItem]]] = {}
    for event in events:
        iso = str(event.date.iso)
        month = f"{MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}" if len(iso) >= 7 else f"During {iso[:4]}"
        years.setdefault(iso[:4], {}).setdefault(month, []).append(event)
    return [YearGroup(year, [MonthGroup(label, items) for label, items in months.items()])
            for year, months in years.items()]
