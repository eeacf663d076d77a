"""Low-confidence machine facts are held for review instead of published."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import main
from generator.content.reader import read_content
from generator.files.project import Project
from generator.model.facts import REVIEW_BELOW
from tests.factories import make_story, write_project


def unsure_project(tmp_path, confidence: float = 0.3):
    """The harbour story with Mads Kjær extracted at `confidence` and nobody having reviewed him."""
    story = make_story()
    facts = story.facts
    facts.people = [p.model_copy(update={"confidence": confidence}) if p.id == "mads-kjaer" else p
                    for p in facts.people]
    facts.reviewed -= {"mads-kjaer", "kjaer-ready"}
    return write_project(story, tmp_path)


def test_unsure_person_and_what_depends_on_them_are_held(tmp_path):
    facts, problems = read_content(Project(unsure_project(tmp_path)))
    assert problems == []
    assert "mads-kjaer" not in {p.id for p in facts.people}
    assert "kjaer-ready" not in {q.id for q in facts.quotes}          # the quote cannot stand alone
    summit = next(e for e in facts.events if e.id == "bergen-summit")
    assert summit.people == ["ingrid-alvsen"]                          # the event stays, without him
    assert facts.held == {"people": ["mads-kjaer"], "quotes": ["kjaer-ready"]}


def test_confident_facts_are_published(tmp_path):
    # At the default threshold itself a fact is published; just below it, held.
    facts, _ = read_content(Project(unsure_project(tmp_path, confidence=REVIEW_BELOW)))
    assert "mads-kjaer" in {p.id for p in facts.people}
    assert facts.held == {}


def test_an_editor_confirming_publishes_a_held_fact(tmp_path):
    root = unsure_project(tmp_path)
    (root / "content/editorial/people.yaml").write_text(json.dumps({"confirm": ["mads-kjaer"]}), encoding="utf-8")
    facts, problems = read_content(Project(root))
    assert problems == []
    assert {"mads-kjaer"} <= {p.id for p in facts.people}
    assert "kjaer-ready" in {q.id for q in facts.quotes}
    assert facts.held == {}


def test_threshold_is_the_sites_setting(tmp_path):
    root = unsure_project(tmp_path)
    site = json.loads((root / "content/editorial/site.yaml").read_text(encoding="utf-8"))
    (root / "content/editorial/site.yaml").write_text(json.dumps({**site, "review_below": 0.2}), encoding="utf-8")
    facts, _ = read_content(Project(root))
    assert facts.held == {}


def test_check_lists_the_held_facts(tmp_path):
    result = CliRunner().invoke(main, ["--project", str(unsure_project(tmp_path)), "check"])
    assert result.exit_code == 0, result.output
    assert f"2 extracted facts are held for review (confidence below {REVIEW_BELOW:g})" in result.output
    assert "people: mads-kjaer" in result.output
    assert "quotes: kjaer-ready" in result.output
