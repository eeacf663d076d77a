"""The command line contract of docs/DESIGN.md: commands, exit codes and messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.schemas import modeline
from tests.test_reader import make_project


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments), catch_exceptions=False)


def test_check_passes_on_clean_content(tmp_path):
    make_project(tmp_path)
    result = run("--project", str(tmp_path), "check")
    assert result.exit_code == 0
    assert result.output == "content is valid: 3 facts from 1 sources, 0 reviewed by editors\n"


def test_check_lists_every_problem_and_exits_1(tmp_path):
    make_project(tmp_path, editorial={"quotes": "reject:\n  a: x\n", "people": "fix: [1]\n"})
    result = run("--project", str(tmp_path), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/editorial/people.yaml:1:6: 'fix' must be a mapping of id to value",
        "content/editorial/quotes.yaml:2:3: no quotes fact with id 'a'; "
        "it may have been renamed by a new extraction",
        "2 problems found.",
    ]


def test_check_reports_every_kind_of_problem_in_one_run(tmp_path):
    """The catalogue of docs/editors.md: a bad value is pointed at, a wrong key at the key."""
    make_project(tmp_path, extracted={
        "people": """
            people:
            - id: jonas-gahr-store
              name: Jonas Gahr Store
              evidence: [{source: oslo, quote: Jonas Gahr Store}]
            - id: jonas-gahr-store
              name: Jonas Store
              evidence: [{source: oslo, quote: Store said}]
        """,
        "pledges": """
            pledges:
            - id: oslo-talks
              actor: narnia
              summary: Talks in Oslo
              evidence: [{source: oslo, quote: hosted the talks on Monday}]
        """,
    }, editorial={
        "people": """
            fixx:
              jonas-gahr-store: {role: x}
            confirm: [jonas-gahr-stor]
            fix:
              jonas-gahr-store:
                role: Prime Minister
                role: Prime Minister of Norway
            add:
            - id: anna-berg
              evidence: [{source: oslo, quote: hosted the talks}]
            - id: kari-nordmann
              name: Kari Nordmann
              evidence: [{source: oslo, quote: hosted the talks}]
            - id: kari-nordmann
              name: Kari Nordmann
              evidence: [{source: oslo, quote: hosted the talks}]
            - id: jonas-gahr-store
              name: Jonas Gahr Store
              evidence: [{source: oslo, quote: Store said}]
        """,
        "events": """
            add:
            - id: talks
              date: 4 March 2025
              title: Talks in Oslo
              approximate: sometimes
              evidence: [{source: oslo, quote: hosted the talks on Monday}]
            - id: summit
              date: 2025-03-03
              title: Summit
              people: [jonas-gahr-store, nobody]
              evidence: [{source: oslo, quote: this is not in the article}]
        """,
        "quotes": """
            reject:
              store-gone: no longer extracted
            add:
            - id: ghost-quote
              speaker: ghost
              text: We will stand together,
              source: oslo
        """,
        "participants": "- 'NO'\n",
        "coalitions": "just some text\n",
        "plan": "confirm:\n\t- plan-1\n",
    })
    (tmp_path / "seeds" / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    (tmp_path / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("--project", str(tmp_path), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/editorial/coalitions.yaml:1:1: the top level must be a mapping of keys "
        "(confirm, fix, reject, add, fixed_from), not a single value ('just some text')",
        "content/editorial/events.yaml:3:9: '4 March 2025' is not a date: write a date as YYYY, "
        "YYYY-MM or YYYY-MM-DD (keep only the precision the source gives)",
        "content/editorial/events.yaml:5:16: approximate: input should be a valid boolean, "
        "unable to interpret input (got 'sometimes')",
        "content/editorial/events.yaml:10:30: no person with id 'nobody'",
        "content/editorial/events.yaml:11:36: quote is not verbatim in source 'oslo': "
        "\"this is not in the article\"; copy the words exactly as the article has them",
        "content/editorial/participants.yaml:1:3: the top level must be a mapping of keys "
        "(confirm, fix, reject, add, fixed_from), not a list",
        "content/editorial/people.yaml:1:1: unknown key 'fixx'; did you mean 'fix'?",
        "content/editorial/people.yaml:3:11: no people fact with id 'jonas-gahr-stor'; "
        "did you mean 'jonas-gahr-store'?",
        "content/editorial/people.yaml:7:5: duplicate key 'role': it is already set above in the "
        "same mapping, and only the first is read; merge the two or remove one",
        "content/editorial/people.yaml:9:3: missing required field 'name'",
        "content/editorial/people.yaml:14:7: 'kari-nordmann' is added twice; "
        "give each fact its own id, or keep one",
        "content/editorial/people.yaml:17:7: 'jonas-gahr-store' already exists in "
        "content/extracted/people.yaml; correct it under 'fix' instead of adding it again",
        "content/editorial/plan.yaml:2:1: YAML syntax error: a tab character; "
        "YAML indents with spaces only, so replace it with spaces",
        "content/editorial/quotes.yaml:2:3: no quotes fact with id 'store-gone'; "
        "it may have been renamed by a new extraction",
        "content/editorial/quotes.yaml:5:12: no person with id 'ghost'",
        "content/extracted/people.yaml:5:7: duplicate people id 'jonas-gahr-store'",
        "content/extracted/pledges.yaml:3:10: 'narnia' is neither an ISO 3166 alpha-2 country "
        "code, a known organisation id nor a participant id; use a two-letter code such as GB, an "
        "organisation id such as nato, or a participant's id",
        "seeds/empty.txt:1:1: article is empty; add its text or remove the file",
        "seeds/latin1.txt:1:4: article is not UTF-8 (byte 0xe9); re-save it as UTF-8",
        "19 problems found.",
    ]


def test_build_runs_the_same_checks_first(tmp_path):
    make_project(tmp_path, editorial={"people": "fix:\n  ghost: {role: x}\n", "events": "add: [{id: x}]\n"})
    checked = run("--project", str(tmp_path), "check")
    built = run("--project", str(tmp_path), "build")
    assert checked.exit_code == built.exit_code == 1
    assert built.stderr.splitlines() == [*checked.stderr.splitlines(), "The site was not changed."]
    assert not (tmp_path / "site").exists()


def test_misuse_exits_2(tmp_path):
    make_project(tmp_path)
    assert run("--project", str(tmp_path), "frobnicate").exit_code == 2
    assert run("--project", str(tmp_path), "check", "--frobnicate").exit_code == 2
    assert run("--project", str(tmp_path / "missing"), "new").exit_code == 2


def test_a_project_that_is_not_there_exits_2(tmp_path):
    (tmp_path / "not-a-project").mkdir()
    for folder in (tmp_path / "missing", tmp_path / "not-a-project"):
        result = run("--project", str(folder), "check")
        assert result.exit_code == 2
        assert f"no mkdocs.yml in {folder}" in result.output


def test_commands_outside_a_project_say_where_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert "no mkdocs.yml" in result.output


def test_new_makes_a_project_that_checks_clean(tmp_path):
    target = tmp_path / "story"
    result = run("new", str(target), "--title", "A story: part 1")
    assert result.exit_code == 0
    files = sorted(path.relative_to(target).as_posix() for path in target.rglob("*")
                   if not path.is_relative_to(target / "content" / "schema"))
    assert files == [
        ".gitignore", "content", "content/editorial", "content/editorial/site.yaml",
        "content/extracted", "content/pages", "mkdocs.yml", "seeds",
    ]
    assert (target / "content" / "schema" / "editorial" / "site.schema.json").is_file()  # see test_schemas
    assert 'site_name: "A story: part 1"' in (target / "mkdocs.yml").read_text()
    assert run("--project", str(target), "check").exit_code == 0


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = run("new", str(tmp_path))
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_every_command_is_documented_in_the_readme():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `explainer (\w+)", readme, re.MULTILINE))
    assert documented == set(main.commands)


def test_readme_starts_with_the_two_commands():
    lines = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1: lines.index("```")]
    assert [line.split("#")[0].strip() for line in block] == [
        "bash .ci/setup && .venv/bin/explainer build",
        "bash .ci/setup --test && .venv/bin/python -m pytest",
    ]
    assert "bash .ci/setup --test" in (Path(__file__).parent.parent / ".ci" / "run").read_text()


def test_failed_build_keeps_the_previous_site(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(Path(__file__).parent / "fixtures" / "harbour", project)
    site = project / "site"
    assert run("--project", str(project), "extract").exit_code == 0
    assert run("--project", str(project), "build").exit_code == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert site / "index.html" in before

    editorial = project / "content" / "editorial" / "people.yaml"
    editorial.write_text("fix:\n  carmen-vella:\n    role: [not, a, string]\n", encoding="utf-8")
    result = run("--project", str(project), "build")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("content/editorial/people.yaml:3:11: role: input should be a valid string")
    assert result.stderr.splitlines()[-1] == "The site was not changed."
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_extract_reports_bad_articles_and_keeps_the_machine_layer(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(Path(__file__).parent / "fixtures" / "harbour", project)
    first = run("--project", str(project), "extract")
    assert first.exit_code == 0
    assert "2 articles (197 words): 2 parsed, 0 unchanged" in first.output
    assert ("note: harbour-followup gives a day but no year; the year of 2024-06-14 was inferred "
            "from the other articles.") in first.output
    extracted = project / "content" / "extracted"
    before = {path.name: path.read_bytes() for path in extracted.iterdir()}
    for path in extracted.iterdir():  # each names its schema, which extract wrote (see test_schemas)
        assert path.read_text(encoding="utf-8").startswith(modeline(f"extracted/{path.stem}"))
        assert (project / "content" / "schema" / "extracted" / f"{path.stem}.schema.json").is_file()

    again = run("--project", str(project), "extract")
    assert "0 parsed, 2 unchanged" in again.output
    assert {path.name: path.read_bytes() for path in extracted.iterdir()} == before

    (project / "seeds" / "broken.txt").write_bytes(b"\xff\xfe not text")
    (project / "seeds" / "empty.md").write_text("", encoding="utf-8")
    failed = run("--project", str(project), "extract")
    assert failed.exit_code == 1
    assert failed.stderr.splitlines() == [
        "seeds/broken.txt:1:1: article is not UTF-8 (byte 0xff); re-save it as UTF-8",
        "seeds/empty.md:1:1: article is empty; add its text or remove the file",
        "2 problems found.",
        "content/extracted/ was left as it was.",
    ]
    assert {path.name: path.read_bytes() for path in extracted.iterdir()} == before


def test_evaluate_scores_the_seeds_against_their_gold():
    root = Path(__file__).parent.parent
    result = run("--project", str(root), "evaluate", str(root / "tests" / "gold"), "--brief")
    assert result.exit_code == 0, result.output
    scores = result.output.split("\nreliability:")[0]  # the score tables, not the reliability rows
    rows = {line.split()[0]: line.split()[1:] for line in scores.splitlines() if line.strip()}
    assert rows["Articles"] == ["scored:", "5"]
    # Regression floors for the extractor on its development articles (the seeds).
    assert float(rows["micro"][-1]) >= 0.93
    assert float(rows["people"][-1]) >= 0.95
    assert float(rows["quote"][-1]) >= 0.9  # quote speaker accuracy among matched quotes


@pytest.mark.parametrize("corpus, floors", [
    # Regression floors below the measured figures (tests/corpus/README.md): people F1, event
    # dates exact and quote speaker accuracy are the targets for unseen articles.
    ("dev", {"people": 0.95, "event": 0.95, "quote": 0.95, "micro": 0.92}),
    ("heldout", {"people": 0.93, "event": 0.95, "quote": 0.85, "micro": 0.78}),
])
def test_evaluate_scores_the_written_corpora(corpus, floors):
    folder = Path(__file__).parent / "corpus" / corpus
    result = run("--project", str(Path(__file__).parent.parent), "evaluate", str(folder / "gold"),
                 "--articles", str(folder / "articles"), "--brief")
    assert result.exit_code == 0, result.output
    scores = result.output.split("\nreliability:")[0]  # the score tables, not the reliability rows
    rows = {line.split()[0]: line.split()[1:] for line in scores.splitlines() if line.strip()}
    for name, floor in floors.items():
        assert float(rows[name][-1]) >= floor, (name, rows[name])


def test_evaluate_reports_broken_gold_with_positions(tmp_path):
    (tmp_path / "a.yaml").write_text("source: a\npeople:\n  - nme: X\n", encoding="utf-8")
    result = run("--project", str(Path(__file__).parent.parent), "evaluate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'a.yaml'}:3:5: people.0.")
