"""What a story kind adds to the site: its own pages, its parts of the core pages, its
section of facts.json, and how the sources page names one of its facts.

`site/kinds/` has one module per story kind declaring a `StorySite`; `render` and `export`
read them, so nothing else in the site names a story kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.model.records import Record

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder


@dataclass(frozen=True)
class PageSpec:
    """A top-level page, with the neutral words it has unless the project's site.yaml
    (`pages: <key>:`) gives its own."""

    path: str
    key: str            # its entry under `pages` in content/editorial/site.yaml
    title: str
    blurb: str
    kind: str | None    # the fact kind it shows, when the page exists only with that kind's facts


@dataclass(frozen=True)
class Section:
    """One list of facts.json: the model whose fields it exports and how its records are sorted."""

    model: type[Record]
    # The fields the contract in docs/DESIGN.md lists, in its order; the model's other fields
    # follow in the model's order, then the provenance fields for a fact.
    leading: tuple[str, ...]
    sort_key: Callable[[Any], Any] = lambda record: record.id
    # Fields holding a figure ({value, currency} or {value, unit}) whose number is written whole.
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindPage:
    """A page only a project with the kind has."""

    spec: PageSpec
    after: str                                   # the page it follows in the navigation
    template: str
    context: Callable[[PageBuilder], object]


@dataclass(frozen=True)
class PagePart:
    """A part of a core page: the home page's plan, the background page's earlier cases."""

    page: str                                    # the core page's path: index.md, background.md
    template: str                                # the partial that draws it, given `part`
    context: Callable[[PageBuilder], object]


@dataclass(frozen=True)
class Cited:
    """How the sources page lists a fact a source supports."""

    label: str                                   # what kind of fact it is, in a word
    text: str                                    # the fact in a line
    page: str                                    # where it is shown
    anchor: str | None = None


@dataclass(frozen=True)
class Column:
    """A column the kind adds to the table of participants on "Who is involved"."""

    heading: str
    cell: Callable[[PageBuilder, Any], str]      # (builder, participant) -> the cell's text


@dataclass(frozen=True)
class StorySite:
    kind: str
    export: Section
    cited: Callable[[Any], Cited]
    pages: tuple[KindPage, ...] = ()
    parts: tuple[PagePart, ...] = ()
    column: Column | None = None
    # The kind's key figures on the home page: (builder, page) -> list of pages.KeyFigure.
    figures: Callable[[PageBuilder, str], list[Any]] | None = None
