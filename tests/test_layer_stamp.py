"""The machine layer's stamp: a run with nothing new does nothing; any input that changed, or a
damaged layer, gets the work done again."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.content.scaffold import new_project
from generator.extract.machine_layer import extract_project
from generator.files.project import Project

HARBOUR = ("date 2031-06-16\n\nLeaders meet in Valletta\n\n"
           "Maltese Prime Minister Robert Abela hosted leaders from four countries on Sunday "
           "to discuss harbour patrols in the Mediterranean.\n")
UNDATED = HARBOUR.removeprefix("date 2031-06-16\n\n")


@pytest.fixture
def project(tmp_path, nlp, monkeypatch) -> Project:
    """A project with one article, extracted once; every later extract reuses the session's model."""
    monkeypatch.setattr("generator.extract.load_model", lambda: nlp)
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(HARBOUR, encoding="utf-8")
    assert extract_project(project).parsed == 1
    return project


def layer(project: Project) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(project.extracted_dir.iterdir())}


def files_as_on_disk(project: Project) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in project.extracted_dir.iterdir()}


def test_a_run_with_nothing_new_imports_no_rule_and_writes_nothing(project):
    before, on_disk = layer(project), files_as_on_disk(project)
    # A fresh interpreter: this one has the rule modules loaded already.
    rerun = subprocess.run([sys.executable, "-c", (
        "import sys; from pathlib import Path\n"
        "from generator.extract.machine_layer import extract_project\n"
        "from generator.files.project import Project\n"
        "summary = extract_project(Project.at(Path(sys.argv[1])))\n"
        "print(summary.parsed, summary.cached, summary.counts['sources'], summary.counts['people'],\n"
        "      'generator.extract.registry' in sys.modules, 'generator.extract.people' in sys.modules)"),
        str(project.root)], capture_output=True, text=True, check=True)
    assert rerun.stdout.split() == ["0", "1", "1", "1", "False", "False"]
    assert files_as_on_disk(project) == on_disk
    assert layer(project) == before


def test_the_counts_of_a_run_with_nothing_new_are_those_of_the_layer(project):
    first = extract_project(project)
    assert extract_project(project).counts == first.counts


def test_a_changed_article_is_extracted_again(project):
    (project.seeds_dir / "valletta.txt").write_text(HARBOUR.replace("Robert Abela", "Joseph Muscat"), encoding="utf-8")
    summary = extract_project(project)
    assert summary.parsed == 1
    people = (project.extracted_dir / "people.yaml").read_text(encoding="utf-8")
    assert "Joseph Muscat" in people and "Robert Abela" not in people


def test_a_removed_article_leaves_the_layer(project):
    (project.seeds_dir / "rome.txt").write_text(HARBOUR.replace("Valletta", "Rome"), encoding="utf-8")
    assert extract_project(project).counts["sources"] == 2
    (project.seeds_dir / "rome.txt").unlink()
    summary = extract_project(project)
    assert (summary.parsed, summary.counts["sources"]) == (0, 1)
    assert "rome" not in (project.extracted_dir / "sources.yaml").read_text(encoding="utf-8")


def test_a_kind_switched_on_gets_its_file(project):
    assert not (project.extracted_dir / "plan.yaml").exists()
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("kinds: []", "kinds: [plan]"), encoding="utf-8")
    summary = extract_project(project)
    assert summary.parsed == 1      # the kinds are part of every article's cache key
    assert (project.extracted_dir / "plan.yaml").is_file() and "plan" in summary.counts


def test_a_date_an_editor_sets_is_applied(project):
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    assert extract_project(project).undated == ["valletta"]
    (project.editorial_dir / "sources.yaml").write_text('fix:\n  valletta:\n    published: "2031-06-16"\n',
                                                         encoding="utf-8")
    summary = extract_project(project)
    assert summary.undated == [] and summary.parsed == 1
    assert "published: '2031-06-16'" in (project.extracted_dir / "sources.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["edited", "removed", "added"])
def test_a_damaged_layer_is_put_right(project, damage):
    before = layer(project)
    events = project.extracted_dir / "events.yaml"
    if damage == "edited":
        edited = events.read_text(encoding="utf-8").replace("harbour", "airport")
        assert edited.encode() != before["events.yaml"]
        events.write_text(edited, encoding="utf-8")
    elif damage == "removed":
        events.unlink()
    else:
        (project.extracted_dir / "notes.yaml").write_text("hand-written: true\n", encoding="utf-8")
    summary = extract_project(project)
    assert summary.parsed == 0      # the cached facts serve: only the layer is written again
    assert layer(project) == before


def test_a_broken_stamp_only_costs_the_work(project):
    before = layer(project)
    (project.cache_dir / "layer.stamp").write_text("{not json", encoding="utf-8")
    assert extract_project(project).parsed == 0
    assert layer(project) == before
    assert extract_project(project).counts["sources"] == 1
