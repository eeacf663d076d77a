"""The machine layer is valid by construction: whatever `explainer extract` writes into a
fresh project, `explainer check` accepts without a single problem, on any article.

Each project has every story kind switched on and `review_below: 0`, so that facts held for
review (which `check` otherwise leaves out) are checked as well: an editor who confirms one
must not meet an error. Extraction runs through `extract_project`, the library behind
`explainer extract`, with the session's language model instead of a fresh load per example.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from generator.content.reader import read_content
from generator.content.scaffold import new_project
from generator.extract import machine_layer
from generator.files.project import Project
from generator.model.kinds import STORY_KINDS
from tests.test_properties import skeleton_text

CORPUS = Path(__file__).parent / "corpus"
CORPUS_ARTICLES = sorted([*(CORPUS / "dev" / "articles").iterdir(), *(CORPUS / "heldout" / "articles").iterdir(),
                          *CORPUS.glob("real/*/*/articles/*")])

# Few examples: each makes a project, parses its articles and checks it (about a tenth of a
# second each); derandomised, so every run tries the same inputs.
bounded = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Several articles at once, so that problems between articles (the same person in two, a
# pledge whose actor another article resolves) are tried too. An empty file is a problem of
# the seeds, which `extract` refuses before writing anything, so every article has text.
articles = st.lists(skeleton_text.filter(lambda text: text.removeprefix("\ufeff").strip()), min_size=1, max_size=3)


@pytest.fixture
def shared_model(nlp, monkeypatch):
    """`extract_project` loads the model itself; give it the one the session has loaded."""
    monkeypatch.setattr("generator.extract.load_model", lambda: nlp)


def fresh_project(root: Path) -> Project:
    project = new_project(root, "Any story", kinds=STORY_KINDS)
    with (project.editorial_dir / "site.yaml").open("a", encoding="utf-8") as site:
        site.write("review_below: 0\n")
    return project


def extract_then_check(project: Project) -> list[str]:
    summary = machine_layer.extract_project(project)
    assert summary.problems == []
    facts, problems = read_content(project)
    assert facts.held == {}     # review_below: 0 holds nothing back, so every fact was checked
    return [problem.format(project.root) for problem in problems]


@bounded
@given(articles)
@example(["European Council President António Costa said Europe would act.\n"
          "African Union chair Moussa Faki and Chadian President Mahamat Déby met in N'Djamena."])
@example(["Starmer said the UK would send troops.\n", "Prime Minister Keir Starmer of Britain spoke.\n"])
def test_whatever_extract_writes_passes_check(shared_model, texts):
    with tempfile.TemporaryDirectory() as folder:
        project = fresh_project(Path(folder) / "story")
        for index, text in enumerate(texts):
            (project.seeds_dir / f"article-{index}.txt").write_text(text, encoding="utf-8")
        assert extract_then_check(project) == []


def test_the_whole_corpus_extracted_at_once_passes_check(shared_model, tmp_path):
    assert len(CORPUS_ARTICLES) >= 50     # dev, heldout and every story of the real corpus
    project = fresh_project(tmp_path / "corpus")
    for path in CORPUS_ARTICLES:
        target = project.seeds_dir / path.name
        assert not target.exists(), f"two corpus articles are named {path.name}"
        shutil.copyfile(path, target)
    assert extract_then_check(project) == []
