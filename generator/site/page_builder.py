"""The pages' contexts: `PageBuilder` computes each page's dataclass from one Facts graph.

Python computes, templates display. Each page gets one small dataclass from `pages` (its whole
template context, passed as `page`). The builder holds what every page reads (the facts by id,
the events in timeline order, the page each event is on, the citations each page has made) and
makes the core pages; the timeline's pages are in `timeline_pages`, the sources page's in
`sources_pages`, and a story kind's in its module of `site/kinds/`, each from a builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator.model.facts import Facts
from generator.model.gazetteer import place
from generator.model.ids import slugify
from generator.model.kinds import STORY_KINDS
from generator.model.records import Event, Evidence, Participant, Person, Quote, Source
from generator.site.kinds import STORY_SITES
from generator.site.links import Linker
from generator.site.navigation import (
    FACTS_JSON, FACTS_SCHEMA, SOURCES, TIMELINE, WHATS_NEW, page_blurb, page_title, page_titles, site_pages,
)
from generator.site.pages import (
    LEADER_TITLES, AboutPage, BackgroundPage, Citation, ClaimRow, ConflictItem, DateLabel, Development,
    DisagreementsPage, FactItem, HomePage, KeyFigure, Link, Part, ParticipantGroup, ParticipantRow, PersonPage,
    PersonRow, QuoteItem, Reference, Step, WhoPage, anchor, date_label, status_heading, status_rank,
)
from generator.site.timeline_parts import TimelinePart, timeline_parts
from generator.site.world_map import draw_map

# What the About page says each kind of fact is, in the order it lists them.
CORE_PHRASES = {
    "people": "the people named and their roles",
    "participants": "the countries and organisations involved",
    "events": "dated events",
    "quotes": "quotes and who said them",
    "conflicts": "the figures on which the articles disagree",
}
KIND_PHRASES = {**CORE_PHRASES, **{name: kind.summary for name, kind in STORY_KINDS.items()}}
LATEST_ON_HOME = 5


@dataclass
class PageBuilder:
    """Computes every page's context from one Facts graph.

    Citations are numbered per page: the first article a page cites is reference 1, and an
    article cited again keeps its number, collecting every passage the page quotes from it.
    A context's `references` is therefore computed last, once its citations are made.
    """

    facts: Facts
    directory_urls: bool = True
    map_cache: Path | None = None        # a folder that keeps the map's drawing between builds
    sources: dict[str, Source] = field(init=False)
    participants: dict[str, Participant] = field(init=False)
    people: dict[str, Person] = field(init=False)
    titles: dict[str, str] = field(init=False)
    # Built once: every person page and the timeline read them (a scan per person would grow
    # with people x events).
    events: list[Event] = field(init=False)
    events_of: dict[str, list[Event]] = field(init=False)
    quotes_of: dict[str, list[Quote]] = field(init=False)
    first_year: str | None = field(init=False)     # of the story's first dated article
    # The pages of a timeline too long for one (none for a shorter one), and the page each
    # event is on: every link to an event goes through `event_page`.
    timeline_parts: list[TimelinePart] = field(init=False)
    event_pages: dict[str, str] = field(init=False)
    # Page -> source id -> its reference number there, and the passages that page quotes from
    # it in citing order (a dict for its keys: a long page quotes hundreds from one article).
    cited: dict[str, dict[str, tuple[int, dict[str, None]]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.titles = page_titles(self.facts)
        self.sources = {source.id: source for source in self.facts.sources}
        self.participants = {item.id: item for item in self.facts.participants}
        self.people = {person.id: person for person in self.facts.people}
        dates = [source.published for source in self.facts.sources if source.published]
        self.first_year = min(dates)[:4] if dates else None
        self.events = sorted(self.facts.events, key=lambda e: (e.date, e.approximate, e.title, e.id))
        self.events_of = {}
        for event in self.events:
            for person_id in event.people:
                self.events_of.setdefault(person_id, []).append(event)
        self.quotes_of = {}
        for quote in sorted(self.facts.quotes, key=lambda q: (self.published(q.source), q.id)):
            self.quotes_of.setdefault(quote.speaker, []).append(quote)
        self.timeline_parts = timeline_parts(self.events, self.before_the_story)
        self.event_pages = {event.id: part.path for part in self.timeline_parts for event in part.events}

    def link(self, page: str) -> Linker:
        return Linker(page, self.directory_urls)

    def event_page(self, event_id: str) -> str:
        """The page an event is on: the timeline, or the part of it that holds the event."""
        return self.event_pages.get(event_id, TIMELINE)

    def event_href(self, page: str, event: Event) -> Markup:
        return self.link(page)(self.event_page(event.id), event.id)

    def citations(self, page: str, evidence: list[Evidence]) -> list[Citation]:
        """One marker per article the evidence quotes, in the order it first quotes each."""
        passages: dict[str, list[str]] = {}
        for item in evidence:
            passages.setdefault(item.source, []).append(item.quote)
        return [self._cite(page, source_id, quotes) for source_id, quotes in passages.items()]

    def citation(self, page: str, source_id: str, quote: str) -> Citation:
        return self._cite(page, source_id, [quote])

    def _cite(self, page: str, source_id: str, quotes: list[str]) -> Citation:
        references = self.cited.setdefault(page, {})
        number, passages = references.setdefault(source_id, (len(references) + 1, {}))
        passages.update(dict.fromkeys(quotes))
        source = self.sources.get(source_id)
        return Citation(number, Markup(f"#ref-{number}"), " … ".join(quotes), source.title if source else source_id)

    def references(self, page: str) -> list[Reference]:
        """The articles the page has cited so far, numbered in citing order."""
        link = self.link(page)
        listed = []
        for source_id, (number, passages) in self.cited.get(page, {}).items():
            source = self.sources.get(source_id)
            listed.append(Reference(
                number=number, anchor=Markup(f"ref-{number}"), title=source.title if source else source_id,
                outlet=(source.outlet or "") if source else "", date=date_label(source.published) if source else None,
                href=link(SOURCES, f"source-{source_id}"), url=source.url if source else None,
                passages=list(passages),
            ))
        return listed

    def country(self, code: str | None) -> str:
        if not code:
            return "not stated"
        participant = self.participants.get(code)
        if participant:
            return participant.name
        known = place(code)
        return known.name if known else code

    def as_of(self) -> DateLabel | None:
        dates = [source.published for source in self.facts.sources if source.published]
        return date_label(max(dates)) if dates else None

    def before_the_story(self, event: Event) -> bool:
        """Whether an event is background: dated before the year of the story's first dated
        article. The story's own events are shown first, the background after them."""
        return self.first_year is not None and event.date[:4] < self.first_year

    def has_page(self, person: Person) -> bool:
        """People named only in passing (no quote, no event) are listed, not given a page."""
        return person.id in self.quotes_of or person.id in self.events_of

    def data_links(self, page: str) -> list[Link]:
        link = self.link(page)
        return [
            Link("facts.json", link(FACTS_JSON), "every fact on this site, with its evidence"),
            Link("facts.schema.json", link(FACTS_SCHEMA), "the JSON Schema that describes it"),
        ]

    def latest(self, page: str, count: int) -> list[Development]:
        """The story's newest events, newest first, each linked to where it is on the timeline."""
        story = [event for event in self.events if not self.before_the_story(event)]
        return [Development(date_label(e.date, e.approximate), e.title, self.event_href(page, e),
                            self.citations(page, e.evidence))
                for e in sorted(story, key=lambda e: (e.date, e.id), reverse=True)[:count]]

    # One method per page.

    def home(self) -> HomePage:
        page, site = "index.md", self.facts.site
        return HomePage(
            title=site.title,
            description=site.description,
            as_of=self.as_of(),
            source_count=len(self.facts.sources),
            latest=self.latest(page, LATEST_ON_HOME),
            figures=self.key_figures(page),
            summary=[FactItem(s.text, self.citations(page, s.evidence)) for s in site.summary],
            parts=self.parts(page),
            links=[Link(page_title(self.facts, spec), self.link(page)(spec.path), page_blurb(self.facts, spec))
                   for spec in site_pages(self.facts) if spec.path != page],
            references=self.references(page),
        )

    def key_figures(self, page: str) -> list[KeyFigure]:
        link, figures = self.link(page), []
        for kind, label in (("country", "countries"), ("organisation", "organisations")):
            members = [p for p in self.facts.participants if p.kind == kind]
            if members:
                by_status: dict[str, int] = {}
                for member in members:
                    by_status[member.status] = by_status.get(member.status, 0) + 1
                note = ", ".join(f"{count} {self._status_label(status)}"
                                 for status, count in sorted(by_status.items(), key=lambda item: status_rank(item[0])))
                figures.append(KeyFigure(str(len(members)), f"{label} involved", note, link("who.md")))
        if self.facts.people:
            figures.append(KeyFigure(str(len(self.facts.people)), "people named", "", link("who.md", "people")))
        for figure in self.facts.figures:
            # A count that moves is worth its newest value, dated, with how many occasions it spans.
            latest = figure.readings[-1]
            occasions = len({(reading.as_of, reading.occasion) for reading in figure.readings})
            figures.append(KeyFigure(latest.value, f"at {latest.occasion}",
                                     f"the latest of {occasions} meetings counted",
                                     link(WHATS_NEW, f"figure-{figure.id}")))
        for name, site in STORY_SITES.items():
            if name in self.facts.kinds and site.figures is not None:
                figures.extend(site.figures(self, page))
        return figures

    def background(self) -> BackgroundPage:
        page = "background.md"
        definition = [FactItem(s.text, self.citations(page, s.evidence)) for s in self.facts.site.definition]
        earlier = [Link(e.title, self.event_href(page, e), date_label(e.date, e.approximate).text)
                   for e in self.events if self.before_the_story(e)]
        return BackgroundPage(self.titles[page], definition, self.parts(page), earlier, self.references(page))

    def who(self) -> WhoPage:
        page = "who.md"
        link = self.link(page)
        columns = [(name, site.column) for name, site in STORY_SITES.items()
                   if name in self.facts.kinds and site.column is not None]
        leaders = self._leaders()
        by_status: dict[str, list[ParticipantRow]] = {}
        for item in sorted(self.facts.participants, key=lambda p: (status_rank(p.status), p.name.casefold(), p.id)):
            reported = item.as_of or max((self.published(e.source) for e in item.evidence), default="")
            leader = leaders.get(item.id)
            earlier = [self._step(page, self._status_label(change.status), change, item.evidence)
                       for change in item.history[:-1]]
            by_status.setdefault(item.status, []).append(ParticipantRow(
                anchor(f"participant-{item.id}"), item.name, item.kind, item.status,
                self._status_label(item.status), anchor(slugify(item.status)), date_label(reported or None), earlier,
                Link(leader.name, link(f"people/{leader.id}.md") if self.has_page(leader) else "") if leader else None,
                [column.cell(self, item) for _, column in columns],
                self.citations(page, item.evidence), item.id,
            ))
        groups = []
        for status, rows in by_status.items():
            words = self.facts.site.statuses.get(status)
            groups.append(ParticipantGroup(status_heading(status, words.heading if words else None),
                                           _count_text(rows), rows))
        count_text = _count_text(self.facts.participants)
        people = [
            PersonRow(person.name, link(f"people/{person.id}.md") if self.has_page(person) else None,
                      person.role or "not stated", self.country(person.country))
            for person in sorted(self.facts.people, key=lambda p: (p.name.casefold(), p.id))
        ]
        return WhoPage(self.titles[page], self.as_of(), count_text, [column.heading for _, column in columns],
                       groups, draw_map(groups, cache=self.map_cache), people, self.references(page))

    def person(self, person: Person) -> PersonPage:
        page = f"people/{person.id}.md"
        link = self.link(page)
        citations = self.citations(page, person.evidence)
        quotes = [
            QuoteItem(anchor(f"quote-{q.id}"), q.text, date_label(self.published(q.source) or None),
                      self.citation(page, q.source, q.text), q.context)
            for q in self.quotes_of.get(person.id, [])
        ]
        events = [
            Link(event.title, self.event_href(page, event), date_label(event.date, event.approximate).text)
            for event in self.events_of.get(person.id, [])
        ]
        return PersonPage(
            title=person.name, role=person.role or "not stated", role_as_of=date_label(person.as_of),
            role_history=[self._step(page, change.role, change, person.evidence) for change in person.history],
            country=self.country(person.country),
            aliases=sorted(set(person.aliases)), citations=citations, quotes=quotes, events=events,
            back=Link(self.titles["who.md"], link("who.md")), references=self.references(page),
            full_search=not self.timeline_parts,
        )

    def disagreements(self) -> DisagreementsPage:
        page = "disagreements.md"
        link = self.link(page)
        conflicts = [
            ConflictItem(anchor(f"conflict-{c.id}"), c.about, [
                ClaimRow(claim.value, source.title if source else claim.source, link(SOURCES, f"source-{claim.source}"),
                         self._source_note(source), claim.quote)
                for claim in sorted(c.claims, key=lambda k: (k.value, k.source, k.quote))
                for source in [self.sources.get(claim.source)]
            ])
            for c in sorted(self.facts.conflicts, key=lambda c: (c.about.casefold(), c.id))
        ]
        return DisagreementsPage(self.titles[page], conflicts)

    def about(self) -> AboutPage:
        facts = self.facts
        published = facts.all_facts()
        reviewed = sum(1 for fact in published if fact.id in facts.reviewed)
        phrases = [KIND_PHRASES[kind] for kind in facts.kinds if kind in KIND_PHRASES]
        gathered = ", ".join(phrases[:-1]) + (" and " if len(phrases) > 1 else "") + phrases[-1]
        return AboutPage(self.titles["about.md"], facts.site.title, gathered, self.titles.get("disagreements.md"),
                         len(facts.sources), len(published), reviewed,
                         sum(len(ids) for ids in facts.held.values()), facts.site.review_below,
                         self.data_links("about.md"))

    # Helpers.

    def parts(self, page: str) -> list[Part]:
        """The parts the project's story kinds add to one of the core pages."""
        return [Part(part.template, part.context(self)) for name, site in STORY_SITES.items()
                if name in self.facts.kinds for part in site.parts if part.page == page]

    def _step(self, page: str, value: str, change, evidence: list[Evidence]) -> Step:
        """An earlier status or role, cited by the passage of its article the fact rests on (none
        when an editor's evidence leaves that article out)."""
        quote = next((e.quote for e in evidence if e.source == change.source), None)
        return Step(value, date_label(change.as_of), self.citation(page, change.source, quote) if quote else None)

    def _status_label(self, status: str) -> str:
        words = self.facts.site.statuses.get(status)
        return words.label if words and words.label else status

    def _leaders(self) -> dict[str, Person]:
        """Participant id -> the person the facts give as its head, by the office they hold."""
        leaders: dict[str, Person] = {}
        for person in sorted(self.facts.people, key=lambda p: p.id):
            role = (person.role or "").casefold()
            if person.country in self.participants and person.country not in leaders and any(
                    re.search(rf"\b{re.escape(title)}\b", role) for title in LEADER_TITLES) and not re.search(
                    r"\b(?:former|deputy|vice|ex)\b", role):
                leaders[person.country] = person
        return leaders

    def published(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return (source.published or "") if source else ""

    def _source_note(self, source: Source | None) -> str:
        if source is None:
            return ""
        dated = date_label(source.published)
        return ", ".join(part for part in (source.outlet or "", dated.text if dated else "") if part)


def _count_text(participants) -> str:
    """'12 countries and 2 organisations'; empty for none."""
    countries = sum(1 for p in participants if p.kind == "country")
    organisations = len(participants) - countries
    return " and ".join(text for n, text in (
        (countries, f"{countries} {'country' if countries == 1 else 'countries'}"),
        (organisations, f"{organisations} organisation{'' if organisations == 1 else 's'}"),
    ) if n)

