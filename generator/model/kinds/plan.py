"""The `plan` kind: the numbered points of a plan the story is about."""

from __future__ import annotations

from pydantic import Field

from generator.model.records import Fact
from generator.model.story_kind import StoryKind


class PlanPoint(Fact):
    """One numbered point of the plan."""

    point: int = Field(ge=1, description="Its number in the plan: 1, 2, 3, ...")
    text: str = Field(description="What the point says.")


KIND = StoryKind(name="plan", record=PlanPoint, after="quotes", summary="the points of a plan",
                 unique=("point",))
