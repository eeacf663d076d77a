"""What extractors find in one article, and how an extractor is declared.

`ArticleFacts` holds the candidate facts of one article, a list per fact kind (the story
kinds' lists made from `model/kinds/`), plus the figure claims `conflicts` compares later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, create_model

from generator.model.kinds import STORY_KINDS
from generator.model.records import Event, Evidence, Participant, Person, Quote

if TYPE_CHECKING:
    from generator.extract.merging import People
    from generator.extract.document import ArticleDoc

# Bump when the output of any extractor changes: it is part of the cache key.
EXTRACTOR_VERSION = "2025.1"


def extractor_name(kind: str, version: int = 1) -> str:
    """The versioned name facts carry in their `extractor` field: "people.v1"."""
    return f"{kind}.v{version}"


@dataclass(frozen=True)
class Extractor:
    name: str                                          # "<kind>.v<version>"
    kind: str                                          # the fact kind it proposes
    run: Callable[[ArticleDoc], dict[str, list[Any]]]  # article -> {ArticleFacts field: records}


class FigureClaim(BaseModel):
    """One source's figure for something that other sources may give differently."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(description="What is counted, normalised, for grouping across articles.")
    about: str = Field(description="Readable description: 'number of leaders at the meeting in Valletta'.")
    value: str = Field(description="The figure as the source gives it: 'over 5,000'.")
    number: float | None = None
    source: str
    quote: str
    # What the figure is about, as the sentence names it, for telling one occasion from
    # another: the place ("Vienna", "Lancaster House"), the day, and the noun ("conference").
    place: str | None = None
    date: str | None = None
    occasion: str | None = None
    # The date is the article's own, the sentence giving none: a report of what just happened,
    # but not a day to tell two occasions apart by.
    dated_by_article: bool = False


class Involvement(BaseModel):
    """A person the article has taking part (convening, attending, leading) whose country it
    does not say: the person's country, once another article gives it, is the participant."""

    model_config = ConfigDict(extra="forbid")

    person: str = Field(description="The person's id in this article.")
    status: str
    quote: str


class _CoreArticleFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    people: list[Person] = Field(default_factory=list)
    # Names that look like people only weakly (tagged as an organisation, no title): kept so
    # that `combine` can confirm them when another article names the same person clearly.
    candidates: list[Person] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    involvement: list[Involvement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[FigureClaim] = Field(default_factory=list)


ArticleFacts = create_model(
    "ArticleFacts", __base__=_CoreArticleFacts, __module__=__name__,
    **{kind.name: (list[kind.record], Field(default_factory=list)) for kind in STORY_KINDS.values()},
)


def evidence(source: str, quote: str) -> list[Evidence]:
    return [Evidence(source=source, quote=quote)]


class Merged(NamedTuple):
    """A story kind's records across articles."""

    records: list[Any]
    # Rewrites a figure claim the kind made in one article to its merged record (None drops
    # the claim); None leaves every claim as it is.
    claims: Callable[[FigureClaim], FigureClaim | None] | None = None


@dataclass(frozen=True)
class StoryExtraction:
    """What a story kind adds to extraction: its extractor, and how its records merge."""

    extractor: Extractor
    combine: Callable[[list[ArticleFacts], People], Merged]
    # Per article, its records as published once all articles are known (what `explainer
    # evaluate` scores); None: as the extractor found them.
    publish: Callable[[list[ArticleFacts], People], list[list[Any]]] | None = None
    # Per article, (place id, quote) for each country or organisation its records have
    # committing something to the story's joint effort: who commits to an effort is in it.
    committed: Callable[[list[ArticleFacts], People], list[list[tuple[str, str]]]] | None = None

