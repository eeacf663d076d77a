"""Real `mkdocs build --strict` runs of a small project written from the test story."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import Abort

from generator.content.reader import load_facts
from generator.site.export import facts_document, facts_schema
from generator.site.html_blocks import MarkdownBlocks, SetAside
from generator.site.web import inline_stylesheet
from tests.factories import HOSTILE_NAME, build_site, make_story, write_project

NAV = ["Home", "What is a coalition of the willing?", "Who is involved", "Pledges", "Timeline", "Sources",
       "Where sources disagree", "About"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return write_project(make_story(hostile=True), tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    return build_site(project, tmp_path_factory.mktemp("site"))


class Anchors(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def broken_links(site: Path) -> list[str]:
    """Every internal link of every page must reach a file, and its #anchor an element there."""
    pages = {path: Anchors(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}
    not_found = site / "404.html"  # served at any depth, so MkDocs links it from the site root
    broken = []
    for page, parsed in pages.items():
        if page == not_found:
            continue
        for href in parsed.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path))
            target = Path(posixpath.normpath(str(target)))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in pages[target].ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_content_loads_back_as_the_story(project):
    assert facts_document(load_facts(project)) == facts_document(make_story(hostile=True).facts)


def test_build_writes_every_page_and_data_file(site):
    for path in ["index.html", "background/index.html", "who/index.html", "pledges/index.html",
                 "timeline/index.html", "sources/index.html", "disagreements/index.html", "about/index.html",
                 "people/ingrid-alvsen/index.html", "people/hostile/index.html", "assets/explainer.css"]:
        assert (site / path).is_file(), path
    document = json.loads((site / "data/facts.json").read_text(encoding="utf-8"))
    assert document == facts_document(make_story(hostile=True).facts)
    assert json.loads((site / "data/facts.schema.json").read_text(encoding="utf-8")) == facts_schema()


def test_every_internal_link_resolves(site):
    assert broken_links(site) == []


def test_navigation_order_and_people_off_the_top_nav(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    primary = html[html.index('md-nav--primary'):]
    titles = [re.sub(r"\s+", " ", t).strip() for t in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', primary, re.S)]
    listed = [t for t in titles if t in NAV]
    assert [t for i, t in enumerate(listed) if t not in listed[:i]] == NAV
    assert "Ingrid Alvsen" not in primary
    assert 'href="people/ingrid-alvsen/"' in (site / "who/index.html").read_text(encoding="utf-8").replace("../", "")


def test_theme_overrides_are_used(site):
    html = (site / "people/hostile/index.html").read_text(encoding="utf-8")
    stylesheet = (site / "assets/explainer.css").read_text(encoding="utf-8")
    assert f"<style>{inline_stylesheet(stylesheet)}</style>" in html and '<html lang="en"' in html
    assert "/*" not in inline_stylesheet(stylesheet) and len(inline_stylesheet(stylesheet)) < len(stylesheet)
    # Material's scripts deferred: the page paints before the bundle's start-up runs.
    scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
    assert any("bundle." in script for script in scripts) and all(" defer " in script for script in scripts)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "&lt;img src=x onerror=alert(1)&gt;" in title
    # The name as text: escaped in HTML, and in the JSON-LD with < and > as \u escapes.
    assert "onerror=" not in html.replace("onerror&#61;", "").replace("&lt;img src=x onerror=alert(1)&gt;", "") \
        .replace("\\u003cimg src=x onerror=alert(1)\\u003e", "")
    assert HOSTILE_NAME not in html  # never raw, anywhere


def test_plain_html_urls_build_with_working_links(project, tmp_path):
    site = build_site(project, tmp_path / "site", use_directory_urls=False)
    assert (site / "people/ingrid-alvsen.html").is_file()
    assert broken_links(site) == []


def test_editor_written_page_replaces_the_generated_one(tmp_path):
    project = write_project(make_story(), tmp_path / "project")
    (project / "docs" / "about.md").write_text("# About us\n\nWritten by the desk.\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    assert "Written by the desk." in (site / "about/index.html").read_text(encoding="utf-8")


def test_bad_content_stops_the_build_with_every_problem(tmp_path, caplog):
    project = write_project(make_story(), tmp_path / "project")
    events = project / "content/extracted/events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("Fishing dispute began", "X")
                      .replace('"2031-02"', '"2031-13"').replace("The fishing dispute that began", "A dispute"),
                      encoding="utf-8")
    with pytest.raises(Abort):  # MkDocs reports the PluginError's message, then aborts
        build_site(project, tmp_path / "site")
    report = caplog.text
    assert re.search(r"content/extracted/events\.yaml:\d+:\d+: .*2031-13", report)
    assert re.search(r"content/extracted/events\.yaml:\d+:\d+: quote is not verbatim", report)
    assert not (tmp_path / "site").exists()


def test_builds_are_byte_identical(project, tmp_path):
    first, second = build_site(project, tmp_path / "one"), build_site(project, tmp_path / "two")
    for path in first.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".css"} and path.name != "sitemap.xml":
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_strict_build_fails_on_a_broken_editor_link(tmp_path):
    project = write_project(make_story(), tmp_path / "project")
    (project / "docs" / "extra.md").write_text("# Extra\n\n[gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")


def test_pages_are_the_same_as_without_setting_their_html_aside(project, site, tmp_path, monkeypatch):
    monkeypatch.setattr(MarkdownBlocks, "set_aside", lambda self, text: SetAside(text, text))
    whole = build_site(project, tmp_path / "whole")
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(whole) for path in whole.rglob("*.html"))
    for page in pages:
        assert (site / page).read_bytes() == (whole / page).read_bytes(), page


def test_links_to_a_generated_page_s_anchors_are_checked(tmp_path, caplog):
    """The anchors of generated pages are known to MkDocs, though their HTML is set aside while
    Markdown converts them: a link to one passes a strict build that checks anchors, and a
    link to an anchor no page has fails it."""
    project = write_project(make_story(), tmp_path / "project")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as settings:
        settings.write("validation:\n  anchors: warn\n")
    extra = project / "docs" / "extra.md"
    extra.write_text("# Extra\n\n[The summit](timeline.md#bergen-summit)\n", encoding="utf-8")
    build_site(project, tmp_path / "site")
    extra.write_text("# Extra\n\n[The summit](timeline.md#no-such-summit)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "again")
    assert "does not contain an anchor '#no-such-summit'" in caplog.text


def test_content_error_becomes_a_plugin_error(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    project = write_project(make_story(), tmp_path / "project")
    (project / "content/extracted/people.yaml").write_text("people: [{id: x}]\n", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"content/extracted/people\.yaml:1:\d+: missing required field 'name'"):
        config.plugins.on_config(config)


def test_builds_with_the_scaffold_config(tmp_path):
    """The configuration `explainer new` gives (search, toc permalinks, palettes) builds strictly too."""
    from importlib.resources import files

    project = write_project(make_story(hostile=True), tmp_path / "project")
    scaffold = (files("generator") / "scaffold" / "mkdocs.yml").read_text(encoding="utf-8")
    config = scaffold.replace("{{ title }}", "Harbour guard explainer").replace("{{ kinds }}", "[pledges, plan, coalitions]")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "content" / "pages").mkdir()
    site = build_site(project, tmp_path / "site")
    assert broken_links(site) == []
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<img" not in index and "<script" not in index  # search results show it as HTML
    assert HOSTILE_NAME not in (site / "people/hostile/index.html").read_text(encoding="utf-8")


def test_facts_handed_to_one_build_are_not_those_of_the_next_in_the_same_process(project, tmp_path):
    """MkDocs keeps one plugin instance for the process once it has `on_startup`: the facts
    `explainer build` hands it for one project must not reach the next configuration loaded."""
    from generator.plugin import build_project

    other = tmp_path / "other"
    story = make_story()
    story.facts.site.title = "Another explainer"
    write_project(story, other)
    build_project(other / "mkdocs.yml", tmp_path / "other-site", load_facts(other))
    site = build_site(project, tmp_path / "site")
    assert "Another explainer" not in (site / "index.html").read_text(encoding="utf-8")
    assert HOSTILE_NAME.split()[0] in (site / "data" / "facts.json").read_text(encoding="utf-8")
