"""The `plan` kind scored (generator/evaluation/kinds/plan.py): points paired on their text,
counted only under the gold's number."""

from __future__ import annotations

from generator.evaluation.scoring import evaluate
from generator.model.kinds.plan import PlanPoint
from tests.gold_factories import SOURCE, counts, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_plan_point_under_another_number_is_a_miss_and_a_false_hit(gold_dir):
    pred = perfect()
    pred.plan = [PlanPoint(id="plan-4", point=4, text="a coalition of the willing would act")]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "plan") == (0, 1, 1)
    assert report.types["plan"].misses == ["a1: plan 1: a coalition of the willing would act (found as point 4)"]
    assert report.types["plan"].false_hits == ["a1: plan 4: a coalition of the willing would act (gold numbers it 1)"]


def test_of_two_matching_texts_the_one_under_the_gold_number_counts(gold_dir):
    pred = perfect()
    pred.plan = [PlanPoint(id="plan-4", point=4, text="a coalition of the willing would act"),
                 PlanPoint(id="plan-1", point=1, text="A coalition of the willing would act now")]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "plan") == (1, 1, 0)
    assert report.types["plan"].false_hits == ["a1: plan 4: a coalition of the willing would act"]


def test_point_matched_by_half_its_content_words(gold_dir):
    pred = perfect()
    # "coalition" and "willing" of the gold's "coalition", "willing", "act": no run of words shared.
    pred.plan = [PlanPoint(id="plan-1", point=1, text="Willing nations form a coalition")]
    assert counts(evaluate(gold_dir, {SOURCE: pred}), "plan") == (1, 0, 0)
    pred.plan = [PlanPoint(id="plan-1", point=1, text="Nations form a coalition")]
    assert counts(evaluate(gold_dir, {SOURCE: pred}), "plan") == (0, 1, 1)
