"""Golden site: extract and build a small fixture project, and diff what readers and tools get.

The fixture (tests/fixtures/harbour) is an invented story in two articles. What is compared:
the machine layer `extract` writes, `data/facts.json`, and the article part of every HTML
page (the theme's chrome is Material's and is left out). After an intended change, refresh
the expected files with `EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review
the diff like any other change.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "harbour"
GOLDEN = Path(__file__).parent / "golden" / "harbour"
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


def built_outputs(project: Path, site: Path) -> dict[str, str]:
    outputs = {f"extracted/{path.name}": path.read_text(encoding="utf-8")
               for path in sorted((project / "content" / "extracted").glob("*.yaml"))}
    outputs["site/data/facts.json"] = (site / "data" / "facts.json").read_text(encoding="utf-8")
    for page in sorted(site.rglob("index.html")):
        article = ARTICLE.search(page.read_text(encoding="utf-8"))
        outputs[f"site/{page.relative_to(site).as_posix()}"] = article.group(0) + "\n" if article else ""
    return outputs


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    project = tmp_path_factory.mktemp("golden") / "harbour"
    shutil.copytree(FIXTURE, project)
    runner = CliRunner()
    for arguments in (["extract"], ["build", "--site-dir", str(project / "site")]):
        result = runner.invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return built_outputs(project, project / "site")


def test_golden_site_matches(outputs):
    if os.environ.get("EXPLAINER_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in outputs.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(GOLDEN.rglob("*")) if path.is_file()}
    assert sorted(outputs) == sorted(expected)
    for name, text in outputs.items():
        assert text == expected[name], f"{name} differs from tests/golden/harbour/{name}"
