"""The `plan` kind on the site: the plan's points, in order, on the home page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model.kinds.plan import PlanPoint
from generator.site.pages import FactItem, anchor, number_word
from generator.site.story_site import Cited, PagePart, Section, StorySite

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

PAGE = "index.md"


@dataclass(frozen=True)
class PlanPart:
    heading: str = field(metadata={"help": "Heading of the plan's section, such as 'The four-point plan'."})
    points: list[FactItem] = field(
        metadata={"help": "The plan's points in order, each with its number; empty when there is no plan."})


def plan_part(builder: PageBuilder) -> PlanPart:
    plan = sorted(builder.facts.plan, key=lambda point: (point.point, point.id))
    return PlanPart(
        heading=f"The {number_word(len(plan))}-point plan",
        points=[FactItem(p.text, builder.citations(PAGE, p.evidence), anchor(f"plan-{p.id}"),
                         p.point) for p in plan],
    )


def _cited(point: PlanPoint) -> Cited:
    return Cited("Plan", f"Point {point.point}: {point.text}", PAGE, anchor(f"plan-{point.id}"))


KIND = StorySite(
    kind="plan",
    export=Section(PlanPoint, ("id", "point", "text"), sort_key=lambda point: (point.point, point.id)),
    cited=_cited,
    parts=(PagePart(PAGE, "partials/plan.j2", plan_part),),
)
