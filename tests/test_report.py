"""The text `explainer evaluate` prints: the score table and the lists of misses."""

from __future__ import annotations

from generator.evaluation.report import format_report
from generator.evaluation.scoring import evaluate
from tests.gold_factories import SOURCE, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_format_report_prints_a_table(gold_dir):
    pred = perfect()
    pred.quotes = []
    text = format_report(evaluate(gold_dir, {SOURCE: pred}))
    lines = text.splitlines()
    assert any(line.split()[:4] == ["quotes", "0", "0", "2"] for line in lines)
    assert any(line.startswith("micro (7 types)") and line.split()[3:6] == ["11", "0", "2"] for line in lines)
    assert "quotes missed (2):" in text
    assert "\u201cThis is not a moment for more talk\u201d" in text


def test_the_reliability_table_counts_every_prediction_by_confidence(gold_dir):
    pred = perfect()
    pred.people[0].confidence = 0.95                     # right, published
    pred.people[1].confidence = 0.3                      # right, but held for review
    pred.people.append(pred.people[2].model_copy(update={"id": "nobody", "name": "Nobody Atall", "confidence": 0.3}))
    report = evaluate(gold_dir, {SOURCE: pred})
    # The held ones are not scored as published...
    assert report.types["people"].fn == 1 and report.types["people"].fp == 0
    # ...but the reliability table sees them: 1 right and 1 wrong below 0.5.
    lines = format_report(report, details=False).splitlines()
    row = next(line for line in lines[lines.index(next(l for l in lines if l.startswith("reliability"))):]
               if line.startswith("people"))
    assert row.split()[1:3] == ["0.50", "(2)"]
    assert "1.00 (1)" in row  # the one at 0.95
