"""The `plan` kind scored: the gold points of a numbered plan, counted only under their number.

A prediction matches a gold point when its text (or evidence) overlaps the gold text or has
keyword overlap of at least half of the gold point's content words; among those, one with the
same point number is taken first. A text match under another number counts as a miss and a
false hit, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import Field

from generator.evaluation.matching import (
    TypeScore, assign, content_words, evidence_quotes, overlap, shorten, value_of,
)
from generator.evaluation.story_score import GoldRecord, StoryScore


class GoldPlanPoint(GoldRecord):
    point: int = Field(ge=1)
    text: str = Field(min_length=1)
    optional: bool = False


def plan_text_scorer(source: str) -> Callable[[GoldPlanPoint, Any], float]:
    def score(gold: GoldPlanPoint, pred: Any) -> float:
        texts = [value_of(pred, "text") or "", *evidence_quotes(pred, source)]
        best = max((overlap(gold.text, t) for t in texts), default=0.0)
        if best:
            return 1.0 + best
        gold_words = content_words(gold.text)
        for text in texts:
            shared = gold_words & content_words(text)
            if gold_words and len(shared) >= 2 and len(shared) / len(gold_words) >= 0.5:
                best = max(best, len(shared) / len(gold_words))
        return best

    return score


def describe_gold(point: GoldPlanPoint) -> str:
    return f"plan {point.point}: {shorten(point.text, 60)}"


def describe(point: Any) -> str:
    return f"plan {value_of(point, 'point')}: {shorten(value_of(point, 'text'), 60)}"


def score(source: str, gold: Sequence[GoldPlanPoint], points: Sequence[Any]) -> TypeScore:
    text_score = plan_text_scorer(source)

    def plan_score(gold_point: GoldPlanPoint, pred_point: Any) -> float:
        # Paired on text; of the texts that fit, the one under the gold's number first.
        text = text_score(gold_point, pred_point)
        if not text:
            return 0.0
        return text + (10.0 if value_of(pred_point, "point") == gold_point.point else 0.0)

    match = assign(gold, points, plan_score)
    plan = TypeScore("plan")
    for g, p in match.pairs:
        if value_of(points[p], "point") == gold[g].point:
            plan.counted(points[p], True)
        else:
            plan.fn += 1
            plan.counted(points[p], False)
            plan.misses.append(
                f"{source}: {describe_gold(gold[g])} (found as point {value_of(points[p], 'point')})"
            )
            plan.false_hits.append(
                f"{source}: {describe(points[p])} (gold numbers it {gold[g].point})"
            )
    plan.fn += len(match.unmatched_gold)
    plan.misses += [f"{source}: {describe_gold(gold[g])}" for g in match.unmatched_gold]
    for p in match.unmatched_pred:
        plan.counted(points[p], False)
    plan.false_hits += [f"{source}: {describe(points[p])}" for p in match.unmatched_pred]
    return plan


KIND = StoryScore(kind="plan", gold=GoldPlanPoint, verbatim=("text",), score=score)
