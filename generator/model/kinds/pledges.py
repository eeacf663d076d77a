"""The `pledges` kind: commitments, who committed what (money, weapons, troops, spending)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from generator.model.lexicon import or_list
from generator.model.records import Amount, Fact, Id, PageText, Quantity
from generator.model.story_kind import StoryKind

# What a pledge commits: the type of `Pledge.kind` and of the gold's pledges; the schemas
# and facts.json list the same values.
PledgeKind = Literal["money", "weapons", "troops", "spending", "aid", "proposal", "other"]
PLEDGE_KINDS: tuple[str, ...] = get_args(PledgeKind)


class Pledge(Fact):
    """A commitment by one participant."""

    actor: Id = Field(description="Participant id of who committed it.")
    summary: str = Field(description="What was promised, in one line.")
    kind: PledgeKind = Field(default="other", description=f"{or_list(PLEDGE_KINDS)}.")
    amount: Amount | None = Field(default=None, description="The sum, if money: {value, currency}.")
    quantity: Quantity | None = Field(default=None, description="The number of things, if any: {value, unit}.")
    condition: str | None = Field(default=None, description="What the pledge depends on, if anything.")
    target_year: int | None = Field(default=None, description="The year by which it is to be met.")


KIND = StoryKind(
    name="pledges", record=Pledge, after="events", summary="commitments",
    text=PageText, text_help="The commitments page (default title: Commitments).",
    places=("actor",),
)
