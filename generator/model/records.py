"""The records of every explainer: sources, the core kinds of fact, and the editors' prose.

Both layers of `content/` (extracted and editorial) are validated against these models, and
the site, `facts.json` and its JSON Schema are produced from them. Field names follow the
`facts.json` contract in docs/DESIGN.md. The records of story kinds are in `model/kinds/`;
`model/facts` joins both into the graph.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH

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


def days_between(first: str, second: str) -> int:
    """Days from one partial date to another, each taken at its first day ("2025-03" is 1 March)."""
    def day(value: str) -> dt.date:
        year, month, date = (value.split("-") + ["01", "01"])[:3]
        return dt.date(int(year), int(month), int(date))
    return (day(second) - day(first)).days


# Reports this many days apart are one news cycle: the articles of a day and the next that give
# one meeting different statuses ("attended", "leads") tell one story, not a change.
NEWS_CYCLE_DAYS = 1

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
        default=None, ge=0, le=1, description="How sure the extractor was, from 0 to 1: the measured "
        "precision of the rule that proposed the fact."
    )
    basis: str | None = Field(
        default=None, description="The extraction rule that proposed the fact ('events.weekday'), "
        "whose precision on annotated articles is its confidence."
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
    url: str | None = Field(default=None, pattern=r"^https?://\S+$",
                            description="The article's address on the web, when its text or front matter gives it.")
    file: str = Field(description="Path of the article, relative to the project: seeds/<name>.")
    words: int = Field(default=0, description="Length of the article in words.")


class RoleChange(Record):
    """A role as one article gave it, on the day it was published."""

    role: str = Field(description="The office or job, as that article writes it.")
    as_of: PartialDate | None = Field(default=None, description="The article's publication date.")
    source: Id = Field(description="Id of the article.")


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
    as_of: PartialDate | None = Field(default=None, description=(
        "When the role was first reported: the publication date of the earliest article that gives it."))
    history: list[RoleChange] = Field(default_factory=list, description=(
        "Each role the articles give, oldest first, from the first article that gives it: a title "
        "that changes (a minister who left office) shows here. Empty when only one role is reported."))


class StatusChange(Record):
    """A participant's status from the day an article first reported it."""

    status: str = Field(description="lead, member, likely, attended, ...")
    as_of: PartialDate | None = Field(default=None, description="The article's publication date.")
    source: Id = Field(description="Id of the article.")


# The statuses extraction proposes, strongest first: of two reports, the stronger one stands.
STATUS_RANK = {"lead": 4, "member": 3, "attended": 2, "likely": 1}


class Participant(Fact):
    """A country or organisation involved in the story (taking part, attending, leading), or expected to be."""

    name: str = Field(description="Name of the country or organisation.")
    kind: Literal["country", "organisation"] = Field(description="country or organisation.")
    status: str = Field(description="lead, member, likely, attended, ...")
    as_of: PartialDate | None = Field(default=None, description=(
        "When the status was first reported: the publication date of the earliest article that gives it."))
    history: list[StatusChange] = Field(default_factory=list, description=(
        "The status on each date it changed, oldest first: the first status reported, then each "
        "stronger one, with the article that gave it. Empty when it never changed."))


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


class Quote(Fact):
    """Words a person said, verbatim in the source."""

    speaker: Id = Field(description="Person id of who said it.")
    text: str = Field(min_length=1, description="The words, exactly as the article has them.")
    source: Id = Field(description="Id of the article the quote is in.")
    context: str | None = Field(default=None, min_length=1, description=(
        "The sentence before the quote's passage in the article, verbatim: what the words answer "
        "or follow. Empty when the quote opens its article."))


class Claim(Record):
    """What one source says about a disputed figure."""

    value: str = Field(description="The figure this source gives.")
    source: Id = Field(description="Id of the article.")
    quote: str = Field(min_length=1, description="Text that occurs verbatim in that article.")


class Conflict(Fact):
    """A figure on which sources disagree, with each claim."""

    about: str = Field(description="What the figure is, e.g. 'number of leaders at the meeting in Valletta'.")
    claims: list[Claim] = Field(min_length=2, description="Two or more claims, each from its source.")


class Reading(Record):
    """One source's value of a figure on one occasion."""

    value: str = Field(description="The figure as the source gives it: 'over 30 countries'.")
    number: float | None = Field(default=None, description="The figure as a number, for drawing it.")
    as_of: PartialDate = Field(description="The day of the occasion the figure is of.")
    occasion: str = Field(min_length=1, description="What the figure is of, e.g. 'the meeting in Valletta'.")
    source: Id = Field(description="Id of the article.")
    quote: str = Field(min_length=1, description="Text that occurs verbatim in that article.")


class Figure(Fact):
    """A figure the story updates, on each occasion: a development, not a disagreement."""

    about: str = Field(description="What the figure is, e.g. 'number of leaders at each meeting'.")
    readings: list[Reading] = Field(min_length=2, description=(
        "Each source's value on each occasion, oldest first; two or more occasions."))


class Statement(Record):
    """A sentence of editorial prose; it must rest on evidence like any fact."""

    text: str = Field(min_length=1, description="The sentence readers see.")
    evidence: list[Evidence] = Field(min_length=1, description="Sources and verbatim quotes it rests on.")


class PageText(Record):
    """A generated page's words: its title and the line the home page gives it. Left out, a
    neutral default is used (see generator/site/navigation.py, PAGES)."""

    title: str | None = Field(default=None, description="The page's title, in the navigation and its heading.")
    blurb: str | None = Field(default=None, description="What the page holds, in a few words, under its link on the home page.")


class BackgroundText(Record):
    """The background page's words (its title is `background_title`)."""

    blurb: str | None = Field(default=None, description="What the page holds, under its link on the home page.")
