"""The `pledges` kind scored: gold commitments, and when a predicted pledge is one of them.

A prediction matches a gold pledge with the same actor (case-insensitive) and any of: equal
amount value (relative difference under 0.1%, any currency), equal quantity value, predicted
evidence overlapping the gold ``quote``, or (for pledges stated again in another sentence) the
same ``kind`` with keyword overlap between the gold quote and the prediction's summary and
evidence. Of several matches, one of the same ``kind`` pairs first.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import Field

from generator.evaluation.matching import (
    TypeScore, assign, count_match, evidence_quotes, keyword_overlap, overlap, shorten, value_of,
)
from generator.evaluation.story_score import GoldRecord, StoryScore
from generator.model.kinds.pledges import PledgeKind
from generator.model.records import Amount, Quantity


class GoldPledge(GoldRecord):
    actor: str = Field(min_length=1)
    kind: PledgeKind = "other"
    amount: Amount | None = None
    quantity: Quantity | None = None
    condition: str | None = None
    target_year: int | None = None
    quote: str = Field(min_length=1)
    optional: bool = False


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-3)


def pledge_scorer(source: str) -> Callable[[GoldPledge, Any], float]:
    def score(gold: GoldPledge, pred: Any) -> float:
        if str(value_of(pred, "actor", "")).lower() != gold.actor.lower():
            return 0.0
        total = 0.0
        amount, quantity = value_of(pred, "amount"), value_of(pred, "quantity")
        if gold.amount and amount is not None and _close(gold.amount.value, value_of(amount, "value")):
            total += 2.0
        if gold.quantity and quantity is not None and _close(gold.quantity.value, value_of(quantity, "value")):
            total += 2.0
        quotes = evidence_quotes(pred, source)
        if any(overlap(q, gold.quote) for q in quotes):
            total += 1.0
        elif str(value_of(pred, "kind", "")) == gold.kind and keyword_overlap(
            gold.quote, " ".join([value_of(pred, "summary") or "", *quotes])
        ):
            total += 0.5
        if total and str(value_of(pred, "kind", "")) == gold.kind:
            # Two commitments of one sentence ("sustain aid and tighten restrictions") pair
            # with the gold of their own kind first.
            total += 0.25
        return total

    return score


def describe_gold(pledge: GoldPledge) -> str:
    return f"pledge {pledge.actor} {pledge.kind}: {shorten(pledge.quote, 60)}"


def describe(pledge: Any) -> str:
    parts = [f"pledge {value_of(pledge, 'actor')} {value_of(pledge, 'kind')}"]
    amount, quantity = value_of(pledge, "amount"), value_of(pledge, "quantity")
    if amount is not None:
        parts.append(f"{value_of(amount, 'value'):g} {value_of(amount, 'currency')}")
    if quantity is not None:
        parts.append(f"{value_of(quantity, 'value'):g} {value_of(quantity, 'unit')}")
    return " ".join(parts) + f": {shorten(value_of(pledge, 'summary'), 60)}"


def score(source: str, gold: Sequence[GoldPledge], predicted: Sequence[Any]) -> TypeScore:
    rule = pledge_scorer(source)
    return count_match("pledges", source, assign(gold, predicted, rule), gold, predicted, rule,
                       describe_gold, describe)


KIND = StoryScore(kind="pledges", gold=GoldPledge, verbatim=("quote",), score=score)
