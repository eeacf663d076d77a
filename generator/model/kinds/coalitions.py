"""The `coalitions` kind: precedents, earlier coalitions of the same kind, for comparison."""

from __future__ import annotations

from pydantic import Field

from generator.model.records import Fact, Record
from generator.model.story_kind import StoryKind


class Coalition(Fact):
    """An earlier case of the same kind, for comparison (the `coalitions` kind: precedents)."""

    name: str = Field(description="Its usual name.")
    year: int = Field(description="The year it formed.")
    led_by: str | None = Field(default=None, description="The country that led it.")
    mandate: str | None = Field(default=None, description="Who authorised it, if anyone (e.g. 'United Nations').")
    size: str | None = Field(default=None, description="How many took part, as the source says it.")
    summary: str = Field(default="", description="A sentence on what it did.")


class PrecedentsText(Record):
    """The words of the table of earlier cases on the background page."""

    heading: str | None = Field(default=None, description="Heading of the table (default: Earlier cases).")
    empty: str | None = Field(
        default=None, description="What the table says when the sources name no earlier case.")


KIND = StoryKind(
    name="coalitions", record=Coalition, after="plan",
    summary="earlier cases the sources compare it with",
    text=PrecedentsText, text_help="The table of earlier cases on the background page.",
)
