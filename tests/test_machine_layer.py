"""`explainer extract` on a real project: undated articles and the per-article cache."""

from __future__ import annotations

import subprocess
import sys

from generator.extract.machine_layer import extract_project
from generator.content.scaffold import new_project
from generator.files.project import Project
from generator.files.yamlfile import load_yaml

UNDATED = ("Leaders meet in Valletta\n\n"
           "Maltese Prime Minister Robert Abela hosted leaders from four countries on Sunday "
           "to discuss harbour patrols in the Mediterranean.\n")


def extracted_events(project: Project) -> list[dict]:
    document, problems = load_yaml(project.extracted_dir / "events.yaml")
    assert problems == []
    return document.data["events"] or []


def test_an_undated_article_is_reported_and_its_relative_dates_left_unresolved(tmp_path):
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    summary = extract_project(project)
    assert summary.undated == ["valletta"]
    assert extracted_events(project) == []


def test_a_date_set_by_an_editor_resolves_the_relative_dates(tmp_path):
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    extract_project(project)
    (project.editorial_dir / "sources.yaml").write_text('fix:\n  valletta:\n    published: "2031-06-16"\n',
                                                         encoding="utf-8")
    summary = extract_project(project)
    assert summary.undated == []
    assert summary.parsed == 1                      # the new date invalidated the cached facts
    [event] = extracted_events(project)
    assert event["date"] == "2031-06-15"            # the Sunday before Monday 16 June 2031
    assert "on Sunday" in event["date_note"]


def test_a_second_run_parses_only_the_new_article(tmp_path):
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    assert extract_project(project).parsed == 1
    (project.seeds_dir / "second.txt").write_text(UNDATED.replace("Valletta", "Rome"), encoding="utf-8")
    summary = extract_project(project)
    assert (summary.parsed, summary.cached) == (1, 1)


def test_a_run_that_changes_nothing_writes_nothing(tmp_path):
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    extract_project(project)
    files = {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in project.extracted_dir.iterdir()}
    folder = project.extracted_dir.stat().st_ino
    extract_project(project)
    assert project.extracted_dir.stat().st_ino == folder
    assert {path.name: (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in project.extracted_dir.iterdir()} == files


def test_a_run_with_nothing_new_never_imports_spacy(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr("generator.extract.load_model", lambda: nlp)
    project = new_project(tmp_path / "p", "Test")
    (project.seeds_dir / "valletta.txt").write_text(UNDATED, encoding="utf-8")
    extract_project(project)
    # A fresh interpreter: this one has spaCy loaded already.
    rerun = subprocess.run([sys.executable, "-c", (
        "import sys; from pathlib import Path\n"
        "from generator.extract.machine_layer import extract_project\n"
        "from generator.files.project import Project\n"
        "summary = extract_project(Project.at(Path(sys.argv[1])))\n"
        "print(summary.parsed, summary.cached, 'spacy' in sys.modules)"), str(project.root)],
        capture_output=True, text=True, check=True)
    assert rerun.stdout.split() == ["0", "1", "False"]
