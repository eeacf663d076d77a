"""The fact graph: typed records for everything the explainer publishes.

Both layers of `content/` (extracted and editorial) are validated against these models, and
the site, `facts.json` and its JSON Schema are produced from them. Field names follow the
`facts.json` contract in docs/DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH
from generator.model.lexicon import PLEDGE_KINDS, PledgeKind, or_list

# A partial date keeps its precision: a year, a month or a day, never more than was said.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def real_date(value: str) -> str:
    """A day the calendar has: the pattern lets 2025-02-31 through."""
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a day of the calendar") from None
    return value


def is_real_date(value: str) -> bool:
    """Whether `value` is a partial date (YYYY, YYYY-MM, YYYY-MM-DD) the calendar has."""
    try:
        return re.fullmatch(DATE_PATTERN, value) is not None and bool(real_date(value))
    except ValueError:
        return False


Id = str
PartialDate = Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(real_date)]


class Record(BaseModel):
    """Strict base: unknown keys are errors, so a typo in YAML never passes silently, and
    numbers are finite, so facts.json is always valid JSON."""

    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class Evidence(Record):
    """Where a fact comes from: an article, and the words in it that say so."""

    source: Id = Field(description="Id of the source article.")
    quote: str = Field(min_length=1, description="Text that occurs verbatim in that article.")


class Fact(Record):
    """Fields shared by every fact: an id, the evidence, and where the fact came from."""

    id: Id = Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH,
                   description="Stable id; editorial overrides refer to it.")
    evidence: list[Evidence] = Field(default_factory=list, description=(
        "Sources and verbatim quotes this fact rests on: at least one (a quote and a conflict "
        "carry theirs in their own fields)."
    ))
    extractor: str | None = Field(
        default=None, description="Name and version of the extractor that proposed the fact."
    )
    confidence: float | None = Field(
        default=None, ge=0, le=1, description="How sure the extractor was, from 0 to 1."
    )


class Source(Record):
    """A news article in seeds/."""

    id: Id = Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH,
                   description="Stable id: the article's file name without its extension.")
    title: str = Field(description="Headline of the article.")
    outlet: str | None = Field(default=None, description="Who published it: a newspaper, agency or site.")
    published: PartialDate | None = Field(
        default=None, description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    byline: list[str] = Field(default_factory=list, description="Names of the authors.")
    file: str = Field(description="Path of the article, relative to the project: seeds/<name>.")
    words: int = Field(default=0, description="Length of the article in words.")


class Person(Fact):
    """A person named in the story."""

    name: str = Field(description="Full name, as the sources write it.")
    aliases: list[str] = Field(
        default_factory=list, description="Other names the sources use, such as a surname alone."
    )
    role: str | None = Field(default=None, description="Office or job, e.g. 'Prime Minister'.")
    country: Id | None = Field(
        default=None, description="ISO 3166 alpha-2 code of a country, or an organisation id."
    )


class Participant(Fact):
    """A country or organisation involved in the story (taking part, attending, leading), or expected to be."""

    name: str = Field(description="Name of the country or organisation.")
    kind: Literal["country", "organisation"] = Field(description="country or organisation.")
    status: str = Field(description="lead, member, likely, attended, ...")


class Event(Fact):
    """Something that happened, dated at the precision the sources give."""

    date: PartialDate = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    approximate: bool = Field(default=False, description="True when the source hedges the date ('around 2003').")
    title: str = Field(description="What happened, in one line.")
    summary: str = Field(default="", description="A sentence or two more, if needed.")
    people: list[Id] = Field(default_factory=list, description="Ids of people involved.")
    date_note: str | None = Field(
        default=None, description="How a relative date was resolved, shown to readers."
    )


class Amount(Record):
    """A sum of money."""

    value: float = Field(description="The number, in full: 1600000000 for £1.6bn.")
    currency: str = Field(description="ISO 4217 code: GBP, USD, EUR, ...")


class Quantity(Record):
    """A count of things."""

    value: float = Field(description="How many.")
    unit: str = Field(description="Of what, e.g. 'air defence missiles'.")


class Pledge(Fact):
    """A commitment by one participant."""

    actor: Id = Field(description="Participant id of who committed it.")
    summary: str = Field(description="What was promised, in one line.")
    kind: PledgeKind = Field(default="other", description=f"{or_list(PLEDGE_KINDS)}.")
    amount: Amount | None = Field(default=None, description="The sum, if money: {value, currency}.")
    quantity: Quantity | None = Field(default=None, description="The number of things, if any: {value, unit}.")
    condition: str | None = Field(default=None, description="What the pledge depends on, if anything.")
    target_year: int | None = Field(default=None, description="The year by which it is to be met.")


class Quote(Fact):
    """Words a person said, verbatim in the source."""

    speaker: Id = Field(description="Person id of who said it.")
    text: str = Field(min_length=1, description="The words, exactly as the article has them.")
    source: Id = Field(description="Id of the article the quote is in.")


class PlanPoint(Fact):
    """One numbered point of the plan."""

    point: int = Field(ge=1, description="Its number in the plan: 1, 2, 3, ...")
    text: str = Field(description="What the point says.")


class Coalition(Fact):
    """An earlier case of the same kind, for comparison (the `coalitions` kind: precedents)."""

    name: str = Field(description="Its usual name.")
    year: int = Field(description="The year it formed.")
    led_by: str | None = Field(default=None, description="The country that led it.")
    mandate: str | None = Field(default=None, description="Who authorised it, if anyone (e.g. 'United Nations').")
    size: str | None = Field(default=None, description="How many took part, as the source says it.")
    summary: str = Field(default="", description="A sentence on what it did.")


class Claim(Record):
    """What one source says about a disputed figure."""

    value: str = Field(description="The figure this source gives.")
    source: Id = Field(description="Id of the article.")
    quote: str = Field(min_length=1, description="Text that occurs verbatim in that article.")


class Conflict(Fact):
    """A figure on which sources disagree, with each claim."""

    about: str = Field(description="What the figure is, e.g. 'number of leaders at the meeting in Valletta'.")
    claims: list[Claim] = Field(min_length=2, description="Two or more claims, each from its source.")


class Statement(Record):
    """A sentence of editorial prose; it must rest on evidence like any fact."""

    text: str = Field(min_length=1, description="The sentence readers see.")
    evidence: list[Evidence] = Field(min_length=1, description="Sources and verbatim quotes it rests on.")


class PageText(Record):
    """A generated page's words: its title and the line the home page gives it. Left out, a
    neutral default is used (see generator/site/render.py, PAGES)."""

    title: str | None = Field(default=None, description="The page's title, in the navigation and its heading.")
    blurb: str | None = Field(default=None, description="What the page holds, in a few words, under its link on the home page.")


class BackgroundText(Record):
    """The background page's words (its title is `background_title`)."""

    blurb: str | None = Field(default=None, description="What the page holds, under its link on the home page.")
    precedents_heading: str | None = Field(
        default=None, description="Heading of the table of earlier cases (with the `coalitions` kind).")
    precedents_empty: str | None = Field(
        default=None, description="What the table says when the sources name no earlier case.")


class PagesText(Record):
    """The words of each generated page; a story's own wording belongs here, not in the code."""

    home: PageText = Field(default_factory=PageText, description="The home page (default title: Home).")
    background: BackgroundText = Field(default_factory=BackgroundText, description=(
        "The background page; its title is `background_title`."))
    who: PageText = Field(default_factory=PageText, description="The participants and people (default: Who is involved).")
    pledges: PageText = Field(default_factory=PageText, description=(
        "The commitments, with the `pledges` kind (default: Commitments)."))
    timeline: PageText = Field(default_factory=PageText, description="The events in date order (default: Timeline).")
    sources: PageText = Field(default_factory=PageText, description="The articles (default: Sources).")
    disagreements: PageText = Field(default_factory=PageText, description=(
        "The figures sources give differently, when there are any (default: Where sources disagree)."))
    about: PageText = Field(default_factory=PageText, description="How the explainer is made (default: About).")


class StatusText(Record):
    """How one participant status reads on "Who is involved"."""

    heading: str | None = Field(default=None, description="Heading of the group of participants with this status.")
    label: str | None = Field(default=None, description="The badge beside each of them (default: the status itself).")


class SiteText(Record):
    """Editor-written framing for the pages: title, the summary and the definition, and the
    words of the pages."""

    title: str = Field(default="Explainer", description="Name of the site.")
    description: str = Field(default="", description="One or two sentences under the title on the home page.")
    background_title: str = Field(
        default="Background",
        description="Title of the page that explains the subject, e.g. 'What is the harbour authority?'",
    )
    summary: list[Statement] = Field(
        default_factory=list, description="The home page's summary, statement by statement."
    )
    definition: list[Statement] = Field(
        default_factory=list, description="What the subject is, on the background page."
    )
    pages: PagesText = Field(default_factory=PagesText, description=(
        "Titles and home-page blurbs of the generated pages, by page: home, background, who, "
        "pledges, timeline, sources, disagreements, about."))
    statuses: dict[str, StatusText] = Field(default_factory=dict, description=(
        "Heading and badge of each participant status (lead, member, attended, likely, ...), "
        "e.g. lead: {heading: Leading the effort, label: leads}."))
    review_below: float = Field(
        default=0.5, ge=0, le=1,
        description="Machine facts with a lower confidence are held for review: not published "
                    "until an editor confirms or fixes them.",
    )


# Fact kinds in the order pages and facts.json list them. The key is the YAML file stem.
# Every explainer has the core kinds; a project switches story kinds on in mkdocs.yml
# (`plugins: - explainer: kinds: [...]`), and only those are extracted, read and published.
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
STORY_KINDS: tuple[str, ...] = ("pledges", "plan", "coalitions")
CORE_KINDS: tuple[str, ...] = tuple(kind for kind in FACT_TYPES if kind not in STORY_KINDS)


def project_kinds(story_kinds) -> list[str]:
    """The fact kinds of a project with these story kinds switched on, in FACT_TYPES order."""
    return [kind for kind in FACT_TYPES if kind in CORE_KINDS or kind in story_kinds]


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
    # The fact kinds this project has (core kinds and the story kinds it switched on); the
    # lists of the others stay empty, and no page or facts.json section shows them.
    kinds: list[str] = Field(default_factory=lambda: list(FACT_TYPES))
    # Ids an editor confirmed or changed; the site marks them as reviewed.
    reviewed: set[Id] = Field(default_factory=set)
    # Ids of machine facts held back for review (confidence below `site.review_below`), by kind.
    held: dict[str, list[Id]] = Field(default_factory=dict)

    def all_facts(self) -> list[Fact]:
        """Every published fact, kind by kind in FACT_TYPES order."""
        return [fact for kind in FACT_TYPES for fact in getattr(self, kind)]

