"""The content files' JSON Schemas: valid, current, named by every file, and in step with `check`."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest

from generator.files.project import Project
from generator.content.schemas import (
    EDITORIAL_SECTIONS, EXTRACTOR, RECORD_TYPES, editorial_file, extracted_file, modeline, schema_files,
)
from generator.files.yamlfile import load_yaml
from generator.model.facts import project_kinds
from tests.test_cli import run
from tests.test_reader import make_project, messages

REPOSITORY = Project(Path(__file__).parent.parent)
CONTENT_FILES = sorted(
    path for layer in (REPOSITORY.extracted_dir, REPOSITORY.editorial_dir) for path in layer.glob("*.yaml")
)


def content_name(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def schema_named_by(path: Path) -> Path:
    """The schema a content file's first line names, as editors' tools resolve it."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), f"{path} does not name its schema on line 1"
    return (path.parent / first.split("$schema=", 1)[1]).resolve()


def validator(schema_path: Path) -> jsonschema.Draft7Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def schema_errors(path: Path) -> list[str]:
    document, problems = load_yaml(path)
    assert not problems
    return [error.message for error in validator(schema_named_by(path)).iter_errors(document.data or {})]


def test_the_repository_has_content_files():
    assert len(CONTENT_FILES) == 2 * len(RECORD_TYPES) + 1  # both layers of each kind, and site.yaml


@pytest.mark.parametrize("path", CONTENT_FILES, ids=content_name)
def test_every_content_file_names_its_schema_and_validates(path):
    assert path.read_text(encoding="utf-8").startswith(modeline(content_name(path)))
    assert schema_named_by(path).is_file()
    assert schema_errors(path) == []


def test_committed_schemas_are_the_generated_ones():
    committed = {path.relative_to(REPOSITORY.schema_dir).as_posix(): path.read_text(encoding="utf-8")
                 for path in REPOSITORY.schema_dir.rglob("*.json")}
    assert committed == schema_files(), "content/schema/ is stale: run `.venv/bin/explainer extract`"


def test_editorial_sections_are_the_model_fields():
    for kind in RECORD_TYPES:
        assert tuple(editorial_file(kind).model_fields) == EDITORIAL_SECTIONS


def test_a_new_project_has_schemas_for_its_files(tmp_path):
    assert run("new", str(tmp_path / "story")).exit_code == 0
    project = Project(tmp_path / "story")
    site = project.editorial_dir / "site.yaml"
    assert schema_named_by(site) == (project.schema_dir / "editorial" / "site.schema.json").resolve()
    assert schema_errors(site) == []
    assert sorted(path.relative_to(project.schema_dir).as_posix()
                  for path in project.schema_dir.rglob("*.json")) == sorted(schema_files(project_kinds(())))


# Each is wrong in one way both the schema (as editors type) and `explainer check` see.
BROKEN = {
    "unknown key": ("people", "fix:\n  jonas-gahr-store:\n    rol: Prime Minister\n"),
    "unknown section": ("people", "fixes:\n  jonas-gahr-store:\n    role: Prime Minister\n"),
    "wrong type": ("events", "add:\n- id: talks\n  date: '2025-03'\n  title: Talks\n  approximate: sometimes\n"
                             "  evidence: [{source: oslo, quote: hosted the talks on Monday}]\n"),
    "bad date": ("events", "add:\n- id: talks\n  date: 4 March 2025\n  title: Talks\n"
                           "  evidence: [{source: oslo, quote: hosted the talks on Monday}]\n"),
    "missing field": ("people", "add:\n- id: anna-berg\n  evidence: [{source: oslo, quote: hosted the talks}]\n"),
    "id changed by a fix": ("people", "fix:\n  jonas-gahr-store:\n    id: jonas-store\n"),
    "fix that is not a mapping": ("people", "fix:\n  jonas-gahr-store: Prime Minister\n"),
    "section of the wrong shape": ("people", "confirm:\n  jonas-gahr-store: yes\n"),
    "list at the top level": ("people", "- jonas-gahr-store\n"),
    "site text of the wrong type": ("site", "title: [a, list]\n"),
}


@pytest.mark.parametrize("kind, text", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_fails_its_schema_and_the_check(tmp_path, kind, text):
    project = make_project(tmp_path, editorial={kind: modeline(f"editorial/{kind}") + text})
    (project.schema_dir / "editorial").mkdir(parents=True)
    (project.schema_dir / "editorial" / f"{kind}.schema.json").write_text(
        schema_files()[f"editorial/{kind}.schema.json"], encoding="utf-8")
    assert schema_errors(project.editorial_dir / f"{kind}.yaml")
    assert messages(project)


def test_a_broken_extracted_file_fails_its_schema(tmp_path):
    project = make_project(tmp_path, extracted={"people": textwrap.dedent("""
        people:
        - id: jonas-gahr-store
          nme: Jonas Gahr Store
    """)})
    path = project.extracted_dir / "people.yaml"
    document, _ = load_yaml(path)
    schema = json.loads(schema_files()["extracted/people.schema.json"])
    messages_found = [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(document.data)]
    assert any("'name' is a required property" in message for message in messages_found)
    assert any("'nme' was unexpected" in message for message in messages_found)


def test_the_reader_expects_the_fields_of_each_extracted_file():
    for kind in RECORD_TYPES:
        assert tuple(extracted_file(kind).model_fields) == (EXTRACTOR, kind)
