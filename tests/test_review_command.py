"""`explainer review` for scripts: --list, --confirm, --reject, --fix, on a real project."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.content.reader import read_content
from generator.files.project import Project
from generator.model.records import Evidence, Person
from tests.factories import make_story, write_project
from tests.test_review_queue import unsure_project

PEOPLE = """\
# yaml-language-server: $schema=../schema/editorial/people.schema.json
# Editors' corrections to content/extracted/people.yaml, by person id.
confirm: [ingrid-alvsen]   # checked against the government's site

# Not people.
reject:
  herald-desk: a newsroom
"""


def run(root: Path, *arguments: str):
    return CliRunner().invoke(main, ["--project", str(root), "review", *arguments])


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted((root / "content").rglob("*")) if path.is_file()}


def project_with_comments(tmp_path) -> Path:
    """The harbour story with Mads Kjær held for review, a newsroom the tagger took for a
    person, and an editor's people.yaml with comments, blank lines and a flow list."""
    root = unsure_project(tmp_path)
    people = root / "content/extracted/people.yaml"
    extracted = json.loads(people.read_text(encoding="utf-8"))
    extracted["people"].append({"id": "herald-desk", "name": "Herald Desk", "evidence": [
        {"source": "herald", "quote": "Norway forms a harbour guard coalition"}]})
    people.write_text(json.dumps(extracted, ensure_ascii=False), encoding="utf-8")
    (root / "content/editorial/people.yaml").write_text(PEOPLE, encoding="utf-8")
    return root


def test_the_queue_is_listed_with_how_to_decide(tmp_path):
    result = run(unsure_project(tmp_path), "--list")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 facts wait for review:\n  people:mads-kjaer  Mads Kjær\n"
                                    "      held for review: confidence 0.3 is below review_below 0.7 (rule people.weak)\n"
                                    '      herald: "Foreign Minister Mads Kjær"\n')
    assert "explainer review --confirm ID [ID...]" in result.output


def test_without_a_terminal_review_lists_the_queue(tmp_path):
    result = run(unsure_project(tmp_path))
    assert result.exit_code == 0 and "2 facts wait for review" in result.output
    assert "--reject ID [ID...] --why TEXT" in result.output


def test_confirming_writes_the_id_in_place_and_publishes_the_fact(tmp_path):
    root = project_with_comments(tmp_path)
    result = run(root, "--confirm", "mads-kjaer", "kjaer-ready")
    assert result.exit_code == 0, result.output
    assert result.output == ("confirmed people:mads-kjaer\nconfirmed quotes:kjaer-ready\n"
                             "2 confirmed, 0 rejected, 0 fixed; wrote content/editorial/people.yaml, "
                             "content/editorial/quotes.yaml\n")
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == PEOPLE.replace(
        "confirm: [ingrid-alvsen]", "confirm: [ingrid-alvsen, mads-kjaer]")
    assert (root / "content/editorial/quotes.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/editorial/quotes.schema.json\n"
        "# Editors' review of content/extracted/quotes.yaml, by id.\n"
        "confirm:\n"
        "  - kjaer-ready\n")
    facts, problems = read_content(Project(root))
    assert problems == [] and facts.held == {}
    again = run(root, "--confirm", "mads-kjaer")
    assert again.output == ("people:mads-kjaer: confirmed already\n"
                            "0 confirmed, 0 rejected, 0 fixed; nothing needed writing\n")


def test_a_fix_records_what_extraction_gave(tmp_path):
    root = project_with_comments(tmp_path)
    result = run(root, "--fix", "mads-kjaer", "role=Minister of Foreign Affairs", "aliases=[Kjær]", "country=")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("fixed (role, aliases, country) people:mads-kjaer\n")
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == PEOPLE.replace(
        "# Not people.", (
            "fix:\n"
            "  mads-kjaer:\n"
            "    role: Minister of Foreign Affairs\n"
            "    aliases: [Kjær]\n"
            "    country: null\n"
            "\n"
            "# Not people.")) + (
            "\n"
            "fixed_from:\n"
            "  mads-kjaer:\n"
            "    role: Foreign Minister\n"
            "    aliases: [Mads Kjaer]\n"
            "    country: DK\n")
    assert read_content(Project(root))[1] == []


def test_a_rejection_moves_a_confirmed_id_and_a_confirmation_moves_it_back(tmp_path):
    root = project_with_comments(tmp_path)
    result = run(root, "--reject", "ingrid-alvsen", "--why", "a name in a caption: not in the story")
    # Rejecting her leaves the summit naming a person who is not published: refused.
    assert result.exit_code == 1
    assert "no person with id 'ingrid-alvsen'" in result.output and "nothing was written" in result.output
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == PEOPLE

    result = run(root, "--reject", "sara-lund", "--why", "the wire's: \"secretary general\"")
    assert result.exit_code == 0, result.output
    result = run(root, "--confirm", "sara-lund")
    assert result.output.startswith("confirmed (moved from reject) people:sara-lund\n")
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == PEOPLE.replace(
        "confirm: [ingrid-alvsen]", "confirm: [ingrid-alvsen, sara-lund]")
    result = run(root, "--fix", "sara-lund", "role=Secretary General")
    assert result.output.startswith("fixed (role) (moved from confirm) people:sara-lund\n")
    result = run(root, "--reject", "sara-lund", "--why", "not at the meeting")
    assert result.output.startswith("rejected (moved from fix; the fix is dropped) people:sara-lund\n")
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == PEOPLE.replace(
        "  herald-desk: a newsroom\n", "  herald-desk: a newsroom\n  sara-lund: not at the meeting\n")


def test_every_mistake_is_reported_at_once_and_nothing_is_written(tmp_path):
    root = project_with_comments(tmp_path)
    before = snapshot(root)
    for arguments, message in [
        (("--confirm", "mads-kjear", "alvsen"), "no fact with id 'mads-kjear' in content/extracted/; did you mean 'mads-kjaer'?\n"
                                                "no fact with id 'alvsen' in content/extracted/; did you mean"),
        (("--reject", "mads-kjaer"), "--reject needs the reason: --why TEXT"),
        (("--fix", "mads-kjaer", "role"), "'role' is not FIELD=VALUE"),
        (("--fix", "mads-kjaer", "rol=x", "name="), "mads-kjaer: no field 'rol' to fix; did you mean 'role'?\n"
                                                   "mads-kjaer: name needs a value"),
        (("--fix", "mads-kjaer", "aliases=Kjær"), "aliases: input should be a valid list"),
        (("--fix", "mads-kjaer", "confidence=1"), "no field 'confidence' to fix"),
        (("mads-kjaer",), "say what to do with mads-kjaer"),
        (("--confirm", "--fix", "x"), "choose one of"),
    ]:
        result = run(root, *arguments)
        assert result.exit_code == 1, (arguments, result.output)
        assert message in result.output, (arguments, result.output)
    assert snapshot(root) == before


def test_an_id_two_kinds_have_needs_its_kind(tmp_path):
    story = make_story()
    story.facts.people.append(Person(id="herald", name="Herald", evidence=[
        Evidence(source="herald", quote="Norway forms a harbour guard coalition")]))
    root = write_project(story, tmp_path)
    result = run(root, "--confirm", "herald")
    assert result.exit_code == 1
    assert "'herald' is an id in sources, people; say which: 'sources:herald' or 'people:herald'" in result.output
    result = run(root, "--confirm", "people:herald")
    assert result.exit_code == 0, result.output
    assert "herald" in read_content(Project(root))[0].reviewed


def test_a_file_that_is_not_valid_yaml_is_not_edited(tmp_path):
    root = unsure_project(tmp_path)
    (root / "content/editorial/people.yaml").write_text("confirm: [ingrid-alvsen\n", encoding="utf-8")
    result = run(root, "--confirm", "mads-kjaer")
    assert result.exit_code == 1
    assert "content/editorial/people.yaml: cannot edit it: line 2, column 1: YAML syntax error" in result.output
    assert (root / "content/editorial/people.yaml").read_text(encoding="utf-8") == "confirm: [ingrid-alvsen\n"


def test_the_review_never_loads_the_language_model(tmp_path):
    root = unsure_project(tmp_path)
    script = ("import sys; from click.testing import CliRunner; from generator.cli import main; "
              f"result = CliRunner().invoke(main, ['--project', {str(root)!r}, 'review', '--list']); "
              "assert result.exit_code == 0, result.output; "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'mkdocs')))")
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
