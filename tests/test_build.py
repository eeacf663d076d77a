"""Building a project with MkDocs in the command's process: the content is read and checked once,
by the command, and MkDocs renders the facts it was handed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content import reader
from generator.files.project import Project
from generator.plugin import build_project
from generator.site.templates import bytecode_cache
from generator.site import build
from tests.factories import build_site, make_story, write_project

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


def test_a_build_reads_the_content_once(tmp_path, reads):
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


def test_mkdocs_alone_reads_the_content_itself(tmp_path, reads):
    project = write_project(make_story(), tmp_path / "project")
    build_site(project, tmp_path / "site")
    assert reads == [project]


def test_what_mkdocs_warns_of_says_why_the_build_stopped(tmp_path):
    project = write_project(make_story(), tmp_path / "project")
    (project / "docs" / "extra.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    facts = reader.load_facts(project)
    with pytest.raises(build.BuildFailed) as failure:
        build.build_site(Project(project), project / "site", facts, build_project)
    message = str(failure.value)
    assert message.startswith("cannot build the site: WARNING")
    assert "missing.md" in message and message.endswith("Aborted with 1 warnings in strict mode!")
    assert not (project / "site").exists()
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


def test_the_build_time_is_the_newest_article_unless_the_user_set_one(monkeypatch):
    facts = make_story().facts
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with build.reproducible_time(facts):
        pinned = os.environ["SOURCE_DATE_EPOCH"]
    assert "SOURCE_DATE_EPOCH" not in os.environ
    newest = max(source.published for source in facts.sources if source.published)
    assert pinned == str(int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc).timestamp()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    with build.reproducible_time(facts):
        assert os.environ["SOURCE_DATE_EPOCH"] == "86400"


def test_compiled_templates_are_kept_between_builds_and_never_change_a_page(tmp_path):
    project = write_project(make_story(hostile=True), tmp_path / "project")
    built = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["--project", str(project), "build"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        built.append({path.relative_to(project / "site"): path.read_bytes()
                      for path in (project / "site").rglob("*.html")})
    cached = list(Project(project).templates_cache_dir.iterdir())
    # The theme's page templates and Material's, each compiled once.
    assert len(cached) > 20
    assert built[0] == built[1] and len(built[0]) > 10


def test_a_folder_that_cannot_hold_the_cache_leaves_templates_uncached(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("a file where the folder would be", encoding="utf-8")
    assert bytecode_cache(taken / "templates") is None
    assert bytecode_cache(None) is None
    assert bytecode_cache(tmp_path / "templates") is not None
