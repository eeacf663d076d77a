"""Calibrated confidence: every machine fact names the rule that proposed it, and its confidence
is that rule's measured precision on annotated articles, smoothed towards the rule's prior."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.extract import calibration
from generator.extract.calibration import WEIGHT, read_table, smoothed, table_text

ROOT = Path(__file__).parent.parent
WRITTEN_DEV = ROOT / "tests" / "corpus" / "dev"


def test_a_rule_never_measured_keeps_its_prior_and_one_measured_moves_towards_its_precision():
    assert smoothed(0, 0, 0.6) == 0.6
    # Right 3 times of 4: between the prior and 0.75, by WEIGHT pseudo-observations at the prior.
    assert smoothed(3, 4, 0.5) == round((3 + WEIGHT * 0.5) / (4 + WEIGHT), 2)
    assert smoothed(0, 20, 0.9) < 0.2
    # A rule right every time of many is still not certain.
    assert smoothed(500, 500, 0.9) == 0.99


def test_the_table_reads_back_what_it_was_written_with_and_is_the_same_bytes_each_time(tmp_path):
    outcomes = {"events.weekday": (9, 12), "people.full-name": (40, 40)}
    text = table_text(outcomes, ["b/gold", "a/gold"])
    assert text == table_text(dict(reversed(outcomes.items())), ["a/gold", "b/gold"])
    path = tmp_path / "calibration.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_table(path) == outcomes
    assert yaml.safe_load(text)["measured_on"] == ["a/gold", "b/gold"]
    assert read_table(tmp_path / "missing.yaml") == {}


def test_the_generators_table_gives_the_confidence_of_every_rule_it_measured():
    counts = read_table(calibration.TABLE)
    assert counts and all(0 <= right <= counted and counted > 0 for right, counted in counts.values())
    basis, (right, counted) = next(iter(counts.items()))
    assert calibration.confidence(basis, 0.5) == smoothed(right, counted, 0.5)


def test_calibrate_counts_each_rule_on_the_gold_as_evaluate_reports_it(tmp_path):
    out = tmp_path / "calibration.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["--project", str(ROOT), "calibrate", str(WRITTEN_DEV / "gold"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    counts = read_table(out)
    assert {basis.split(".")[0] for basis in counts} >= {"people", "participants", "events", "quotes"}
    assert result.output.strip() == f"wrote {out}: {len(counts)} rules measured on 1 set of annotated articles"
    report = runner.invoke(main, ["--project", str(ROOT), "evaluate", str(WRITTEN_DEV / "gold"),
                                  "--articles", str(WRITTEN_DEV / "articles")])
    assert report.exit_code == 0, report.output
    by_rule = report.output.split("\nby rule:")[1].split("\n\n")[0].splitlines()[1:]
    measured = {line.split()[0]: (int(line.split()[1]), int(line.split()[2])) for line in by_rule}
    assert measured == counts


def test_every_extracted_fact_names_its_rule(nlp):
    from generator.extract import extract_article
    from tests.test_pledges import article

    facts = extract_article(nlp, article(
        "French President Emmanuel Macron met British Prime Minister Keir Starmer in London on Sunday. "
        "“We will not let Ukraine stand alone in this war,” Macron said after the meeting, which leaders "
        "from Germany and Italy attended."))
    records = [*facts.people, *facts.participants, *facts.events, *facts.quotes]
    assert records and all(record.basis and record.basis.split(".")[0] in (
        "people", "participants", "events", "quotes") for record in records)
    assert all(0 < record.confidence < 1 for record in records)
