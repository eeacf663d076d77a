"""What an extraction changed: the comparison of two layers, what it means for the editors,
the summary `explainer extract` prints, and the record of it other commands read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.scaffold import new_project
from generator.extract.changes import (
    LayerChanges, compare, layer_changes, layer_prints, read_last_changes, read_prints, report, save_changes,
    write_prints,
)
from generator.files.project import Project
from generator.model.records import Participant, Person

HINT = "run the review"


def person(fact_id="robert-abela", role="Prime Minister", quotes=("Prime Minister Robert Abela",), **fields) -> dict:
    return {"id": fact_id, "name": fields.pop("name", "Robert Abela"), "aliases": [], "role": role, "country": "MT",
            "evidence": [{"source": "valletta", "quote": quote} for quote in quotes],
            "extractor": "people.v1", "confidence": 0.98, "basis": "people.full-name", **fields}


def participant(status="attended", quotes=("Italy attended",)) -> dict:
    return {"id": "IT", "name": "Italy", "kind": "country", "status": status,
            "evidence": [{"source": "valletta", "quote": quote} for quote in quotes]}


def changes_between(before: dict, after: dict) -> LayerChanges:
    return compare(layer_prints(before), layer_prints(after))


# -- the comparison ----------------------------------------------------------------------------

def test_new_and_gone_facts_are_the_ids_that_came_and_went():
    changes = changes_between({"people": [person(), person("paolo-ricci", name="Paolo Ricci")]},
                              {"people": [person(), person("eleni-kosta", name="Eleni Kosta")], "events": []})
    assert changes.new == {"people": ["eleni-kosta"]}
    assert changes.gone == {"people": ["paolo-ricci"]}
    assert changes.changed == changes.more_evidence == {}
    assert not changes.first and not changes.nothing


def test_a_changed_fact_names_its_fields_with_the_values_short_enough_to_show():
    def event(title: str, summary: str) -> dict:
        return {"id": "meeting", "date": "2031-06-15", "title": title, "summary": summary, "evidence": []}

    changes = changes_between(
        {"participants": [participant("attended")], "events": [event("Leaders meet", "They met " * 10)]},
        {"participants": [participant("lead")], "events": [event("Leaders met", "They talked " * 10)]})
    assert changes.changed == {"participants": {"IT": ["status"]}, "events": {"meeting": ["summary", "title"]}}
    assert changes.values == {"participants": {"IT": {"status": ("attended", "lead")}},
                              "events": {"meeting": {"title": ("Leaders meet", "Leaders met")}}}


def test_a_field_set_or_unset_is_a_change():
    changes = changes_between({"people": [person(role=None)]}, {"people": [person(role="President")]})
    assert changes.changed == {"people": {"robert-abela": ["role"]}}
    assert changes.values["people"]["robert-abela"]["role"] == (None, "President")


def test_evidence_merely_added_is_more_evidence_and_evidence_lost_is_a_change():
    one, two = ("Prime Minister Robert Abela",), ("Prime Minister Robert Abela", "Abela said")
    assert changes_between({"people": [person(quotes=one)]}, {"people": [person(quotes=two)]}).more_evidence == \
        {"people": ["robert-abela"]}
    assert changes_between({"people": [person(quotes=one)]}, {"people": [person(quotes=two)]}).changed == {}
    lost = changes_between({"people": [person(quotes=two)]}, {"people": [person(quotes=("Abela said",))]})
    assert lost.changed == {"people": {"robert-abela": ["evidence"]}} and lost.more_evidence == {}
    # Content changed as well: a change, not "more evidence".
    both = changes_between({"people": [person(quotes=one)]}, {"people": [person(role="President", quotes=two)]})
    assert both.changed == {"people": {"robert-abela": ["role"]}} and both.more_evidence == {}
    # The same evidence in another order is the same evidence.
    assert changes_between({"people": [person(quotes=two)]}, {"people": [person(quotes=two[::-1])]}).nothing


def test_confidence_basis_and_extractor_are_not_content():
    after = person(confidence=0.5, basis="people.surname", extractor="people.v2")
    assert changes_between({"people": [person()]}, {"people": [after]}).nothing


def test_with_no_layer_before_everything_is_new():
    changes = compare(None, layer_prints({"people": [person()], "events": []}))
    assert changes.first and changes.new == {"people": ["robert-abela"]} and not changes.nothing


def test_the_print_is_kept_and_read_back_and_a_broken_one_is_none(tmp_path):
    prints = layer_prints({"people": [person()]})
    write_prints(tmp_path / "layer.records", prints)
    assert read_prints(tmp_path / "layer.records") == prints
    (tmp_path / "layer.records").write_text("{not json", encoding="utf-8")
    assert read_prints(tmp_path / "layer.records") is None
    assert read_prints(tmp_path / "missing") is None


# -- what it means for the editors ----------------------------------------------------------------

def editorial_project(root: Path, files: dict[str, str]) -> Project:
    for name, text in files.items():
        path = root / "content" / "editorial" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(root)


def test_gone_facts_name_the_editors_decisions_and_held_facts_count_the_new(tmp_path):
    project = editorial_project(tmp_path, {
        "site": "review_below: 0.99\n",
        "people": "confirm: [gone-confirmed, paolo-ricci]\nfix:\n  gone-fixed:\n    role: Envoy\n"
                  "reject:\n  gone-fixed: not a person\n  eleni-kosta: not a person\n",
    })
    before = layer_prints({"people": [person(fact_id) for fact_id in ("gone-confirmed", "gone-fixed", "gone", "robert-abela")]})
    records = {"people": [Person.model_validate(person(fact_id)) for fact_id in ("robert-abela", "paolo-ricci", "eleni-kosta", "nikos-dendias")]}
    changes = layer_changes(project, before, layer_prints({"people": [r.model_dump(mode="json") for r in records["people"]]}), records)
    assert changes.gone == {"people": ["gone-confirmed", "gone-fixed", "gone"]}
    assert changes.overridden == {"people": {"gone-confirmed": ["confirmed"], "gone-fixed": ["fixed", "rejected"]}}
    # Below 0.99 and not reviewed: held. Confirmed (paolo-ricci) or rejected (eleni-kosta): not.
    assert changes.held == {"people": ["nikos-dendias", "robert-abela"]}
    assert report(changes, HINT) == [
        "what this extraction changed:",
        "  people: 3 new (paolo-ricci; eleni-kosta; 1 more), 3 gone (gone-confirmed, confirmed by an editor; "
        "gone-fixed, fixed and rejected by an editor; 1 more)",
        "2 facts held for review, 1 of them new; run the review",
        "2 gone facts had an editor's decision, which now names nothing; `explainer check` lists them",
    ]


def test_fixes_whose_field_extraction_changed_again_are_counted_as_conflicts(tmp_path):
    project = editorial_project(tmp_path, {"participants": (
        "fix:\n  IT:\n    status: member\n  FR:\n    status: lead\n"
        "fixed_from:\n  IT:\n    status: attended\n  FR:\n    status: likely\n")})
    records = {"participants": [Participant.model_validate(participant("lead")),
                                Participant.model_validate({**participant("lead"), "id": "FR", "name": "France"})]}
    after = layer_prints({"participants": [record.model_dump(mode="json") for record in records["participants"]]})
    changes = layer_changes(project, after, after, records)
    assert changes.conflicts == 1  # IT: member over attended, now lead; FR: the extraction gives the fix
    assert report(changes, HINT) == ["nothing changed"]
    changes.new = {"participants": ["FR"]}
    assert report(changes, HINT)[-1] == "1 editor's fix now conflicts with the extraction; `explainer check` lists them"


def test_the_summary_names_a_few_facts_of_each_kind_in_the_layers_order():
    changes = LayerChanges(
        new={"events": ["e1", "e2", "e3", "e4"], "sources": ["rome"]},
        changed={"participants": {"IT": ["status", "evidence"]}, "people": {"keir-starmer": ["role"]}},
        values={"participants": {"IT": {"status": ("attended", "lead")}}},
        more_evidence={"people": ["a", "b"]}, held={"events": ["e1", "old"]})
    assert report(changes, HINT) == [
        "what this extraction changed:",
        "  sources: 1 new (rome)",
        "  people: 1 changed (keir-starmer: role), 2 with more evidence",
        "  participants: 1 changed (IT: status 'attended' -> 'lead', evidence)",
        "  events: 4 new (e1; e2; 2 more)",
        "2 facts held for review, 1 of them new; run the review",
    ]
    assert report(LayerChanges(first=True, new={"people": ["a"]}, held={"people": ["a"]}), HINT) == [
        "a first extraction: every fact is new", "1 fact held for review; run the review"]


def test_the_last_changes_are_read_back_and_are_empty_when_none_are_on_record(tmp_path):
    project = Project(tmp_path)
    assert read_last_changes(project) == LayerChanges()
    assert read_last_changes(project).new == {}
    saved = LayerChanges(new={"people": ["a"]}, changed={"participants": {"IT": ["status"]}},
                         values={"participants": {"IT": {"status": ("attended", "lead")}}})
    save_changes(project, saved)
    assert read_last_changes(project) == saved
    project.changes_file.write_text("[]", encoding="utf-8")
    assert read_last_changes(project) == LayerChanges()


# -- `explainer extract`, twice ---------------------------------------------------------------------

VALLETTA = ("date 2031-06-16\n\nLeaders meet in Valletta\n\n"
            "Maltese Prime Minister Robert Abela hosted leaders from four countries on Sunday "
            "to discuss harbour patrols in the Mediterranean.\n\n"
            "Italian Defence Minister Paolo Ricci attended the meeting.\n")
ROME = ("date 2031-06-18\n\nItaly to lead the harbour alliance\n\n"
        "Italy will lead the harbour alliance, officials said on Tuesday.\n\n"
        "Italian Defence Minister Paolo Ricci attended the meeting.\n\n"
        "Greek Foreign Minister Eleni Kosta said Greece would join.\n")


def extract(project: Path):
    return CliRunner().invoke(main, ["--project", str(project), "extract"], catch_exceptions=False)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, nlp) -> tuple[Path, str]:
    """A project with one article, extracted once (and the output of that first run); each
    test extracts a copy again, which parses only what it changed, with the session's model."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.extract.load_model", lambda: nlp)
        project = new_project(tmp_path_factory.mktemp("changes") / "story", "Test")
        (project.seeds_dir / "valletta.txt").write_text(VALLETTA, encoding="utf-8")
        first = extract(project.root)
        assert first.exit_code == 0, first.output
        yield project.root, first.output


@pytest.fixture
def story(extracted, tmp_path, nlp, monkeypatch) -> Path:
    monkeypatch.setattr("generator.extract.load_model", lambda: nlp)
    return Path(shutil.copytree(extracted[0], tmp_path / "story", symlinks=True))


def summary(output: str) -> list[str]:
    """The lines after the counts, up to the notes."""
    lines = output.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("wrote content/extracted/")) + 1
    return [line for line in lines[start:] if not line.startswith("note: ")]


def test_a_first_extraction_says_every_fact_is_new(extracted):
    root, output = extracted
    assert summary(output) == ["a first extraction: every fact is new"]
    last = read_last_changes(Project(root))
    assert last.first and last.new["people"] == ["paolo-ricci", "robert-abela"]


def test_an_article_added_is_summed_up_and_recorded(story):
    (story / "seeds" / "rome.txt").write_text(ROME, encoding="utf-8")
    (story / "content" / "editorial" / "site.yaml").write_text("title: Test\nreview_below: 0.99\n", encoding="utf-8")
    result = extract(story)
    assert "2 articles (68 words): 1 parsed, 1 unchanged" in result.output
    assert summary(result.output) == [
        "what this extraction changed:",
        "  sources: 1 new (rome)",
        "  people: 1 new (eleni-kosta), 1 with more evidence",
        "  participants: 1 changed (IT: status 'attended' -> 'lead')",
        "  events: 1 new (2031-06-17-officials-said)",
        "5 facts held for review, 2 of them new; run `explainer review` to go through them",
    ]
    # The facts `check` holds: the people and events, below 0.99.
    check = CliRunner().invoke(main, ["--project", str(story), "check"])
    assert "5 extracted facts are held for review (confidence below 0.99)" in check.output
    last = read_last_changes(Project(story))
    assert last.new == {"sources": ["rome"], "people": ["eleni-kosta"], "events": ["2031-06-17-officials-said"]}
    assert last.changed == {"participants": {"IT": ["status"]}}
    assert last.more_evidence == {"people": ["paolo-ricci"]} and last.gone == {}


def test_a_run_with_nothing_new_says_so_and_keeps_the_last_changes(story):
    record = Project(story).changes_file
    before = (record.read_bytes(), record.stat().st_mtime_ns)
    result = extract(story)
    assert "0 parsed, 1 unchanged" in result.output
    assert summary(result.output) == ["nothing changed"]
    assert (record.read_bytes(), record.stat().st_mtime_ns) == before
    assert read_last_changes(Project(story)).first


def test_an_article_edited_or_removed_changes_facts_and_leaves_editors_decisions_dangling(story):
    (story / "content" / "editorial" / "people.yaml").write_text("confirm: [paolo-ricci]\n", encoding="utf-8")
    (story / "seeds" / "valletta.txt").write_text(
        VALLETTA.replace("Maltese Prime Minister", "Maltese President")
                .replace("Italian Defence Minister Paolo Ricci attended the meeting.\n", ""), encoding="utf-8")
    result = extract(story)
    assert summary(result.output) == [
        "what this extraction changed:",
        "  sources: 1 changed (valletta: words 33 -> 24)",
        "  people: 1 changed (robert-abela: role 'Prime Minister' -> 'President', evidence), "
        "1 gone (paolo-ricci, confirmed by an editor)",
        "  participants: 1 gone (IT)",
        "  events: 1 new (2031-06-15-maltese-president-robert-abela-hosted), "
        "1 gone (2031-06-15-maltese-prime-minister-robert-abela)",
        "1 gone fact had an editor's decision, which now names nothing; `explainer check` lists them",
    ]
    assert read_last_changes(Project(story)).changed == {"sources": {"valletta": ["words"]},
                                                        "people": {"robert-abela": ["role", "evidence"]}}
    check = CliRunner().invoke(main, ["--project", str(story), "check"])
    assert check.exit_code == 1
    assert "content/editorial/people.yaml:1:11: no people fact with id 'paolo-ricci'" in check.stderr


def test_a_fix_the_new_extraction_conflicts_with_is_counted_and_refused_by_check(story):
    (story / "content" / "editorial" / "people.yaml").write_text(
        "fix:\n  robert-abela:\n    role: Prime Minister of Malta\n"
        "fixed_from:\n  robert-abela:\n    role: Prime Minister\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["--project", str(story), "check"]).exit_code == 0
    (story / "seeds" / "valletta.txt").write_text(VALLETTA.replace("Prime Minister", "Deputy Prime Minister"),
                                                  encoding="utf-8")
    result = extract(story)
    assert summary(result.output)[-1] == ("1 editor's fix now conflicts with the extraction; "
                                          "`explainer check` lists them")
    check = CliRunner().invoke(main, ["--project", str(story), "check"])
    assert check.exit_code == 1
    assert check.stderr.splitlines() == [
        "content/editorial/people.yaml:3:5: robert-abela: role was fixed to 'Prime Minister of Malta' when "
        "extraction gave 'Prime Minister'; a newer extraction gives 'Deputy Prime Minister' (valletta: \"Maltese "
        "Deputy Prime Minister Robert Abela hosted leaders from four countries on Sunday to discuss harbour "
        "patrols in…\"); keep the fix by setting fixed_from to the new value, or remove the fix to take it",
        "1 problem found.",
    ]
