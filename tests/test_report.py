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
