"""The command line contract of DESIGN.md: commands, exit codes and messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.test_content import make_project


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
        "content/editorial/people.yaml:1:1: 'fix' must be a mapping of id to value",
        "content/editorial/quotes.yaml:2:3: no quotes fact with id 'a'; "
        "it may have been renamed by a new extraction",
        "2 problems found.",
    ]


def test_misuse_exits_2(tmp_path):
    assert run("--project", str(tmp_path), "frobnicate").exit_code == 2
    outside = run("--project", str(tmp_path / "missing"), "new")
    assert outside.exit_code == 2


def test_commands_outside_a_project_say_where_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert "no mkdocs.yml" in result.output


def test_new_makes_a_project_that_checks_clean(tmp_path):
    target = tmp_path / "story"
    result = run("new", str(target), "--title", "A story: part 1")
    assert result.exit_code == 0
    assert sorted(path.relative_to(target).as_posix() for path in target.rglob("*")) == [
        ".gitignore", "content", "content/editorial", "content/editorial/site.yaml",
        "content/extracted", "content/pages", "mkdocs.yml", "seeds",
    ]
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
    assert result.stderr.splitlines()[0].startswith("content/editorial/people.yaml:3:5: role: input should be a valid string")
    assert result.stderr.splitlines()[-1] == "The site was not changed."
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_extract_reports_bad_articles_and_keeps_the_machine_layer(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(Path(__file__).parent / "fixtures" / "harbour", project)
    first = run("--project", str(project), "extract")
    assert first.exit_code == 0
    assert "2 articles (197 words): 2 parsed, 0 unchanged" in first.output
    assert "note: harbour-followup states no publication date" in first.output
    extracted = project / "content" / "extracted"
    before = {path.name: path.read_bytes() for path in extracted.iterdir()}

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
    rows = {line.split()[0]: line.split()[1:] for line in result.output.splitlines() if line.strip()}
    assert rows["Articles"] == ["scored:", "5"]
    # Regression floors for the extractor on its development articles (the seeds).
    assert float(rows["micro"][-1]) >= 0.93
    assert float(rows["people"][-1]) >= 0.95
    assert float(rows["quote"][-1]) >= 0.9  # quote speaker accuracy among matched quotes


def test_evaluate_reports_broken_gold_with_positions(tmp_path):
    (tmp_path / "a.yaml").write_text("source: a\npeople:\n  - nme: X\n", encoding="utf-8")
    result = run("--project", str(Path(__file__).parent.parent), "evaluate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'a.yaml'}:3:5: people.0.")
