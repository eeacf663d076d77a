"""Rendering: the fact graph becomes the site's Markdown pages.

Python computes, templates display. Each page gets one small dataclass from `pages` (its whole template
context, passed as `page`); the Jinja templates in `theme/pages/` only lay it out.

Everything that comes from the facts is data, never markup. Pages are Markdown whose
data-bearing parts are raw HTML blocks, which Python-Markdown passes through untouched, and
every value a template prints is escaped twice over by `neutralise`: HTML-escaped, and with
every character Markdown or its extensions give meaning to written as a character reference.
So `*bold*`, `[x](javascript:...)`, `{{ 7*7 }}` and `<img onerror>` reach the reader as text.

Links between generated pages sit inside raw HTML, where MkDocs does not rewrite them, so
`Linker` computes each relative URL for the URL style the site is built with.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.model.gazetteer import place
from generator.model.facts import Facts
from generator.model.ids import slugify
from generator.model.kinds import STORY_KINDS
from generator.model.records import Event, Evidence, Participant, Person, Quote, Source
from generator.site.kinds import STORY_SITES
from generator.site.pages import (
    LEADER_TITLES, MONTH_NAMES, AboutPage, BackgroundPage, Citation, ClaimRow, ConflictItem, DateLabel,
    Development, DisagreementsPage, EventItem, FactItem, FilterOption, HomePage, KeyFigure, Link, MonthGroup,
    Part, ParticipantGroup, ParticipantRow, PersonPage, PersonRow, QuoteItem, Reference, SourceFactsPage, SourceItem,
    SourcesPage, TimelineIndexPage, TimelinePage, TimelinePartPage, TimelineYear, WhoPage, YearGroup, anchor, date_label,
    status_heading, status_rank,
)
from generator.site.story_site import Cited, PageSpec
from generator.site.world_map import draw_map

# The core pages in navigation order; a story kind's own pages follow the page it names.
CORE_PAGES: tuple[PageSpec, ...] = (
    PageSpec("index.md", "home", "Home", "", None),
    PageSpec("background.md", "background", "Background", "what the story is about, and what came before", None),
    PageSpec("who.md", "who", "Who is involved", "the countries, organisations and people involved", None),
    PageSpec("timeline.md", "timeline", "Timeline", "how the story developed, in date order", None),
    PageSpec("sources.md", "sources", "Sources", "the news articles every fact on this site rests on", None),
    PageSpec("disagreements.md", "disagreements", "Where sources disagree", "figures the sources give differently",
             "conflicts"),
    PageSpec("about.md", "about", "About", "how this explainer is made, and the open data behind it", None),
)


def _all_pages() -> tuple[PageSpec, ...]:
    pages = list(CORE_PAGES)
    for site in STORY_SITES.values():
        for kind_page in site.pages:
            after = next(i for i, spec in enumerate(pages) if spec.path == kind_page.after)
            pages.insert(after + 1, kind_page.spec)
    return tuple(pages)


# Every top-level page in navigation order; `site_pages` gives those of one project.
PAGES: tuple[PageSpec, ...] = _all_pages()
# A kind whose page shows only when there is something to show: a story where the sources
# agree has no page of disagreements. The other kinds' pages exist whenever the kind is on.
SHOWN_WHEN_FOUND = {"conflicts"}
# What the About page says each kind of fact is, in the order it lists them.
CORE_PHRASES = {
    "people": "the people named and their roles",
    "participants": "the countries and organisations involved",
    "events": "dated events",
    "quotes": "quotes and who said them",
    "conflicts": "the figures on which the articles disagree",
}
KIND_PHRASES = {**CORE_PHRASES, **{name: kind.summary for name, kind in STORY_KINDS.items()}}
FACTS_JSON = "data/facts.json"
FACTS_SCHEMA = "data/facts.schema.json"
# Pages that stay light at any size. A timeline of more events than this is split, a page per
# year, and a year of more than this a page per month (a month is never split); a story of
# fewer keeps its timeline on one page.
EVENTS_PER_PAGE = 300
# The sources page lists what each article supports; when the lists hold more links than this
# in all, each article's list moves to a page of its own.
FACT_LINKS_PER_PAGE = 1000
LATEST_ON_HOME = 5
LATEST_ON_TIMELINE = 10
TIMELINE = "timeline.md"
SOURCES = "sources.md"

# Characters given meaning by HTML, Markdown or a common extension (attr_list, emoji, macros,
# superfences, snippets, tables...): written as character references they are plain text.
_SIGNIFICANT = set("&<>\"'\\`*_{}[]()#+-!|~^=:$%@")
_SPACES = re.compile(r"\s+")


def neutralise(value: object) -> object:
    """Jinja `finalize`: make a value from the facts inert in both HTML and Markdown.

    Whitespace runs become one space, so no value can end a raw HTML block or start a Markdown
    line. Markup (trusted template output, such as a partial's result) passes unchanged.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    text = _SPACES.sub(" ", value)
    return Markup("".join(f"&#{ord(char)};" if char in _SIGNIFICANT else char for char in text))


# -- links -------------------------------------------------------------------------------


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs file, relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class Linker:
    """Relative hrefs from one page to any other page or data file of the site."""

    page: str
    directory_urls: bool = True

    def __call__(self, target: str, anchor: str | None = None) -> Markup:
        fragment = f"#{anchor}" if anchor else ""
        if target == self.page and anchor:
            return Markup(escape(fragment))
        here = posixpath.dirname(page_url(self.page, self.directory_urls)) or "."
        there = page_url(target, self.directory_urls)
        relative = posixpath.relpath(there or ".", here)
        if there.endswith("/") or there == "":
            relative = "./" if relative == "." else relative + "/"
        return Markup(escape(relative + fragment))


@dataclass(frozen=True)
class TimelinePart:
    """One page of a split timeline: a year, a month, or the background before the story."""

    path: str                     # timeline/2025.md, timeline/2025-03.md, timeline/before-the-story.md
    label: str                    # '2025', 'March 2025', 'During 2025', 'Before the story'
    events: list[Event]           # in timeline order
    background: bool


@dataclass(frozen=True)
class FactTarget:
    """Where the sources page links a fact an article supports."""

    text: str
    kind: str
    page: str
    anchor: str | None


@dataclass
class PageBuilder:
    """Computes every page's context from one Facts graph.

    Citations are numbered per page: the first article a page cites is reference 1, and an
    article cited again keeps its number, collecting every passage the page quotes from it.
    A context's `references` is therefore computed last, once its citations are made.
    """

    facts: Facts
    directory_urls: bool = True
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
    # Page -> source id -> the passages that page quotes from it, in citing order.
    cited: dict[str, dict[str, list[str]]] = field(init=False, default_factory=dict)

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
        for quote in sorted(self.facts.quotes, key=lambda q: (self._published(q.source), q.id)):
            self.quotes_of.setdefault(quote.speaker, []).append(quote)
        self.timeline_parts = self._timeline_parts()
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
        passages = references.setdefault(source_id, [])
        passages.extend(quote for quote in quotes if quote not in passages)
        number = list(references).index(source_id) + 1
        source = self.sources.get(source_id)
        return Citation(number, Markup(f"#ref-{number}"), " … ".join(quotes), source.title if source else source_id)

    def references(self, page: str) -> list[Reference]:
        """The articles the page has cited so far, numbered in citing order."""
        link = self.link(page)
        listed = []
        for number, (source_id, passages) in enumerate(self.cited.get(page, {}).items(), 1):
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

    # One method per page.

    def home(self) -> HomePage:
        page, site = "index.md", self.facts.site
        return HomePage(
            title=site.title,
            description=site.description,
            as_of=self.as_of(),
            source_count=len(self.facts.sources),
            latest=self._latest(page, LATEST_ON_HOME),
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
            reported = max((self._published(e.source) for e in item.evidence), default="")
            leader = leaders.get(item.id)
            by_status.setdefault(item.status, []).append(ParticipantRow(
                anchor(f"participant-{item.id}"), item.name, item.kind, item.status,
                self._status_label(item.status), anchor(slugify(item.status)), date_label(reported or None),
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
                       groups, draw_map(groups), people, self.references(page))

    def person(self, person: Person) -> PersonPage:
        page = f"people/{person.id}.md"
        link = self.link(page)
        citations = self.citations(page, person.evidence)
        quotes = [
            QuoteItem(anchor(f"quote-{q.id}"), q.text, date_label(self._published(q.source) or None),
                      self.citation(page, q.source, q.text), q.context)
            for q in self.quotes_of.get(person.id, [])
        ]
        events = [
            Link(event.title, self.event_href(page, event), date_label(event.date, event.approximate).text)
            for event in self.events_of.get(person.id, [])
        ]
        return PersonPage(
            title=person.name, role=person.role or "not stated", country=self.country(person.country),
            aliases=sorted(set(person.aliases)), citations=citations, quotes=quotes, events=events,
            back=Link(self.titles["who.md"], link("who.md")), references=self.references(page),
            full_search=not self.timeline_parts,
        )

    def timeline_pages(self) -> dict[str, tuple[str, object]]:
        """Page path -> (template, context): the timeline on one page, or, for a story of more
        events than one page holds, a first page listing the parts, then the parts in date order."""
        if not self.timeline_parts:
            return {TIMELINE: ("timeline.md.j2", self.timeline())}
        pages: dict[str, tuple[str, object]] = {TIMELINE: ("timeline_index.md.j2", self.timeline_index())}
        for number, part in enumerate(self.timeline_parts):
            pages[part.path] = ("timeline_part.md.j2", self.timeline_part(number))
        return pages

    def timeline(self) -> TimelinePage:
        page = TIMELINE
        story, earlier = [], []
        for event in self.events:
            (earlier if self.before_the_story(event) else story).append(self._event_item(page, event))
        return TimelinePage(self.titles[page], _by_year(story), _by_year(earlier), self._filters(self.facts.events),
                            self.references(page))

    def timeline_index(self) -> TimelineIndexPage:
        page = TIMELINE
        link = self.link(page)
        years: dict[str, list[TimelinePart]] = {}
        for part in self.timeline_parts:
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
                   for part in self.timeline_parts if part.background]
        return TimelineIndexPage(self.titles[page], _events_text(len(self.events)),
                                 self._latest(page, LATEST_ON_TIMELINE), listed, earlier, self.references(page))

    def timeline_part(self, number: int) -> TimelinePartPage:
        part = self.timeline_parts[number]
        page = part.path
        link = self.link(page)

        def neighbour(index: int) -> Link | None:
            if not 0 <= index < len(self.timeline_parts):
                return None
            return Link(self.timeline_parts[index].label, link(self.timeline_parts[index].path))

        return TimelinePartPage(
            title=f"{self.titles[TIMELINE]}: {part.label}",
            note="Earlier events the sources recall, for background." if part.background else "",
            years=_by_year([self._event_item(page, event) for event in part.events]),
            filters=self._filters(part.events), contents=Link(self.titles[TIMELINE], link(TIMELINE)),
            previous=neighbour(number - 1), next=neighbour(number + 1), references=self.references(page),
        )

    def _timeline_parts(self) -> list[TimelinePart]:
        """The pages of a timeline of more than EVENTS_PER_PAGE events, in date order: the
        background before the story (on one page if it fits, else by year), then the story by year."""
        if len(self.events) <= EVENTS_PER_PAGE:
            return []
        earlier = [event for event in self.events if self.before_the_story(event)]
        story = [event for event in self.events if not self.before_the_story(event)]
        parts = []
        if 0 < len(earlier) <= EVENTS_PER_PAGE:
            parts.append(TimelinePart("timeline/before-the-story.md", "Before the story", earlier, True))
        else:
            parts.extend(_year_parts(earlier, background=True))
        return parts + _year_parts(story, background=False)

    def _latest(self, page: str, count: int) -> list[Development]:
        """The story's newest events, newest first, each linked to where it is on the timeline."""
        story = [event for event in self.events if not self.before_the_story(event)]
        return [Development(date_label(e.date, e.approximate), e.title, self.event_href(page, e),
                            self.citations(page, e.evidence))
                for e in sorted(story, key=lambda e: (e.date, e.id), reverse=True)[:count]]

    def _filters(self, events: list[Event]) -> list[FilterOption]:
        """The people of the events and their countries, by label."""
        filters = {}
        for event in events:
            for person_id in event.people:
                person = self.people.get(person_id)
                if person is not None:
                    filters[person.id] = person.name
                    if person.country and len(person.country) == 2:
                        filters[person.country] = self.country(person.country)
        return [FilterOption(value, label) for value, label in sorted(filters.items(), key=lambda i: (i[1].casefold(), i[0]))]

    def _event_item(self, page: str, event: Event) -> EventItem:
        people = [self.people[i] for i in event.people if i in self.people]
        tags = {p.id for p in people} | {p.country for p in people if p.country and len(p.country) == 2}
        return EventItem(
            anchor=anchor(event.id), date=date_label(event.date, event.approximate),
            precision=PRECISION[len(event.date)], date_note=event.date_note or "", title=event.title,
            summary=event.summary,
            people=[Link(p.name, self.link(page)(f"people/{p.id}.md")) for p in people],
            filters=" ".join(sorted(tags)), citations=self.citations(page, event.evidence),
        )

    def sources_pages(self) -> dict[str, tuple[str, object]]:
        """Page path -> (template, context): the sources page, and when the articles support more
        facts than it lists (FACT_LINKS_PER_PAGE), a page per article of what it supports."""
        supported = self._facts_by_source()
        own_pages = sum(len(targets) for targets in supported.values()) > FACT_LINKS_PER_PAGE
        pages: dict[str, tuple[str, object]] = {SOURCES: ("sources.md.j2", self._sources_page(supported, own_pages))}
        for source in self._sources_in_order() if own_pages else ():
            if supported.get(source.id):
                page = _facts_page(source.id)
                pages[page] = ("source.md.j2", SourceFactsPage(
                    source.title, self._source_item(page, source, supported[source.id], own_page=False),
                    Link(self.titles[SOURCES], self.link(page)(SOURCES, f"source-{source.id}"))))
        return pages

    def sources_page(self) -> SourcesPage:
        supported = self._facts_by_source()
        return self._sources_page(supported, sum(len(targets) for targets in supported.values()) > FACT_LINKS_PER_PAGE)

    def _sources_page(self, supported: dict[str, list[FactTarget]], own_pages: bool) -> SourcesPage:
        items = [self._source_item(SOURCES, source, supported.get(source.id, []), own_pages)
                 for source in self._sources_in_order()]
        return SourcesPage(self.titles[SOURCES], items, self.data_links(SOURCES))

    def _sources_in_order(self) -> list[Source]:
        return sorted(self.facts.sources, key=lambda s: (s.published is None, s.published or "", s.title, s.id))

    def _source_item(self, page: str, source: Source, targets: list[FactTarget], own_page: bool) -> SourceItem:
        """An article's entry; with `own_page`, what it supports is linked, not listed."""
        link = self.link(page)
        linked = own_page and bool(targets)
        return SourceItem(
            anchor=anchor(f"source-{source.id}"), title=source.title, outlet=source.outlet or "",
            date=date_label(source.published), byline=", ".join(source.byline), url=source.url,
            fact_count_text=f"Supports {len(targets)} fact{'' if len(targets) == 1 else 's'}",
            facts=[] if linked else [Link(t.text, link(t.page, t.anchor), t.kind) for t in targets],
            facts_href=link(_facts_page(source.id)) if linked else None,
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

    def _published(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return (source.published or "") if source else ""

    def _source_note(self, source: Source | None) -> str:
        if source is None:
            return ""
        dated = date_label(source.published)
        return ", ".join(part for part in (source.outlet or "", dated.text if dated else "") if part)

    def _facts_by_source(self) -> dict[str, list[FactTarget]]:
        """For each source id, where every fact (and statement) it supports is shown, by kind and text."""
        facts = self.facts
        found: dict[str, dict[tuple[str, str], FactTarget]] = {}

        def add(source_ids, kind: str, label: str, target: str, anchor: str | None = None) -> None:
            label = label if len(label) <= 100 else label[:99] + "…"
            for source_id in source_ids:
                found.setdefault(source_id, {})[(kind, label + (anchor or ""))] = FactTarget(label, kind, target, anchor)

        def sources_of(fact) -> list[str]:
            return [item.source for item in fact.evidence]

        for statement in facts.site.summary:
            add(sources_of(statement), "Summary", statement.text, "index.md")
        for statement in facts.site.definition:
            add(sources_of(statement), "Definition", statement.text, "background.md")
        for p in facts.people:
            add(sources_of(p), "Person", p.name, f"people/{p.id}.md" if self.has_page(p) else "who.md",
                None if self.has_page(p) else "people")
        for p in facts.participants:
            add(sources_of(p), "Participant", p.name, "who.md", f"participant-{p.id}")
        for e in facts.events:
            add(sources_of(e), "Event", e.title, self.event_page(e.id), e.id)
        for q in facts.quotes:
            add([q.source, *sources_of(q)], "Quote", f"“{q.text}”", f"people/{q.speaker}.md", f"quote-{q.id}")
        for name, site in STORY_SITES.items():
            for fact in getattr(facts, name) if name in facts.kinds else ():
                cited: Cited = site.cited(fact)
                add(sources_of(fact), cited.label, cited.text, cited.page, cited.anchor)
        for c in facts.conflicts:
            add([claim.source for claim in c.claims] + sources_of(c), "Disagreement", c.about,
                "disagreements.md", f"conflict-{c.id}")
        return {source_id: [links[key] for key in sorted(links)] for source_id, links in found.items()}


def _count_text(participants) -> str:
    """'12 countries and 2 organisations'; empty for none."""
    countries = sum(1 for p in participants if p.kind == "country")
    organisations = len(participants) - countries
    return " and ".join(text for n, text in (
        (countries, f"{countries} {'country' if countries == 1 else 'countries'}"),
        (organisations, f"{organisations} organisation{'' if organisations == 1 else 's'}"),
    ) if n)


def _events_text(count: int) -> str:
    return f"{count:,} event{'' if count == 1 else 's'}"


def _facts_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


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


# Date precision by the length of a partial date.
PRECISION = {4: "year", 7: "month", 10: "day"}


def _by_year(events: list[EventItem]) -> list[YearGroup]:
    """Events (in date order) by year and month; those dated only by year open their year."""
    years: dict[str, dict[str, list[EventItem]]] = {}
    for event in events:
        iso = str(event.date.iso)
        month = f"{MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}" if len(iso) >= 7 else f"During {iso[:4]}"
        years.setdefault(iso[:4], {}).setdefault(month, []).append(event)
    return [YearGroup(year, [MonthGroup(label, items) for label, items in months.items()])
            for year, months in years.items()]


# -- rendering ---------------------------------------------------------------------------------


def markdown_heading(value: object) -> Markup:
    """Filter `md`: a value fit for a Markdown heading line (same escaping as everywhere)."""
    return Markup(neutralise(str(value)))


def template_environment(templates: Path | None = None) -> jinja2.Environment:
    """The page templates: a project's own folder (the plugin's `templates` option) first,
    as Material's custom_dir is, then the installed theme's, for every template and partial."""
    loader = jinja2.FunctionLoader(_load_template)
    if templates is not None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(templates), encoding="utf-8"), loader])
    environment = jinja2.Environment(
        loader=loader, autoescape=True, finalize=neutralise, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_heading
    return environment


def _load_template(name: str) -> str | None:
    """Templates ship inside the package (generator.theme), so installed projects find them."""
    resource = files("generator.theme") / "pages"
    for part in name.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


PAGE_TEMPLATES = {  # the pages a project has are those of `site_pages`
    "index.md": ("index.md.j2", PageBuilder.home),
    "background.md": ("background.md.j2", PageBuilder.background),
    "who.md": ("who.md.j2", PageBuilder.who),
    "timeline.md": ("timeline.md.j2", PageBuilder.timeline),
    "sources.md": ("sources.md.j2", PageBuilder.sources_page),
    "disagreements.md": ("disagreements.md.j2", PageBuilder.disagreements),
    "about.md": ("about.md.j2", PageBuilder.about),
}
PAGE_TEMPLATES.update({kind_page.spec.path: (kind_page.template, kind_page.context)
                       for site in STORY_SITES.values() for kind_page in site.pages})
PERSON_TEMPLATE = "person.md.j2"


# Pages that become several on a large story: the page's path -> its pages' templates and contexts.
PAGE_SETS = {TIMELINE: PageBuilder.timeline_pages, SOURCES: PageBuilder.sources_pages}


def page_contexts(facts: Facts, directory_urls: bool = True) -> dict[str, tuple[str, object]]:
    """Page path → (template name, context) for every page of the site."""
    builder = PageBuilder(facts, directory_urls)
    contexts: dict[str, tuple[str, object]] = {}
    for spec in site_pages(facts):
        if spec.path in PAGE_SETS:
            contexts.update(PAGE_SETS[spec.path](builder))
        else:
            contexts[spec.path] = (PAGE_TEMPLATES[spec.path][0], PAGE_TEMPLATES[spec.path][1](builder))
    for person in sorted(facts.people, key=lambda p: p.id):
        if builder.has_page(person):
            contexts[f"people/{person.id}.md"] = (PERSON_TEMPLATE, builder.person(person))
    return contexts


def render_site(facts: Facts, directory_urls: bool = True, templates: Path | None = None) -> dict[str, str]:
    """Page path → Markdown text for every generated page, in a stable order; `templates` is
    a folder of templates that replace the theme's of the same name."""
    environment = template_environment(templates)
    return {
        path: environment.get_template(template).render(page=context)
        for path, (template, context) in page_contexts(facts, directory_urls).items()
    }


def site_pages(facts: Facts) -> list[PageSpec]:
    """The top-level pages this project has: a kind's page only with that kind (and, for
    SHOWN_WHEN_FOUND kinds, only with facts of it)."""
    return [spec for spec in PAGES if spec.kind is None or (
        spec.kind in facts.kinds and (spec.kind not in SHOWN_WHEN_FOUND or getattr(facts, spec.kind)))]


def page_title(facts: Facts, spec: PageSpec) -> str:
    if spec.key == "background":
        return facts.site.background_title
    return getattr(facts.site.pages, spec.key).title or spec.title


def page_blurb(facts: Facts, spec: PageSpec) -> str:
    blurb = getattr(facts.site.pages, spec.key).blurb
    return spec.blurb if blurb is None else blurb


def page_titles(facts: Facts) -> dict[str, str]:
    return {spec.path: page_title(facts, spec) for spec in site_pages(facts)}


def page_nav(facts: Facts) -> list[dict[str, str] | str]:
    """The top navigation in MkDocs `nav` form. People pages are reached from 'Who is involved'.

    MkDocs takes a title given in `nav` as HTML, and Material strips and unescapes it for the
    window title, so a title the project's words give (the background title, any under `pages`)
    is not given here: that page is titled by its own heading, which MkDocs escapes. Only the
    code's own titles are.
    """
    return [{spec.title: spec.path} if page_title(facts, spec) == spec.title else spec.path
            for spec in site_pages(facts)]
