"""The `coalitions` kind scored: gold earlier cases, matched to predictions by year alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.evaluation.matching import TypeScore, assign, count_match, value_of
from generator.evaluation.story_score import GoldRecord, StoryScore


class GoldCoalition(GoldRecord):
    name: str
    year: int
    led_by: str | None = None
    quote: str | None = None
    optional: bool = False


def coalition_score(gold: GoldCoalition, pred: Any) -> float:
    try:
        return 1.0 if int(value_of(pred, "year")) == gold.year else 0.0
    except (TypeError, ValueError):
        return 0.0


def describe_gold(coalition: GoldCoalition) -> str:
    return f"coalition {coalition.year} {coalition.name}"


def describe(coalition: Any) -> str:
    return f"coalition {value_of(coalition, 'year')} {value_of(coalition, 'name')}"


def score(source: str, gold: Sequence[GoldCoalition], predicted: Sequence[Any]) -> TypeScore:
    return count_match("coalitions", source, assign(gold, predicted, coalition_score), gold, predicted,
                       coalition_score, describe_gold, describe)


KIND = StoryScore(kind="coalitions", gold=GoldCoalition, verbatim=("quote",), score=score)
