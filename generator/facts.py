"""The fact graph: typed records for everything the explainer publishes.

Both layers of `content/` (extracted and editorial) are validated against these models, and
the site, `facts.json` and its JSON Schema are produced from them. Field names follow the
`facts.json` contract in DESIGN.md.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# A partial date keeps its precision: a year, a month or a day, never more than was said.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

Id = str


class Record(BaseModel):
    """Strict base: unknown keys are errors, so a typo in YAML never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(Record):
    source: Id = Field(description="Id of the source article.")
    quote: str = Field(min_length=1, description="Text that occurs verbatim in that article.")


class Fact(Record):
    """Fields shared by every fact: an id, the evidence, and where the fact came from."""

    id: Id = Field(pattern=ID_PATTERN, description="Stable id; editorial overrides refer to it.")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Sources and verbatim quotes this fact rests on."
    )
    extractor: str | None = Field(
        default=None, description="Name and version of the extractor that proposed the fact."
    )
    confidence: float | None = Field(default=None, ge=0, le=1)


class Source(Record):
    id: Id = Field(pattern=ID_PATTERN)
    title: str
    outlet: str | None = None
    published: str | None = Field(default=None, pattern=DATE_PATTERN)
    byline: list[str] = Field(default_factory=list)
    file: str = Field(description="Path of the article, relative to the project: seeds/<name>.")
    words: int = 0


class Person(Fact):
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    country: Id | None = Field(
        default=None, description="ISO 3166 alpha-2 code of a country, or an organisation id."
    )


class Participant(Fact):
    name: str
    kind: Literal["country", "organisation"]
    status: str = Field(description="lead, member, likely, attended, ...")


class Event(Fact):
    date: str = Field(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    approximate: bool = False
    title: str
    summary: str = ""
    people: list[Id] = Field(default_factory=list, description="Ids of people involved.")
    date_note: str | None = Field(
        default=None, description="How a relative date was resolved, shown to readers."
    )


class Amount(Record):
    value: float
    currency: str = Field(description="ISO 4217 code: GBP, USD, EUR, ...")


class Quantity(Record):
    value: float
    unit: str


class Pledge(Fact):
    actor: Id = Field(description="Participant id of who committed it.")
    summary: str
    kind: Literal["money", "weapons", "troops", "spending", "aid", "proposal", "other"] = "other"
    amount: Amount | None = None
    quantity: Quantity | None = None
    condition: str | None = None
    target_year: int | None = None


class Quote(Fact):
    speaker: Id = Field(description="Person id of who said it.")
    text: str = Field(min_length=1)
    source: Id


class PlanPoint(Fact):
    point: int = Field(ge=1)
    text: str


class Coalition(Fact):
    name: str
    year: int
    led_by: str | None = None
    mandate: str | None = None
    size: str | None = None
    summary: str = ""


class Claim(Record):
    value: str
    source: Id
    quote: str = Field(min_length=1)


class Conflict(Fact):
    about: str
    claims: list[Claim] = Field(min_length=2)


class Statement(Record):
    """A sentence of editorial prose; it must rest on evidence like any fact."""

    text: str = Field(min_length=1)
    evidence: list[Evidence] = Field(min_length=1)


class SiteText(Record):
    """Editor-written framing for the pages: title, the summary and the definition."""

    title: str = "Explainer"
    description: str = ""
    background_title: str = Field(
        default="Background",
        description="Title of the page that explains the subject, e.g. 'What is a coalition of the willing?'",
    )
    summary: list[Statement] = Field(default_factory=list)
    definition: list[Statement] = Field(default_factory=list)
    review_below: float = Field(
        default=0.5, ge=0, le=1,
        description="Machine facts with a lower confidence are held for review: not published "
                    "until an editor confirms or fixes them.",
    )


# Fact kinds in the order pages and facts.json list them. The key is the YAML file stem.
FACT_TYPES: dict[str, type[Fact]] = {
    "people": Person,
    "participants": Participant,
    "events": Event,
    "pledges": Pledge,
    "quotes": Quote,
    "plan": PlanPoint,
    "coalitions": Coalition,
    "conflicts": Conflict,
}


class Facts(BaseModel):
    """The whole graph, after the editorial layer has been merged over the extracted one."""

    site: SiteText = Field(default_factory=SiteText)
    sources: list[Source] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    pledges: list[Pledge] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    plan: list[PlanPoint] = Field(default_factory=list)
    coalitions: list[Coalition] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    # Ids an editor confirmed or changed; the site marks them as reviewed.
    reviewed: set[Id] = Field(default_factory=set)
    # Ids of machine facts held back for review (confidence below `site.review_below`), by kind.
    held: dict[str, list[Id]] = Field(default_factory=dict)

    def all_facts(self) -> list[Fact]:
        """Every published fact, kind by kind in FACT_TYPES order."""
        return [fact for kind in FACT_TYPES for fact in getattr(self, kind)]


def slugify(text: str, max_words: int = 8) -> str:
    """A lowercase ASCII id fragment: stable for the same text, readable in YAML."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "x"

