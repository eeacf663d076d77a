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
from generator.site.pages import (
    anchor, AboutPage, Citation, ClaimRow, BackgroundPage, CoalitionRow, ConflictItem, DateLabel, DisagreementsPage, EventItem, FactItem, HomePage, Link, ParticipantGroup, ParticipantItem, PersonPage, PersonRow, PledgeGroup, PledgeItem, PledgesPage, QuoteItem, SourceItem, SourcesPage, TimelinePage, WhoPage, YearGroup, status_rank, amount_text, date_label, number_text, number_word, status_heading,
)
from generator.model.facts import Event, Evidence, Fact, Facts, Participant, Person, Source
from generator.model.ids import slugify

@dataclass(frozen=True)
class PageSpec:
    """A top-level page, with the neutral words it has unless the project's site.yaml
    (`pages: <key>:`) gives its own."""

    path: str
    key: str            # its entry under `pages` in content/editorial/site.yaml
    title: str
    blurb: str
    kind: str | None    # the fact kind it shows, when the page exists only with that kind's facts


# Top-level pages in navigation order.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("index.md", "home", "Home", "", None),
    PageSpec("background.md", "background", "Background", "what the story is about, and what came before", None),
    PageSpec("who.md", "who", "Who is involved", "the countries, organisations and people involved", None),
    PageSpec("pledges.md", "pledges", "Commitments", "what was promised, and by whom", "pledges"),
    PageSpec("timeline.md", "timeline", "Timeline", "how the story developed, in date order", None),
    PageSpec("sources.md", "sources", "Sources", "the news articles every fact on this site rests on", None),
    PageSpec("disagreements.md", "disagreements", "Where sources disagree", "figures the sources give differently",
             "conflicts"),
    PageSpec("about.md", "about", "About", "how this explainer is made, and the open data behind it", None),
)
# A kind whose page shows only when there is something to show: a story where the sources
# agree has no page of disagreements. The other kinds' pages exist whenever the kind is on.
SHOWN_WHEN_FOUND = {"conflicts"}
# What the About page says each kind of fact is, in the order it lists them.
KIND_PHRASES = {
    "people": "the people named and their roles",
    "participants": "the countries and organisations involved",
    "events": "dated events",
    "pledges": "commitments",
    "quotes": "quotes and who said them",
    "plan": "the points of a plan",
    "coalitions": "earlier cases the sources compare it with",
    "conflicts": "the figures on which the articles disagree",
}
FACTS_JSON = "data/facts.json"
FACTS_SCHEMA = "data/facts.schema.json"

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


@dataclass
class _Builder:
    """Computes every page's context from one Facts graph."""

    facts: Facts
    directory_urls: bool = True
    sources: dict[str, Source] = field(init=False)
    participants: dict[str, Participant] = field(init=False)
    titles: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.titles = page_titles(self.facts)
        self.sources = {source.id: source for source in self.facts.sources}
        self.participants = {item.id: item for item in self.facts.participants}

    def link(self, page: str) -> Linker:
        return Linker(page, self.directory_urls)

    def citations(self, page: str, evidence: list[Evidence]) -> list[Citation]:
        return [self.citation(page, item.source, item.quote) for item in evidence]

    def citation(self, page: str, source_id: str, quote: str) -> Citation:
        source = self.sources.get(source_id)
        title = source.title if source else source_id
        return Citation(title, self.link(page)("sources.md", f"source-{source_id}"), quote)

    def reviewed(self, fact: Fact) -> bool:
        return fact.id in self.facts.reviewed

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

    def data_links(self, page: str) -> list[Link]:
        link = self.link(page)
        return [
            Link("facts.json", link(FACTS_JSON), "every fact on this site, with its evidence"),
            Link("facts.schema.json", link(FACTS_SCHEMA), "the JSON Schema that describes it"),
        ]

    # One method per page.

    def home(self) -> HomePage:
        page, site = "index.md", self.facts.site
        plan = sorted(self.facts.plan, key=lambda point: (point.point, point.id))
        return HomePage(
            title=site.title,
            description=site.description,
            as_of=self.as_of(),
            source_count=len(self.facts.sources),
            summary=[FactItem(s.text, self.citations(page, s.evidence)) for s in site.summary],
            plan_heading=f"The {number_word(len(plan))}-point plan",
            plan=[FactItem(p.text, self.citations(page, p.evidence), self.reviewed(p), anchor(f"plan-{p.id}"), p.point)
                  for p in plan],
            links=[Link(page_title(self.facts, spec), self.link(page)(spec.path), page_blurb(self.facts, spec))
                   for spec in site_pages(self.facts) if spec.path != page],
        )

    def background(self) -> BackgroundPage:
        page = "background.md"
        rows = [
            CoalitionRow(anchor(f"coalition-{c.id}"), c.name, c.year, c.led_by or "not stated",
                         c.mandate or "not stated", c.size or "not stated", c.summary,
                         self.citations(page, c.evidence), self.reviewed(c))
            for c in sorted(self.facts.coalitions, key=lambda c: (c.year, c.name, c.id))
        ]
        definition = [FactItem(s.text, self.citations(page, s.evidence)) for s in self.facts.site.definition]
        words = self.facts.site.pages.background
        return BackgroundPage(self.titles[page], definition, "coalitions" in self.facts.kinds,
                              words.precedents_heading, words.precedents_empty, rows)

    def who(self) -> WhoPage:
        page = "who.md"
        by_status: dict[str, list[Participant]] = {}
        for item in self.facts.participants:
            by_status.setdefault(item.status, []).append(item)
        groups = []
        for status in sorted(by_status, key=status_rank):
            members = sorted(by_status[status], key=lambda p: (p.name.casefold(), p.id))
            countries = sum(1 for p in members if p.kind == "country")
            organisations = len(members) - countries
            counts = [text for n, text in (
                (countries, f"{countries} {'country' if countries == 1 else 'countries'}"),
                (organisations, f"{organisations} organisation{'' if organisations == 1 else 's'}"),
            ) if n]
            words = self.facts.site.statuses.get(status)
            groups.append(ParticipantGroup(
                status_heading(status, words.heading if words else None), " and ".join(counts),
                [ParticipantItem(anchor(f"participant-{p.id}"), p.name, p.kind, p.status,
                                 (words.label if words and words.label else p.status), anchor(slugify(p.status)),
                                 self.citations(page, p.evidence), self.reviewed(p)) for p in members],
            ))
        people = [
            PersonRow(person.name, self.link(page)(f"people/{person.id}.md"), person.role or "not stated",
                      self.country(person.country))
            for person in sorted(self.facts.people, key=lambda p: (p.name.casefold(), p.id))
        ]
        return WhoPage(self.titles[page], self.as_of(), groups, people)

    def person(self, person: Person) -> PersonPage:
        page = f"people/{person.id}.md"
        link = self.link(page)
        quotes = [
            QuoteItem(anchor(f"quote-{q.id}"), q.text, self.citation(page, q.source, q.text), self.reviewed(q))
            for q in sorted(self.facts.quotes, key=lambda q: (self._published(q.source), q.id))
            if q.speaker == person.id
        ]
        events = [
            Link(event.title, link("timeline.md", event.id), date_label(event.date, event.approximate).text)
            for event in self._events() if person.id in event.people
        ]
        return PersonPage(
            title=person.name, role=person.role or "not stated", country=self.country(person.country),
            aliases=sorted(set(person.aliases)), citations=self.citations(page, person.evidence),
            reviewed=self.reviewed(person), quotes=quotes, events=events,
            back=Link(self.titles["who.md"], link("who.md")),
        )

    def pledges(self) -> PledgesPage:
        page = "pledges.md"
        by_actor: dict[str, list] = {}
        for pledge in self.facts.pledges:
            by_actor.setdefault(self.country(pledge.actor), []).append(pledge)
        groups = []
        for actor in sorted(by_actor, key=lambda name: (name.casefold(), name)):
            items = []
            for pledge in sorted(by_actor[actor], key=lambda p: (p.summary.casefold(), p.id)):
                details = []
                if pledge.amount:
                    details.append(("Amount", amount_text(pledge.amount.value, pledge.amount.currency)))
                if pledge.quantity:
                    details.append(("Quantity", f"{number_text(pledge.quantity.value)} {pledge.quantity.unit}"))
                if pledge.condition:
                    details.append(("Condition", pledge.condition))
                if pledge.target_year:
                    details.append(("Target year", str(pledge.target_year)))
                items.append(PledgeItem(anchor(f"pledge-{pledge.id}"), pledge.summary, details,
                                        self.citations(page, pledge.evidence), self.reviewed(pledge)))
            groups.append(PledgeGroup(actor, items))
        return PledgesPage(self.titles[page], groups)

    def timeline(self) -> TimelinePage:
        page = "timeline.md"
        people = {person.id: person for person in self.facts.people}
        years: dict[str, list[EventItem]] = {}
        for event in self._events():
            years.setdefault(event.date[:4], []).append(EventItem(
                anchor=anchor(event.id), date=date_label(event.date, event.approximate),
                date_note=event.date_note or "", title=event.title, summary=event.summary,
                people=[Link(people[i].name, self.link(page)(f"people/{i}.md")) for i in event.people if i in people],
                citations=self.citations(page, event.evidence), reviewed=self.reviewed(event),
            ))
        return TimelinePage(self.titles[page], [YearGroup(year, events) for year, events in years.items()])

    def sources_page(self) -> SourcesPage:
        page = "sources.md"
        supported = self._facts_by_source(page)
        items = []
        for source in sorted(self.facts.sources, key=lambda s: (s.published is None, s.published or "", s.title, s.id)):
            facts = supported.get(source.id, [])
            items.append(SourceItem(
                anchor=anchor(f"source-{source.id}"), title=source.title, outlet=source.outlet or "outlet not stated",
                date=date_label(source.published), byline=", ".join(source.byline), file=source.file,
                fact_count_text=f"Supports {len(facts)} fact{'' if len(facts) == 1 else 's'}", facts=facts,
            ))
        return SourcesPage(self.titles[page], items, self.data_links(page))

    def disagreements(self) -> DisagreementsPage:
        page = "disagreements.md"
        conflicts = [
            ConflictItem(anchor(f"conflict-{c.id}"), c.about, [
                ClaimRow(claim.value, cite.source_title, cite.href, claim.quote)
                for claim in sorted(c.claims, key=lambda k: (k.value, k.source, k.quote))
                for cite in [self.citation(page, claim.source, claim.quote)]
            ], self.reviewed(c))
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

    def _events(self) -> list[Event]:
        return sorted(self.facts.events, key=lambda e: (e.date, e.approximate, e.title, e.id))

    def _published(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return (source.published or "") if source else ""

    def _facts_by_source(self, page: str) -> dict[str, list[Link]]:
        """For each source id, links to every fact (and statement) it supports."""
        link, facts = self.link(page), self.facts
        found: dict[str, dict[tuple[str, str], Link]] = {}

        def add(source_ids, kind: str, label: str, target: str, anchor: str | None = None) -> None:
            label = label if len(label) <= 100 else label[:99] + "…"
            for source_id in source_ids:
                found.setdefault(source_id, {})[(kind, label + (anchor or ""))] = Link(label, link(target, anchor), kind)

        def sources_of(fact) -> list[str]:
            return [item.source for item in fact.evidence]

        for statement in facts.site.summary:
            add(sources_of(statement), "Summary", statement.text, "index.md")
        for statement in facts.site.definition:
            add(sources_of(statement), "Definition", statement.text, "background.md")
        for p in facts.people:
            add(sources_of(p), "Person", p.name, f"people/{p.id}.md")
        for p in facts.participants:
            add(sources_of(p), "Participant", p.name, "who.md", f"participant-{p.id}")
        for e in facts.events:
            add(sources_of(e), "Event", e.title, "timeline.md", e.id)
        for p in facts.pledges:
            add(sources_of(p), "Pledge", p.summary, "pledges.md", f"pledge-{p.id}")
        for q in facts.quotes:
            add([q.source, *sources_of(q)], "Quote", f"“{q.text}”", f"people/{q.speaker}.md", f"quote-{q.id}")
        for p in facts.plan:
            add(sources_of(p), "Plan", f"Point {p.point}: {p.text}", "index.md", anchor(f"plan-{p.id}"))
        for c in facts.coalitions:
            add(sources_of(c), "Past coalition", c.name, "background.md", f"coalition-{c.id}")
        for c in facts.conflicts:
            add([claim.source for claim in c.claims] + sources_of(c), "Disagreement", c.about,
                "disagreements.md", f"conflict-{c.id}")
        return {source_id: [links[key] for key in sorted(links)] for source_id, links in found.items()}


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
    "index.md": ("index.md.j2", _Builder.home),
    "background.md": ("background.md.j2", _Builder.background),
    "who.md": ("who.md.j2", _Builder.who),
    "pledges.md": ("pledges.md.j2", _Builder.pledges),
    "timeline.md": ("timeline.md.j2", _Builder.timeline),
    "sources.md": ("sources.md.j2", _Builder.sources_page),
    "disagreements.md": ("disagreements.md.j2", _Builder.disagreements),
    "about.md": ("about.md.j2", _Builder.about),
}
PERSON_TEMPLATE = "person.md.j2"


def page_contexts(facts: Facts, directory_urls: bool = True) -> dict[str, tuple[str, object]]:
    """Page path → (template name, context) for every page of the site."""
    builder = _Builder(facts, directory_urls)
    contexts = {spec.path: (PAGE_TEMPLATES[spec.path][0], PAGE_TEMPLATES[spec.path][1](builder))
                for spec in site_pages(facts)}
    for person in sorted(facts.people, key=lambda p: p.id):
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
