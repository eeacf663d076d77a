"""What changed in the story, and when: the facts each article added, the statuses and roles it
changed, and the figures it updated.

Everything here is read from the facts themselves, in story time: a fact is new on the day the
first article that gives it was published, a status changed on the day of the report in its
history, a figure moved on the day of its next occasion. So the "What's new" page and the feed
of the same facts are the same bytes on every build, and a reader who last came on a given day
sees what is new since. The earliest news cycle is the story as first reported: it is counted,
not listed, since every fact of it would be "new".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model.facts import CORE_KINDS, FACT_TYPES
from generator.model.records import (
    NEWS_CYCLE_DAYS, Conflict, Evidence, Fact, Figure, Participant, Person, Quote, days_between,
)
from generator.site.kinds import STORY_SITES
from generator.site.navigation import WHATS_NEW
from generator.site.figure_chart import draw_figure
from generator.site.pages import (
    ChangeDay, ChangeItem, FigureRow, FigureSeries, WhatsNewPage, anchor, date_label,
)
from generator.site.story_site import Cited

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

# A day of many changes lists this many, and says how many more; the page lists the newest
# `DAYS_SHOWN` days, so that it stays a page of news however long the story runs.
CHANGES_PER_DAY = 25
DAYS_SHOWN = 30


@dataclass(frozen=True)
class Change:
    """One change to the story, on the day an article reported it."""

    date: str                    # the reporting article's publication date (partial date)
    kind: str                    # the fact kind: people, participants, a story kind, ...
    fact_id: str
    what: str                    # "new", "status", "role" or "figure"
    text: str                    # the change in a line, as readers see it
    shown: Cited                 # where the fact is shown on the site
    evidence: tuple[Evidence, ...]


def kind_noun(kind: str) -> str:
    """A fact kind in a word or two, from its record's name: 'Person' → 'person'."""
    if kind == "conflicts":
        return "disagreement"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", FACT_TYPES[kind].__name__).lower()


def counted(count: int, kind: str) -> str:
    """'1 person', '3 people', '2 plan points'."""
    noun = kind_noun(kind)
    if count != 1:
        noun = "people" if noun == "person" else noun + "s"
    return f"{count} {noun}"


def where_shown(builder: "PageBuilder", kind: str, fact: Fact) -> Cited:
    """How a fact is named and where the site shows it."""
    if kind == "people":
        return Cited("Person", fact.name, f"people/{fact.id}.md" if builder.has_page(fact) else "who.md",
                     None if builder.has_page(fact) else "people")
    if kind == "participants":
        return Cited("Participant", fact.name, "who.md", f"participant-{fact.id}")
    if kind == "events":
        return Cited("Event", fact.title, builder.event_page(fact.id), fact.id)
    if kind == "quotes":
        speaker = builder.people.get(fact.speaker)
        said = f"{speaker.name}: “{fact.text}”" if speaker else f"“{fact.text}”"
        return Cited("Quote", said, f"people/{fact.speaker}.md", f"quote-{fact.id}")
    if kind == "conflicts":
        return Cited("Disagreement", fact.about, "disagreements.md", f"conflict-{fact.id}")
    if kind == "figures":
        return Cited("Figure", fact.about, WHATS_NEW, f"figure-{fact.id}")
    return STORY_SITES[kind].cited(fact)


def fact_evidence(fact: Fact) -> list[Evidence]:
    """The passages a fact rests on, whichever field holds them."""
    if isinstance(fact, Quote):
        return [Evidence(source=fact.source, quote=fact.text), *fact.evidence]
    if isinstance(fact, (Figure, Conflict)):
        claims = fact.readings if isinstance(fact, Figure) else fact.claims
        return [*fact.evidence, *(Evidence(source=c.source, quote=c.quote) for c in claims)]
    return fact.evidence


def story_changes(builder: "PageBuilder") -> list[Change]:
    """Every change after the story's first news cycle, newest first."""
    facts, published = builder.facts, builder.published
    first = min((source.published for source in facts.sources if source.published), default=None)
    changes: list[Change] = []
    for kind in facts.kinds:
        for fact in getattr(facts, kind):
            evidence = fact_evidence(fact)
            dated = sorted((published(e.source), e.source) for e in evidence if published(e.source))
            shown = where_shown(builder, kind, fact)
            if dated and not _in_first_cycle(dated[0][0], first):
                day, source = dated[0]
                changes.append(Change(day, kind, fact.id, "new", f"New {kind_noun(kind)}: {shown.text}", shown,
                                      tuple(e for e in evidence if e.source == source)))
            changes.extend(_history_changes(kind, fact, shown, evidence))
            if isinstance(fact, Figure):
                changes.extend(_figure_changes(fact, shown))
    # Newest day first; within a day, what changed before what is new, and who is involved and
    # what they do before the people and words that tell it.
    leading = ["participants", *(kind for kind in facts.kinds if kind not in CORE_KINDS), "events", "people", "quotes"]
    order = {kind: index for index, kind in enumerate(dict.fromkeys([*leading, *facts.kinds]))}
    changes.sort(key=lambda c: (c.what == "new", order.get(c.kind, len(order)), c.text, c.fact_id))
    return sorted(changes, key=lambda c: c.date, reverse=True)


def first_cycle_counts(builder: "PageBuilder") -> tuple[str | None, dict[str, int]]:
    """The story as first reported: the first article's date, and how many facts of each kind
    the first news cycle gave."""
    facts, published = builder.facts, builder.published
    first = min((source.published for source in facts.sources if source.published), default=None)
    counts: dict[str, int] = {}
    if first is None:
        return None, counts
    # Figures and disagreements are made across articles, not reported by the first ones.
    for kind in (kind for kind in facts.kinds if kind not in ("figures", "conflicts")):
        for fact in getattr(facts, kind):
            days = [published(e.source) for e in fact_evidence(fact) if published(e.source)]
            if days and _in_first_cycle(min(days), first):
                counts[kind] = counts.get(kind, 0) + 1
    return first, counts


def _in_first_cycle(day: str, first: str | None) -> bool:
    return first is not None and days_between(first, day) <= NEWS_CYCLE_DAYS


def _history_changes(kind: str, fact: Fact, shown: Cited, evidence: list[Evidence]) -> list[Change]:
    """A status or role that changed: each entry of the fact's history after the first."""
    if not isinstance(fact, (Participant, Person)) or len(fact.history) < 2:
        return []
    field = "status" if isinstance(fact, Participant) else "role"
    changes = []
    for before, after in zip(fact.history, fact.history[1:]):
        if not after.as_of:
            continue
        now, was = getattr(after, field), getattr(before, field)
        passages = tuple(e for e in evidence if e.source == after.source)
        changes.append(Change(after.as_of, kind, fact.id, field,
                              f"{shown.text}: {field} now {now} (was {was})", shown, passages))
    return changes


def _figure_changes(figure: Figure, shown: Cited) -> list[Change]:
    """A figure's value on each occasion after its first."""
    occasions: dict[tuple[str, str], list] = {}
    for reading in figure.readings:
        occasions.setdefault((reading.as_of, reading.occasion), []).append(reading)
    changes = []
    ordered = sorted(occasions.items())
    for (_, _), (key, readings) in zip(ordered, ordered[1:]):
        day, occasion = key
        values = " or ".join(dict.fromkeys(r.value for r in readings))
        changes.append(Change(day, "figures", figure.id, "figure", f"{figure.about}: {values} at {occasion}",
                              shown, tuple(Evidence(source=r.source, quote=r.quote) for r in readings)))
    return changes


def whats_new_page(builder: "PageBuilder") -> WhatsNewPage:
    """The figures that moved, then the changes day by day, newest first."""
    page = WHATS_NEW
    link = builder.link(page)
    by_day: dict[str, list[Change]] = {}
    for change in story_changes(builder):
        by_day.setdefault(change.date, []).append(change)
    days = [
        ChangeDay(date_label(day), anchor(f"changes-{day}"), [
            ChangeItem(change.text, link(change.shown.page, change.shown.anchor),
                       builder.citations(page, list(change.evidence)))
            for change in changes[:CHANGES_PER_DAY]
        ], max(0, len(changes) - CHANGES_PER_DAY))
        for day, changes in list(by_day.items())[:DAYS_SHOWN]
    ]
    figures = [figure_series(builder, page, figure) for figure in builder.facts.figures]
    first, counts = first_cycle_counts(builder)
    return WhatsNewPage(builder.titles[page], date_label(first),
                        ", ".join(counted(count, kind) for kind, count in counts.items()),
                        figures, days, max(0, len(by_day) - DAYS_SHOWN), builder.references(page))


def figure_series(builder: "PageBuilder", page: str, figure: Figure) -> FigureSeries:
    latest = figure.readings[-1]
    newest = [r.value for r in figure.readings if (r.as_of, r.occasion) == (latest.as_of, latest.occasion)]
    return FigureSeries(
        anchor(f"figure-{figure.id}"), figure.about, " or ".join(dict.fromkeys(newest)), date_label(latest.as_of),
        draw_figure(figure, lambda day: date_label(day).text),
        [FigureRow(date_label(r.as_of), r.occasion, r.value, builder.citation(page, r.source, r.quote))
         for r in figure.readings],
    )


def since_previous(before: dict, after: dict) -> list[str]:
    """What a build publishes that the previous one did not, from the two builds' facts.json:
    facts added and gone by kind, statuses and roles that changed, figures with a new latest
    value. One line each; none when nothing changed."""
    lines = []
    for kind, records in after.items():
        if not isinstance(records, list) or kind == "sources" or not isinstance(before.get(kind, []), list):
            continue
        old = {record.get("id"): record for record in before.get(kind, []) if isinstance(record, dict)}
        new = {record.get("id"): record for record in records if isinstance(record, dict)}
        added, gone = sorted(set(new) - set(old), key=str), sorted(set(old) - set(new), key=str)
        if added:
            lines.append(f"{kind}: {len(added)} new ({_some(added)})")
        if gone:
            lines.append(f"{kind}: {len(gone)} no longer published ({_some(gone)})")
        for fact_id in sorted(set(old) & set(new), key=str):
            for field in ("status", "role"):
                if field in new[fact_id] and old[fact_id].get(field) != new[fact_id].get(field):
                    lines.append(f"{kind}: {fact_id} {field} {old[fact_id].get(field)} -> {new[fact_id].get(field)}")
            was, now = (_latest(record.get("readings")) for record in (old[fact_id], new[fact_id]))
            if now and was != now:
                lines.append(f"{kind}: {fact_id} now {now}")
    return lines


def _some(ids: list, shown: int = 5) -> str:
    return ", ".join(map(str, ids[:shown])) + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def _latest(readings) -> str | None:
    """A figure's newest value as facts.json has it: '35 countries on 2026-01-06'."""
    if not isinstance(readings, list) or not readings or not isinstance(readings[-1], dict):
        return None
    return f"{readings[-1].get('value')} on {readings[-1].get('as_of')}"
