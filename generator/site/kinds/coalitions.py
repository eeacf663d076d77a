"""The `coalitions` kind on the site: the table of earlier cases on the background page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model.kinds.coalitions import Coalition
from generator.site.pages import Citation, anchor
from generator.site.story_site import Cited, PagePart, Section, StorySite

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

PAGE = "background.md"


@dataclass(frozen=True)
class CoalitionRow:
    anchor: str = field(metadata={"help": "HTML id of the row: `coalition-` and the fact's id."})
    name: str = field(metadata={"help": "Its usual name."})
    year: int = field(metadata={"help": "The year it formed."})
    led_by: str = field(metadata={"help": "Who led it, or 'not stated'."})
    mandate: str = field(metadata={"help": "Who authorised it, or 'not stated'."})
    size: str = field(metadata={"help": "How many took part, as the source says it, or 'not stated'."})
    summary: str = field(metadata={"help": "A sentence on what it did; may be empty."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on."})


@dataclass(frozen=True)
class PrecedentsPart:
    heading: str | None = field(metadata={
        "help": "Heading of the table (`pages: coalitions: heading` in site.yaml); None: the table's own."})
    empty: str | None = field(metadata={
        "help": "What the table says when it is empty (`pages: coalitions: empty`); None: its own words."})
    rows: list[CoalitionRow] = field(metadata={"help": "Earlier cases, oldest first."})


def precedents_part(builder: PageBuilder) -> PrecedentsPart:
    rows = [
        CoalitionRow(anchor(f"coalition-{c.id}"), c.name, c.year, c.led_by or "not stated",
                     c.mandate or "not stated", c.size or "not stated", c.summary,
                     builder.citations(PAGE, c.evidence))
        for c in sorted(builder.facts.coalitions, key=lambda c: (c.year, c.name, c.id))
    ]
    words = builder.facts.site.pages.coalitions
    return PrecedentsPart(words.heading, words.empty, rows)


KIND = StorySite(
    kind="coalitions",
    export=Section(Coalition, ("id", "name", "year", "led_by", "summary", "mandate", "size")),
    cited=lambda coalition: Cited("Past coalition", coalition.name, PAGE, f"coalition-{coalition.id}"),
    parts=(PagePart(PAGE, "partials/precedents.j2", precedents_part),),
)
