"""Building a project with MkDocs in a child process: the content is read and checked once, by
the command, and the child renders the facts it was handed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content import reader
from generator.files.project import Project
from generator.model.facts import project_kinds
from generator.site import build
from generator.site.export import facts_json
from tests.factories import build_site, make_story, write_project

ALL_KINDS = project_kinds(["pledges", "plan", "coalitions"])


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The project folder of every `read_content` call, in this process and in MkDocs."""
    calls: list[Path] = []
    original = reader.read_content

    def counted(project, *arguments, **options):
        calls.append(project.root)
        return original(project, *arguments, **options)

    monkeypatch.setattr(reader, "read_content", counted)
    return calls


@pytest.fixture
def mkdocs_in_this_process(monkeypatch) -> None:
    """The MkDocs child of `explainer build` run in this process, with the child's environment,
    so that what it reads is counted here."""
    from mkdocs.__main__ import cli

    def run(command, *, cwd, env, capture_output, text):
        assert command[1:3] == ["-m", "mkdocs"]
        with monkeypatch.context() as child:
            for name, value in env.items():
                if os.environ.get(name) != value:
                    child.setenv(name, value)
            cli(command[3:], standalone_mode=False)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(build.subprocess, "run", run)


def test_a_build_reads_the_content_once(tmp_path, reads, mkdocs_in_this_process):
    project = write_project(make_story(hostile=True), tmp_path / "project")
    result = CliRunner().invoke(main, ["--project", str(project), "build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert reads == [project]
    # The site of the handed-over facts is the site of the content, read by the plugin itself.
    alone = build_site(project, tmp_path / "alone")
    assert len(reads) == 2
    built = project / "site"
    compared = [path.relative_to(alone) for path in alone.rglob("*")
                if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt"}]
    assert len(compared) > 10
    for path in compared:
        assert (built / path).read_bytes() == (alone / path).read_bytes(), path
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []


def test_the_snapshot_gives_back_the_checked_facts(tmp_path, monkeypatch):
    project = write_project(make_story(hostile=True), tmp_path / "project")
    facts = reader.load_facts(project)
    monkeypatch.setenv(build.FACTS_SNAPSHOT, str(build.write_snapshot(tmp_path, Project(project), facts)))
    handed = build.snapshot_facts(project, facts.kinds)
    assert handed == facts
    assert facts_json(handed) == facts_json(facts)


def test_a_snapshot_of_another_project_or_other_kinds_is_not_used(tmp_path, monkeypatch):
    project = write_project(make_story(), tmp_path / "project")
    facts = reader.load_facts(project)
    monkeypatch.setenv(build.FACTS_SNAPSHOT, str(build.write_snapshot(tmp_path, Project(project), facts)))
    assert build.snapshot_facts(tmp_path / "elsewhere", facts.kinds) is None
    assert build.snapshot_facts(project, project_kinds([])) is None
    assert facts.kinds == ALL_KINDS and build.snapshot_facts(project, ALL_KINDS) == facts


def test_mkdocs_alone_reads_the_content_itself(tmp_path, reads, monkeypatch):
    monkeypatch.delenv(build.FACTS_SNAPSHOT, raising=False)
    project = write_project(make_story(), tmp_path / "project")
    build_site(project, tmp_path / "site")
    assert reads == [project]


def test_an_unreadable_snapshot_stops_the_build(tmp_path, monkeypatch):
    project = write_project(make_story(), tmp_path / "project")
    broken = tmp_path / "facts.json"
    broken.write_text('{"project": "x"}', encoding="utf-8")
    monkeypatch.setenv(build.FACTS_SNAPSHOT, str(broken))
    with pytest.raises(build.BuildFailed, match="not a snapshot of facts"):
        build.snapshot_facts(project, ALL_KINDS)
    monkeypatch.setenv(build.FACTS_SNAPSHOT, str(tmp_path / "missing.json"))
    with pytest.raises(build.BuildFailed, match="cannot read the checked facts"):
        build.snapshot_facts(project, ALL_KINDS)


def test_the_preview_is_never_handed_a_snapshot(monkeypatch):
    monkeypatch.setenv(build.FACTS_SNAPSHOT, "/tmp/facts.json")
    assert build.FACTS_SNAPSHOT not in build.quiet_environment()
