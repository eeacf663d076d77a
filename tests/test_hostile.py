"""Hostile and odd input: text from articles and YAML is data, never markup, and articles of
any shape are read, extracted, or refused with a position.

The site half builds a story whose quote, person, event, pledge and site prose all carry
script, event attributes, Markdown and Jinja syntax, and reads every page in Chromium
(test_browser.py covers the factories' hostile person page). The article half runs odd files
through the real reader, extractor and command line.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.files.articles import MAX_ARTICLE_CHARACTERS, read_article
from generator.cli import main
from generator.model.evidence import SourceTexts
from generator.model.kinds.pledges import Pledge
from generator.model.records import Event, Evidence, Person, Quote, Statement
from generator.model.ids import slugify
from tests.conftest import in_chromium, serve_directory
from tests.factories import build_site, make_story, write_project

HOSTILE = ('# heading <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
           "[x](javascript:alert(1)) **bold** |table| {{ 7*7 }} {% raw %} {%- endraw %}")
# Block-level Markdown over several lines, as YAML prose can hold it.
HOSTILE_BLOCK = f"{HOSTILE}\n\n| a | b |\n| --- | --- |\n| c | d |\n\n# heading two\n\n<script>window.__pwned = 3</script>"


def words(text: str) -> str:
    return " ".join(text.split())


# -- the site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    story = make_story()
    story.texts["herald"] += f"\n{HOSTILE}\n"
    facts, evidence = story.facts, [Evidence(source="herald", quote=HOSTILE)]
    facts.people.append(Person(id="hostile-person", name=HOSTILE, country="NO", evidence=evidence))
    facts.quotes.append(Quote(id="hostile-said", speaker="hostile-person", source="herald", text=HOSTILE))
    facts.events.append(Event(id="hostile-happening", date="2031-06-15", title=HOSTILE, summary=HOSTILE_BLOCK,
                              people=["hostile-person"], evidence=evidence))
    facts.pledges.append(Pledge(id="hostile-promise", actor="NO", summary=HOSTILE, evidence=evidence))
    facts.site = facts.site.model_copy(update={
        "title": HOSTILE, "description": HOSTILE_BLOCK, "background_title": HOSTILE,
        "summary": [Statement(text=HOSTILE_BLOCK, evidence=evidence), *facts.site.summary],
        "definition": [Statement(text=HOSTILE_BLOCK, evidence=evidence)],
    })
    project = write_project(story, tmp_path_factory.mktemp("hostile"))
    with serve_directory(build_site(project, tmp_path_factory.mktemp("site"))) as url:
        yield url


@in_chromium
@pytest.mark.parametrize(("path", "shown"), [
    ("", [HOSTILE, HOSTILE_BLOCK]),               # site title, description and summary
    ("background/", [HOSTILE, HOSTILE_BLOCK]),    # background title and definition
    ("who/", [HOSTILE]),                          # a person's name
    ("people/hostile-person/", [HOSTILE]),        # name and quote
    ("timeline/", [HOSTILE, HOSTILE_BLOCK]),      # event title and summary
    ("pledges/", [HOSTILE]),                      # pledge summary
    ("sources/", []),
])
def test_hostile_text_shows_literally_and_never_runs(page, base_url, path, shown):
    page.goto(base_url + path)
    content = page.locator("article")
    text = words(content.inner_text())
    for value in shown:
        assert words(value) in text
    assert "49" not in text  # {{ 7*7 }} was never evaluated
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert content.locator("script, img, [onerror]").count() == 0
    assert content.locator("strong, em").filter(has_text=re.compile(r"^\s*bold\s*$")).count() == 0
    assert content.locator("th, td").filter(has_text=re.compile(r"^\s*[abcd]\s*$")).count() == 0
    assert [heading for heading in content.locator("h1, h2, h3").all_inner_texts()
            if words(heading).strip("¶ ") in ("heading", "heading two")] == []
    assert page.evaluate("[...document.querySelectorAll('a')].filter(a => /^\\s*javascript:/i.test("
                         "a.getAttribute('href') || '')).length") == 0


# -- articles ------------------------------------------------------------------------------

STATEMENT = ('French President Emmanuel Macron said on 2 March 2025 that "we will stand together with '
             'Ukraine for as long as it takes," before the summit.')
ODD_ARTICLES = {
    "one-line.txt": "French Defence Minister Sébastien Lecornu met Lithuanian President Gitanas Nausėda "
                    "in Vilnius on 3 March 2025.".encode(),
    "plain.txt": b"Talks continue\n\nThe talks went on for a long time and nobody said anything new.\n",
    "newline.txt": f"Leaders meet in Paris\n\n{STATEMENT}\n".encode(),
    "crlf.txt": f"Leaders meet in Paris\r\n\r\n{STATEMENT}\r\n".encode(),
    "bom.txt": f"\ufeffLeaders meet in Paris\n\n{STATEMENT}\n".encode(),
    "scripts.txt": ("Leaders meet in Kyiv\n\nUkrainian President Володимир Зеленський met Prime Minister "
                    "Денис Шмигаль in Kyiv on 3 March 2025.\n\nGreek Prime Minister Κυριάκος Μητσοτάκης and "
                    "Saudi Crown Prince محمد بن سلمان sent messages of support.\n").encode(),
}


def explainer(project: Path, *arguments: str):
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def odd_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("odd") / "odd"
    assert explainer(project.parent, "new", str(project)).exit_code == 0
    for name, data in ODD_ARTICLES.items():
        (project / "seeds" / name).write_bytes(data)
    result = explainer(project, "extract")
    assert result.exit_code == 0, result.output
    return project


def test_line_endings_and_byte_order_mark_do_not_change_the_text(odd_project):
    articles = [read_article(odd_project / "seeds" / name)[0] for name in ("newline.txt", "crlf.txt", "bom.txt")]
    assert {(article.text, article.digest, article.title) for article in articles} == {
        (articles[0].text, articles[0].digest, "Leaders meet in Paris")}


def test_odd_articles_extract_check_and_build(odd_project):
    from generator.content.reader import load_facts

    facts = load_facts(odd_project)
    assert {source.id for source in facts.sources} == {name[:-4] for name in ODD_ARTICLES}
    assert {person.id: person.name for person in facts.people} == {
        "sebastien-lecornu": "Sébastien Lecornu", "gitanas-nauseda": "Gitanas Nausėda",
        "emmanuel-macron": "Emmanuel Macron", "volodymyr-zelenskyy": "Володимир Зеленський",
        "denys-shmyhal": "Денис Шмигаль", "kyriakos-mitsotakis": "Κυριάκος Μητσοτάκης",
    }
    # The same text three times over (LF, CRLF, BOM) is one quote.
    assert [quote.text for quote in facts.quotes] == ["we will stand together with Ukraine for as long as it takes"]
    assert "plain" not in {evidence.source for fact in facts.all_facts() for evidence in fact.evidence}
    texts = SourceTexts({source.id: read_article(odd_project / source.file)[0].text for source in facts.sources})
    for fact in facts.all_facts():
        assert all(texts.is_verbatim(item.source, item.quote) for item in fact.evidence), fact.id

    assert explainer(odd_project, "check").exit_code == 0
    assert explainer(odd_project, "build").exit_code == 0
    html = (odd_project / "site" / "people" / "volodymyr-zelenskyy" / "index.html").read_text(encoding="utf-8")
    assert "Володимир Зеленський" in html


def test_names_in_any_script_get_distinct_ids():
    names = ["محمد بن سلمان", "عبد الله الثاني", "习近平", "Володимир Зеленський", "Κυριάκος Μητσοτάκης"]
    ids = [slugify(name) for name in names]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert ids[3:] == ["volodymyr-zelenskyy", "kyriakos-mitsotakis"]


def test_unreadable_articles_are_refused_with_positions(odd_project):
    seeds, extracted = odd_project / "seeds", odd_project / "content" / "extracted"
    before = snapshot(extracted)
    paragraph = "Leaders met again today to talk about the patrols and the ships.\n"
    huge = paragraph * (5_000_000 // len(paragraph))
    (seeds / "huge.txt").write_text(huge, encoding="utf-8")
    (seeds / "latin1.txt").write_bytes("Leaders meet\n\nFrançois Bayrou spoke.\n".encode("latin-1"))
    (seeds / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    try:
        started = time.perf_counter()
        result = explainer(odd_project, "extract")
        seconds = time.perf_counter() - started
        lines, column = divmod(MAX_ARTICLE_CHARACTERS, len(paragraph))
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            "seeds/blank.txt:1:1: article is empty; add its text or remove the file",
            f"seeds/huge.txt:{lines + 1}:{column + 1}: article is too long ({len(huge):,} characters; the limit is "
            f"{MAX_ARTICLE_CHARACTERS:,}, passed here); split it into several articles",
            "seeds/latin1.txt:3:5: article is not UTF-8 (byte 0xe7); re-save it as UTF-8",
            "3 problems found.",
            "content/extracted/ was left as it was.",
        ]
        assert seconds < 5, f"a 5 MB article took {seconds:.1f}s to refuse"
        assert snapshot(extracted) == before
        checked = explainer(odd_project, "check")
        assert checked.exit_code == 1 and checked.stderr.splitlines()[:3] == result.stderr.splitlines()[:3]
    finally:
        for name in ("huge.txt", "latin1.txt", "blank.txt"):
            (seeds / name).unlink()


def test_file_names_must_make_source_ids(tmp_path):
    shutil.copytree(Path(__file__).parent / "fixtures" / "harbour", tmp_path / "harbour")
    (tmp_path / "harbour" / "seeds" / "Harbour news (copy).txt").write_text("Talks went on.\n", encoding="utf-8")
    result = explainer(tmp_path / "harbour", "extract")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "seeds/Harbour news (copy).txt:1:1: 'Harbour news (copy).txt' cannot be a source id; rename the file "
        "using letters, digits, '-', '_' and '.' (say 'harbour-news-copy.txt')")
    assert not (tmp_path / "harbour" / "content" / "extracted").exists()
