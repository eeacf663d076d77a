"""Golden sites: extract and build small fixture projects, and diff what readers and tools get.

Each fixture is an invented story in two articles: tests/fixtures/harbour has every story
kind switched on; tests/fixtures/flood is a story of another sort with the core kinds only,
and must name nothing of the first. What is compared:
the machine layer `extract` writes, `data/facts.json`, and the article part of every HTML
page (the theme's chrome is Material's and is left out). After an intended change, refresh
the expected files with `EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review
the diff like any other change.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
NAMES = ("harbour", "flood")
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


def built_outputs(project: Path, site: Path) -> dict[str, str]:
    outputs = {f"extracted/{path.name}": path.read_text(encoding="utf-8")
               for path in sorted((project / "content" / "extracted").glob("*.yaml"))}
    outputs["site/data/facts.json"] = (site / "data" / "facts.json").read_text(encoding="utf-8")
    for page in sorted(site.rglob("index.html")):
        article = ARTICLE.search(page.read_text(encoding="utf-8"))
        outputs[f"site/{page.relative_to(site).as_posix()}"] = article.group(0) + "\n" if article else ""
    return outputs


@pytest.fixture(scope="module", params=NAMES)
def built(request, tmp_path_factory) -> tuple[str, dict[str, str]]:
    name = request.param
    project = tmp_path_factory.mktemp("golden") / name
    shutil.copytree(FIXTURES / name, project)
    runner = CliRunner()
    for arguments in (["extract"], ["build", "--site-dir", str(project / "site")]):
        result = runner.invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return name, built_outputs(project, project / "site")


def test_golden_site_matches(built):
    fixture, outputs = built
    golden = GOLDEN / fixture
    if os.environ.get("EXPLAINER_UPDATE_GOLDEN"):
        shutil.rmtree(golden, ignore_errors=True)
        for name, text in outputs.items():
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_text(text, encoding="utf-8")
    expected = {path.relative_to(golden).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(golden.rglob("*")) if path.is_file()}
    assert sorted(outputs) == sorted(expected)
    for name, text in outputs.items():
        assert text == expected[name], f"{name} differs from tests/golden/{fixture}/{name}"


# Words of the first story, which the generator must not put into another.
FIRST_STORY_WORDS = re.compile(r"coalition|ukrain|summit|pledge", re.IGNORECASE)


def test_a_story_with_only_core_kinds_names_nothing_of_the_first(built):
    fixture, outputs = built
    if fixture != "flood":
        pytest.skip("the core-kinds fixture only")
    pages = {name: text for name, text in outputs.items() if name.endswith(".html")}
    assert "site/index.html" in pages and "site/who/index.html" in pages
    for name, text in pages.items():
        assert not FIRST_STORY_WORDS.search(text), f"{name} names {FIRST_STORY_WORDS.search(text).group(0)!r}"
    facts = json.loads(outputs["site/data/facts.json"])
    assert not {"pledges", "plan", "coalitions"} & set(facts)
    assert {"sources", "people", "participants", "events", "quotes", "conflicts"} <= set(facts)
    # Only the core kinds' files are written, and no page of a story kind exists.
    assert sorted(name for name in outputs if name.startswith("extracted/")) == [
        f"extracted/{kind}.yaml" for kind in sorted(("sources", "people", "participants", "events", "quotes",
                                                     "figures", "conflicts"))]
    assert "site/pledges/index.html" not in outputs
