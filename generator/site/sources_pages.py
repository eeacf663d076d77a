"""The sources page: every article, with where each fact it supports is shown; past
`FACT_LINKS_PER_PAGE` links in all, each article's list on a page of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model.records import Source
from generator.site.developments import fact_evidence, where_shown
from generator.site.navigation import SOURCES
from generator.site.pages import Link, SourceFactsPage, SourceItem, SourcesPage, anchor, date_label

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

# The sources page lists what each article supports; when the lists hold more links than this
# in all, each article's list moves to a page of its own.
FACT_LINKS_PER_PAGE = 1000


@dataclass(frozen=True)
class FactTarget:
    """Where the sources page links a fact an article supports."""

    text: str
    kind: str
    page: str
    anchor: str | None


def sources_pages(builder: PageBuilder) -> dict[str, tuple[str, object]]:
    """Page path -> (template, context): the sources page, and when the articles support more
    facts than it lists (FACT_LINKS_PER_PAGE), a page per article of what it supports."""
    supported = _facts_by_source(builder)
    own_pages = sum(len(targets) for targets in supported.values()) > FACT_LINKS_PER_PAGE
    pages: dict[str, tuple[str, object]] = {SOURCES: ("sources.md.j2", _sources_page(builder, supported, own_pages))}
    for source in _sources_in_order(builder) if own_pages else ():
        if supported.get(source.id):
            page = _facts_page(source.id)
            pages[page] = ("source.md.j2", SourceFactsPage(
                source.title, _source_item(builder, page, source, supported[source.id], own_page=False),
                Link(builder.titles[SOURCES], builder.link(page)(SOURCES, f"source-{source.id}"))))
    return pages


def sources_page(builder: PageBuilder) -> SourcesPage:
    supported = _facts_by_source(builder)
    return _sources_page(builder, supported,
                         sum(len(targets) for targets in supported.values()) > FACT_LINKS_PER_PAGE)


def _sources_page(builder: PageBuilder, supported: dict[str, list[FactTarget]], own_pages: bool) -> SourcesPage:
    items = [_source_item(builder, SOURCES, source, supported.get(source.id, []), own_pages)
             for source in _sources_in_order(builder)]
    return SourcesPage(builder.titles[SOURCES], items, builder.data_links(SOURCES))


def _sources_in_order(builder: PageBuilder) -> list[Source]:
    return sorted(builder.facts.sources, key=lambda s: (s.published is None, s.published or "", s.title, s.id))


def _source_item(builder: PageBuilder, page: str, source: Source, targets: list[FactTarget],
                 own_page: bool) -> SourceItem:
    """An article's entry; with `own_page`, what it supports is linked, not listed."""
    link = builder.link(page)
    linked = own_page and bool(targets)
    return SourceItem(
        anchor=anchor(f"source-{source.id}"), title=source.title, outlet=source.outlet or "",
        date=date_label(source.published), byline=", ".join(source.byline), url=source.url,
        fact_count_text=f"Supports {len(targets)} fact{'' if len(targets) == 1 else 's'}",
        facts=[] if linked else [Link(t.text, link(t.page, t.anchor), t.kind) for t in targets],
        facts_href=link(_facts_page(source.id)) if linked else None,
    )


def _facts_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def _facts_by_source(builder: PageBuilder) -> dict[str, list[FactTarget]]:
    """For each source id, where every fact (and statement) it supports is shown, by kind and text."""
    facts = builder.facts
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
    for kind in facts.kinds:
        for fact in getattr(facts, kind):
            shown = where_shown(builder, kind, fact)
            add([e.source for e in fact_evidence(fact)], shown.label, shown.text, shown.page, shown.anchor)
    return {source_id: [links[key] for key in sorted(links)] for source_id, links in found.items()}
