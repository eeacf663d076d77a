"""The per-article result: candidate facts plus the claims `conflicts` compares later."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from generator.model.facts import Coalition, Evidence, Event, Participant, Person, PlanPoint, Pledge, Quote

# Bump when the output of any extractor changes: it is part of the cache key.
EXTRACTOR_VERSION = "2025.1"


def extractor_name(module: str) -> str:
    return f"{module}/{EXTRACTOR_VERSION}"


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


class ArticleFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    people: list[Person] = Field(default_factory=list)
    # Names that look like people only weakly (tagged as an organisation, no title): kept so
    # that `combine` can confirm them when another article names the same person clearly.
    candidates: list[Person] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    pledges: list[Pledge] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    plan: list[PlanPoint] = Field(default_factory=list)
    coalitions: list[Coalition] = Field(default_factory=list)
    claims: list[FigureClaim] = Field(default_factory=list)


def evidence(source: str, quote: str) -> list[Evidence]:
    return [Evidence(source=source, quote=quote)]
