"""Precision, recall and F1 per fact type, accuracies among matched pairs, and the micro totals."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.evaluation.gold import load_gold
from generator.evaluation.report import format_report
from generator.evaluation.matching import gold_conflicts
from generator.evaluation.scoring import evaluate, score_conflicts
from generator.model.kinds.pledges import Pledge
from generator.model.records import Amount, Claim, Conflict, Participant, Person, Quantity, Quote
from tests.gold_factories import ALL, SOURCE, counts, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_perfect_prediction_scores_one_everywhere(gold_dir):
    report = evaluate(gold_dir, {SOURCE: perfect()})
    assert {name: counts(report, name) for name in ALL} == {
        "people": (4, 0, 0), "participants": (2, 0, 0), "participants+status": (2, 0, 0),
        "events": (2, 0, 0), "quotes": (2, 0, 0), "pledges": (1, 0, 0), "plan": (1, 0, 0),
        "coalitions": (1, 0, 0),
    }
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (13, 0, 0)
    assert micro.precision == micro.recall == micro.f1 == 1.0
    acc = report.accuracies
    assert (acc["person role"].correct, acc["person role"].total) == (2, 2)
    assert (acc["person country"].correct, acc["person country"].total) == (4, 4)
    assert (acc["event date exact"].correct, acc["event date exact"].total) == (2, 2)
    assert (acc["quote speaker"].correct, acc["quote speaker"].total) == (2, 2)


def test_empty_prediction_misses_everything_required(gold_dir):
    report = evaluate(gold_dir, {SOURCE: SimpleNamespace()})
    assert counts(report, "people") == (0, 0, 4)
    assert counts(report, "participants") == (0, 0, 2)  # the optional EE is not a miss
    assert counts(report, "events") == (0, 0, 2)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (0, 0, 13)
    assert micro.precision is None and micro.recall == 0.0 and micro.f1 == 0.0
    # No prediction at all for the article counts the same.
    missing = evaluate(gold_dir, {})
    assert (missing.micro.tp, missing.micro.fp, missing.micro.fn) == (0, 0, 13)
    assert len(missing.types["quotes"].misses) == 2


def test_partial_prediction(gold_dir):
    pred = perfect()
    pred.people = [
        Person(id="kier-starmer", name="Kier Starmer", role="Prime Minister", country="GB"),
        Person(id="zelenskiy", name="Zelenskiy"),  # not a spelling gold knows
        Person(id="london", name="London"),  # a place, not a person
    ]
    pred.participants = [
        Participant(id="gb", name="UK", kind="country", status="member"),
        Participant(id="EE", name="Estonia", kind="country", status="likely"),  # optional gold
        Participant(id="US", name="United States", kind="country", status="member"),
    ]
    pred.quotes = pred.quotes[:1] + [
        Quote(id="q9", speaker="emmanuel-macron", text="Europe must do the heavy lifting", source=SOURCE),
    ]
    pred.pledges = [
        Pledge(id="p1", actor="GB", summary="2bn dollars", amount=Amount(value=2e9, currency="USD")),
        Pledge(id="p2", actor="FR", summary="Missiles", quantity=Quantity(value=5000, unit="missiles")),
    ]
    pred.plan = []
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "people") == (1, 2, 3)
    assert counts(report, "participants") == (1, 1, 1)
    assert counts(report, "participants+status") == (0, 2, 2)
    assert counts(report, "quotes") == (1, 1, 1)
    assert counts(report, "pledges") == (0, 2, 1)
    assert counts(report, "plan") == (0, 0, 1)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (6, 6, 7)
    assert micro.precision == pytest.approx(6 / 12)
    assert micro.recall == pytest.approx(6 / 13)
    assert report.types["people"].false_hits == ["a1: person Zelenskiy", "a1: person London"]
    assert "a1: participant FR (member)" in report.types["participants"].misses
    assert report.accuracies["participant status"].correct == 0
    assert report.accuracies["participant status"].total == 1


def test_duplicates_cost_precision(gold_dir):
    pred = perfect()
    pred.events.append(pred.events[0].model_copy(update={"id": "e1-again"}))
    pred.people.append(Person(id="starmer", name="Starmer"))
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "events") == (2, 1, 0)
    assert counts(report, "people") == (4, 1, 0)
    assert "duplicate of person Keir Starmer" in report.types["people"].false_hits[0]


def test_predictions_without_gold_are_listed_not_scored(gold_dir):
    report = evaluate(gold_dir, {SOURCE: perfect(), "zz": perfect()})
    assert report.unscored == ["zz"]
    assert report.micro.fp == 0


def test_dict_predictions_are_accepted(gold_dir):
    pred = {name: [fact.model_dump() for fact in facts] for name, facts in vars(perfect()).items()}
    report = evaluate(gold_dir, {SOURCE: pred})
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (13, 0, 0)


def _conflict_gold(tmp_path: Path) -> Path:
    figure = "figures:\n  - {{about: leaders, value: \"{value}\", quote: \"{quote}\"}}\n"
    (tmp_path / "a.yaml").write_text(
        "source: a\n" + figure.format(value="12 leaders", quote="12 leaders met"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "source: b\n" + figure.format(value="19 leaders", quote="19 leaders gathered"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "source: c\nfigures:\n  - {about: missiles, value: \"5,000\", quote: \"5,000 missiles\"}\n",
        encoding="utf-8")
    return tmp_path


def test_conflicts_scored_against_figures_that_differ(tmp_path):
    gold = load_gold(_conflict_gold(tmp_path))
    assert list(gold_conflicts(gold)) == ["leaders"]  # one source for missiles: no conflict
    right = Conflict(id="c1", about="summit size", claims=[
        Claim(value="12", source="a", quote="12 leaders met"),
        Claim(value="nineteen", source="b", quote="19 leaders gathered"),
    ])
    wrong = Conflict(id="c2", about="summit size", claims=[
        Claim(value="12", source="a", quote="12 leaders met"),
        Claim(value="7", source="c", quote="5,000 missiles"),
    ])
    assert (lambda s: (s.tp, s.fp, s.fn))(score_conflicts(gold, [right, wrong])) == (1, 1, 0)
    assert (lambda s: (s.tp, s.fp, s.fn))(score_conflicts(gold, [wrong])) == (0, 1, 1)
    report = evaluate(gold, {}, conflicts=[right])
    assert (report.types["conflicts"].tp, report.micro.tp) == (1, 0)
    assert "conflicts" in format_report(report)
