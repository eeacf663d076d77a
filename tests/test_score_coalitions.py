"""The `coalitions` kind scored (generator/evaluation/kinds/coalitions.py): earlier cases matched
by year, and the gold's quote checked against the article only when it is given."""

from __future__ import annotations

from generator.evaluation.gold import load_gold
from generator.evaluation.kinds.coalitions import GoldCoalition, coalition_score
from generator.evaluation.scoring import evaluate
from generator.model.kinds.coalitions import Coalition
from tests.gold_factories import SOURCE, counts, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_another_year_is_no_match(gold_dir):
    pred = perfect()
    pred.coalitions = [Coalition(id="c", name="International Force East Timor", year=2003)]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "coalitions") == (0, 1, 1)
    assert report.types["coalitions"].misses == ["a1: coalition 1999 INTERFET"]
    assert report.types["coalitions"].false_hits == ["a1: coalition 2003 International Force East Timor"]


def test_the_year_alone_decides():
    gold = GoldCoalition(name="INTERFET", year=1999)
    assert coalition_score(gold, {"name": "anything", "year": "1999"}) == 1.0
    assert coalition_score(gold, {"name": "INTERFET", "year": "the late nineties"}) == 0.0
    assert coalition_score(gold, {"name": "INTERFET"}) == 0.0


def test_only_a_given_quote_must_be_verbatim(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        "source: a1\ncoalitions:\n  - {name: INTERFET, year: 1999}\n"
        "  - {name: Iraq, year: 2003, quote: \"In 2003, 30 countries\"}\n", encoding="utf-8")
    assert load_gold(tmp_path)["a1"].quoted_texts() == [("coalitions[1]", "In 2003, 30 countries")]
