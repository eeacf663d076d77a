"""The site on the web (generator/site/web.py and the theme's overrides): link previews and
structured data, sitemap, robots.txt, the 404 page under a path, search that ignores accents
and finds figures, tables that never break a word, link contrast, print, and the line under
every page.

The browser tests read this repository's own site, built with a GitHub Pages address and
served the way GitHub Pages serves a project site (under /<repository>/, with 404.html for
any missing path), and a small story's site built with the configuration `explainer new` gives.
"""

from __future__ import annotations

import http.server
import json
import os
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from click.testing import CliRunner
from pyld import jsonld

from generator.cli import main
from generator.model.records import Evidence, Person, Quote
from generator.site import web
from generator.site.pages import date_label
from tests import schema_org
from tests.conftest import in_chromium, serve_directory
from tests.factories import build_site, make_facts, make_story, write_project

ROOT = Path(__file__).parent.parent
REPOSITORY = "coalition"
SITE_URL = f"https://example.github.io/{REPOSITORY}/"
STORY_URL = "https://harbour.example.org/"
STORY_REPO = "https://github.com/example/harbour"
HOSTILE_TITLE = 'Tom & "Jerry\'s" </script><script>alert(1)</script> <b>bold</b> {{ 7*7 }}'
# A word that breaks at a space, a hyphen, a dash or a slash is not broken inside.
WORD_BREAKS_JS = r"""() => {
  const broken = [];
  for (const cell of document.querySelectorAll("table.explainer-table :is(th, td)")) {
    const head = cell.closest("thead");
    if (head && head.getBoundingClientRect().width <= 1) continue;  // visually hidden on phones
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""
# WCAG 2 contrast of each link: against what is behind it, and against the text around it.
CONTRAST_JS = r"""(selector) => {
  // rgb(r, g, b) and rgba(...) in 0-255; color(srgb r g b / a), as color-mix() computes to, in 0-1.
  const parse = value => {
    const n = value.match(/[\d.]+/g).map(Number), scale = value.startsWith("color(") ? 255 : 1;
    return [n[0] * scale, n[1] * scale, n[2] * scale, n.length > 3 ? n[3] : 1];
  };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
  const behind = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = colour => {
    const [r, g, b] = colour.slice(0, 3).map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  return [...document.querySelectorAll(selector)].map(link => {
    const background = behind(link);
    const colour = over(parse(getComputedStyle(link).color), background);
    const around = over(parse(getComputedStyle(link.parentElement).color), background);
    // In running text: the block around the link has words of its own. A heading's permalink
    // and a reference marker ("[1]", bracketed) are set apart by their form.
    let block = link.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const inline = link.matches("a:not(.headerlink, .explainer-ref, sup a)")
      && block.textContent.trim() !== link.textContent.trim();
    return {text: link.textContent.trim(), inline,
            background: ratio(colour, background), around: ratio(colour, around),
            underlined: getComputedStyle(link).textDecorationLine.includes("underline")};
  });
}"""


# -- web.py ----------------------------------------------------------------------------------


def site(**fields) -> web.Site:
    values = {"name": "Harbour guard", "description": "", "url": None, "language": "en", "updated": None,
              "corrections": None, **fields}
    return web.Site(**values)


@pytest.mark.parametrize(("text", "folded"), [
    ("Orbán", "orban"), ("Kjær", "kjaer"), ("Støre", "store"), ("Łukasz Müller", "lukasz muller"),
    ("Straße", "strasse"), ("£1.6bn", "£1.6bn"), ("Costa", "costa"),
])
def test_fold_drops_accents_and_spells_out_letters(text, folded):
    assert web.fold(text) == folded


def test_folded_words_are_only_those_that_change():
    assert web.folded_words("<p>Viktor Orbán met <b>Kjær</b> and Orbán again</p>") == "orban kjaer"
    assert web.folded_words("Keir Starmer, £1.6bn") == ""


def test_the_search_index_gets_folded_fields_and_the_letters_table():
    index = {"config": {"lang": ["en"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "people/viktor-orban/", "title": "Viktor Orbán", "text": "<p>Orbán wrote.</p>"},
                      {"location": "", "title": "Home", "text": "Nothing accented."}]}
    folded = web.fold_search_index(index)
    assert folded["config"]["fields"]["folded_title"] == {"boost": 1000.0}
    assert folded["config"]["fields"]["folded_text"] == {"boost": 1.0}
    assert folded["config"]["fold"]["ø"] == "o"
    assert folded["docs"][0]["folded_title"] == "orban" and folded["docs"][0]["folded_text"] == "orban"
    assert "folded_title" not in folded["docs"][1] and "folded_text" not in folded["docs"][1]
    assert folded["docs"][0]["title"] == "Viktor Orbán"  # results still show the words as written
    assert "folded_title" not in index["config"]["fields"]  # the input is left as it was


@pytest.mark.parametrize(("html_text", "apart"), [
    ("<tr><td>Role</td><td>President</td></tr>", "<tr><td>Role</td> <td>President</td></tr>"),
    ("<th>a</th><td class=\"x\">b</td>", "<th>a</th> <td class=\"x\">b</td>"),
    ("<dl><dt>Role</dt><dd>President</dd><dt>Born</dt></dl>",
     "<dl><dt>Role</dt> <dd>President</dd> <dt>Born</dt></dl>"),
    ("Members<dl><dt>a</dt></dl>", "Members <dl><dt>a</dt></dl>"),
    ("<p>x</p><dl>", "<p>x</p><dl>"), ("x <dl>", "x <dl>"), ("<dl>", "<dl>"),
    ("</td><tdx>", "</td><tdx>"), ("a<dlx>", "a<dlx>"), ("</dd>\n<dt>", "</dd>\n<dt>"),
])
def test_adjacent_blocks_get_a_space_between_their_words(html_text, apart):
    assert web.words_apart(html_text) == apart


def test_json_for_a_script_element_cannot_end_it():
    text = web.script_json({"name": "</script><script>alert(1)</script> <!-- & \u2028"})
    assert not set(text) & set("<>&\u2028")
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> <!-- & \u2028"}


def test_robots_txt_names_the_sitemap_only_when_the_address_is_known():
    assert web.robots_txt(site()) == "User-agent: *\nDisallow:\n"
    assert web.robots_txt(site(url=SITE_URL)).splitlines()[-1] == f"Sitemap: {SITE_URL}sitemap.xml"


@pytest.mark.parametrize(("repo_url", "tracker"), [
    ("https://github.com/example/harbour", "https://github.com/example/harbour/issues"),
    ("https://github.com/example/harbour/", "https://github.com/example/harbour/issues"),
    ("https://gitlab.com/example/harbour", "https://gitlab.com/example/harbour/-/issues"),
    (None, None), ("", None), ("javascript:alert(1)", None),
])
def test_errors_are_reported_in_the_repositorys_issue_tracker(repo_url, tracker):
    assert web.issue_tracker(repo_url) == tracker


def test_the_last_update_is_the_newest_article_at_its_precision():
    facts = make_facts()
    assert web.newest_date(facts) == "2031-06-16"
    facts.sources[1] = facts.sources[1].model_copy(update={"published": "2031-07"})
    assert web.newest_date(facts) == "2031-07"
    assert web.newest_date(facts, days_only=True) == "2031-06-15"  # a day is never made up
    facts.sources = [source.model_copy(update={"published": None}) for source in facts.sources]
    assert web.newest_date(facts) is None


def test_generated_pages_are_described_by_their_own_blurb():
    facts = make_facts()
    descriptions = web.page_descriptions(facts, site())
    assert descriptions["timeline.md"] == "How the story developed, in date order."
    assert descriptions["people/mads-kjaer.md"].startswith("Mads Kjær, Foreign Minister: ")
    assert "index.md" not in descriptions  # the site has no description
    assert web.page_descriptions(facts, site(description="Who guards."))["index.md"] == "Who guards."


# The schema.org context, offline: its vocabulary, which is all that expansion here needs.
SCHEMA = "http://schema.org/"
SCHEMA_ORG_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def load_document(url, options=None):
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": SCHEMA_ORG_CONTEXT}


def flattened(json_ld: str | dict) -> list[dict]:
    document = json.loads(json_ld) if isinstance(json_ld, str) else json_ld
    return jsonld.flatten(document, None, {"documentLoader": load_document})


def expanded_nodes(json_ld: str) -> dict[str, dict]:
    """The JSON-LD as a JSON-LD processor reads it, flattened: each node by its schema.org type."""
    by_type = {}
    for node in flattened(json_ld):
        for kind in node["@type"]:
            by_type[kind.removeprefix("http://schema.org/")] = node
    return by_type


def value(node: dict, name: str):
    values = node[f"http://schema.org/{name}"]
    return values[0].get("@value", values[0])


def test_the_home_page_is_a_web_page_with_a_downloadable_dataset():
    info = site(url=STORY_URL, description="Who guards the harbours.", updated=date_label("2031-06-16"))
    head = web.page_head(info, title="ignored on the home page", description="", url=STORY_URL, is_home=True)
    assert (head.title, head.type, head.url, head.description) == ("Harbour guard", "website", STORY_URL,
                                                                   "Who guards the harbours.")
    nodes = expanded_nodes(head.json_ld)
    assert set(nodes) == {"WebPage", "Dataset", "DataDownload", "WebSite"}
    assert value(nodes["WebPage"], "name") == "Harbour guard"
    assert value(nodes["WebPage"], "url") == STORY_URL
    assert value(nodes["WebPage"], "dateModified") == "2031-06-16"
    dataset = nodes["Dataset"]
    assert value(dataset, "name") and len(value(dataset, "description")) >= 50  # what Google asks of a Dataset
    download = nodes["DataDownload"]
    assert dataset["http://schema.org/distribution"] == [{"@id": download["@id"]}]
    assert value(nodes["WebPage"], "isPartOf") == {"@id": nodes["WebSite"]["@id"]}
    assert value(download, "contentUrl") == STORY_URL + "data/facts.json"
    assert value(download, "encodingFormat") == "application/json"


def test_other_pages_are_articles_without_the_dataset():
    head = web.page_head(site(), title="Timeline", description="How it developed.", url=None, is_home=False)
    assert (head.title, head.type, head.url) == ("Timeline", "article", None)
    nodes = expanded_nodes(head.json_ld)
    assert set(nodes) == {"WebPage", "WebSite"}
    assert "http://schema.org/url" not in nodes["WebPage"]  # no address is better than a wrong one


# -- built sites, read as files ----------------------------------------------------------------


class Head(HTMLParser):
    """The <head> of a page: its meta tags, links and scripts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        elif tag == "link" and attrs.get("rel"):
            self.links[attrs["rel"]] = attrs.get("href")
        elif tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._script is not None:
            self.scripts[-1] = (self._script, self.scripts[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def json_ld(self) -> str:
        [text] = [text for attrs, text in self.scripts if attrs.get("type") == "application/ld+json"]
        return text


def searchable_story():
    """The test story with an accented name and a letter no accent folds ('Kjær' with no
    'Kjaer' alias), to search for."""
    story = make_story()
    story.texts["herald"] += ("\nHungary's Prime Minister Viktor Orbán stayed away.\n"
                              '\n"Hungary will not send ships," Orbán said.\n')
    facts = story.facts
    facts.people = [person.model_copy(update={"aliases": []}) if person.id == "mads-kjaer" else person
                    for person in facts.people]
    facts.people.append(Person(id="viktor-orban", name="Viktor Orbán", role="Prime Minister", country="HU",
                               evidence=[Evidence(source="herald", quote="Prime Minister Viktor Orbán")]))
    # A quote, so that he has a page of his own (people named only in passing have none).
    facts.quotes.append(Quote(id="orban-ships", speaker="viktor-orban", source="herald",
                              text="Hungary will not send ships"))
    return story


@pytest.fixture(scope="module")
def story_site(tmp_path_factory) -> Path:
    """The story built with the scaffold's mkdocs.yml, a site_url and a repo_url."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    project = write_project(searchable_story(), tmp_path_factory.mktemp("story"))
    scaffold = (files("generator") / "scaffold" / "mkdocs.yml").read_text(encoding="utf-8")
    config = scaffold.replace("{{ title }}", "Harbour guard explainer").replace("{{ kinds }}", "[pledges, plan, coalitions]")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "content" / "pages").mkdir()
    return build_site(project, tmp_path_factory.mktemp("site"), site_url=STORY_URL, repo_url=STORY_REPO)


def built_pages(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("index.html"))


def page_address(site_dir: Path, page: Path, base: str) -> str:
    folder = page.parent.relative_to(site_dir).as_posix()
    return base if folder == "." else f"{base}{folder}/"


def test_the_sitemap_lists_every_page_with_the_newest_articles_date(story_site):
    urlset = ElementTree.parse(story_site / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
              for url in urlset.findall("s:url", namespace)}
    pages = {page_address(story_site, page, STORY_URL) for page in built_pages(story_site)}
    assert set(listed) == pages and f"{STORY_URL}people/viktor-orban/" in pages
    assert set(listed.values()) == {"2031-06-16"}  # the newest article's date, on every build


def test_every_page_has_its_canonical_address_and_preview(story_site):
    for page in built_pages(story_site):
        head = Head(page.read_text(encoding="utf-8"))
        address = page_address(story_site, page, STORY_URL)
        assert head.links["canonical"] == address, page
        assert head.meta["og:url"] == address
        assert head.meta["og:site_name"] == "Harbour guard explainer"
        assert head.meta["og:type"] == ("website" if address == STORY_URL else "article")
        assert head.meta["og:title"] and head.meta["twitter:title"] == head.meta["og:title"]
        assert head.meta["og:description"] == head.meta["description"] == head.meta["twitter:description"]
        assert head.meta["twitter:card"] == "summary"
        assert "WebPage" in expanded_nodes(head.json_ld())
    person = Head((story_site / "people/viktor-orban/index.html").read_text(encoding="utf-8"))
    assert person.meta["og:title"] == "Viktor Orbán"
    assert person.meta["og:description"].startswith("Viktor Orbán, Prime Minister: ")
    home = Head((story_site / "index.html").read_text(encoding="utf-8"))
    download = expanded_nodes(home.json_ld())["DataDownload"]
    assert value(download, "contentUrl") == STORY_URL + "data/facts.json"
    assert (story_site / "data/facts.json").is_file()


def test_every_pages_json_ld_is_valid_schema_org(story_site):
    pages = built_pages(story_site)
    assert len(pages) > 10
    types = set()
    for page in pages:
        nodes = flattened(Head(page.read_text(encoding="utf-8")).json_ld())
        assert schema_org.problems(nodes) == [], page
        types.update(kind for node in nodes for kind in node["@type"])
    assert {SCHEMA + "WebPage", SCHEMA + "WebSite", SCHEMA + "Dataset", SCHEMA + "DataDownload"} <= types


@pytest.mark.parametrize("node, problem", [
    ({"@type": "WebPage", "contentUrl": "https://example.org/x"}, "contentUrl belongs to MediaObject"),
    ({"@type": "WebPaper", "name": "x"}, "WebPaper is not a schema.org type"),
    ({"@type": "WebPage", "nickname": "x"}, "nickname is not a schema.org property"),
    ({"@type": "Dataset", "distribution": {"@type": "WebSite", "name": "x"}}, "distribution holds a WebSite"),
    ({"@type": "WebPage", "dateModified": "last week"}, "dateModified holds 'last week'"),
    ({"@type": "Dataset", "isAccessibleForFree": "yes"}, "isAccessibleForFree holds 'yes'"),
])
def test_the_schema_org_validator_finds_what_the_vocabulary_forbids(node, problem):
    found = schema_org.problems(flattened({"@context": "https://schema.org", **node}))
    assert len(found) == 1 and problem in found[0]


def test_an_article_dated_by_month_dates_the_pages_but_not_the_sitemap(tmp_path):
    story = make_story()
    story.facts.sources[2] = story.facts.sources[2].model_copy(update={"published": "2031-07"})
    site_dir = build_site(write_project(story, tmp_path / "project"), tmp_path / "site", site_url=STORY_URL)
    assert "Last updated <time datetime=\"2031-07\">July 2031</time>" in (site_dir / "who/index.html").read_text(
        encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))) == {
        "2031-06-16"}


@pytest.mark.parametrize("config_file", [ROOT / "mkdocs.yml", Path(str(files("generator") / "scaffold" / "mkdocs.yml"))])
def test_the_publishing_workflow_gives_the_site_its_addresses(config_file, tmp_path, monkeypatch):
    """mkdocs.yml takes site_url and repo_url from the variables the Pages workflow sets for the
    build from the repository it runs in; built anywhere else without them, it has neither."""
    from mkdocs.config import load_config

    text = config_file.read_text(encoding="utf-8").replace("{{ title }}", "Story").replace("{{ kinds }}", "[]")
    variables = dict(re.findall(r"^(site_url|repo_url): !ENV (\w+)$", text, re.M))
    assert set(variables) == {"site_url", "repo_url"}
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    [step] = [step for step in workflow["jobs"]["build"]["steps"] if str(step.get("run", "")).startswith("explainer build")]
    assert step["env"] == {variables["site_url"]: "${{ steps.pages.outputs.base_url }}/",
                           variables["repo_url"]: "${{ github.server_url }}/${{ github.repository }}"}
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "content" / "pages").mkdir(parents=True)
    for name in variables.values():
        monkeypatch.delenv(name, raising=False)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert (config.site_url, config.repo_url) == (None, None)
    monkeypatch.setenv(variables["site_url"], "https://owner.github.io/story")
    monkeypatch.setenv(variables["repo_url"], "https://github.com/owner/story")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert (config.site_url, config.repo_url) == ("https://owner.github.io/story/", "https://github.com/owner/story")


def test_robots_txt_points_at_the_sitemap(story_site):
    assert (story_site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nDisallow:\nSitemap: {STORY_URL}sitemap.xml\n")


def test_a_hostile_title_from_explainer_new_stays_inside_its_attributes(tmp_path):
    project = tmp_path / "project"
    result = CliRunner().invoke(main, ["new", str(project), "--title", HOSTILE_TITLE], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('site_description: ""', "site_description: "
                                                                 + json.dumps(HOSTILE_TITLE)), encoding="utf-8")
    site_dir = build_site(project, tmp_path / "site", site_url=STORY_URL)
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    head = Head(html)
    for key in ("og:title", "og:site_name", "og:description", "twitter:title", "twitter:description", "description"):
        assert head.meta[key] == HOSTILE_TITLE, key
    assert head.meta["og:url"] == STORY_URL
    raw = head.json_ld()
    assert "<" not in raw and ">" not in raw and "&" not in raw
    graph = json.loads(raw)["@graph"]
    assert graph[0]["name"] == HOSTILE_TITLE and graph[0]["isPartOf"]["name"] == HOSTILE_TITLE
    scripts = [text for attrs, text in head.scripts if attrs.get("type") != "application/ld+json"]
    assert not [text for text in scripts if "alert(1)" in text]
    assert "<b>bold</b>" not in html and "49" not in head.meta["og:title"]


# -- built sites, read in Chromium -------------------------------------------------------------


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages for a project site: the site under /<repository>/, and its 404.html, with
    status 404, for any path that names no file."""

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / REPOSITORY / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def serve_as_project_site(root: Path):
    return serve_directory(root, PagesHandler, f"{REPOSITORY}/")


@pytest.fixture(scope="module")
def coalition_url(tmp_path_factory):
    """This repository's site, built with a GitHub Pages address and served under it."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = tmp_path_factory.mktemp("pages")
    build_site(ROOT, root / REPOSITORY, site_url=SITE_URL)
    with serve_as_project_site(root) as url:
        yield url


@pytest.fixture(scope="module")
def story_url(story_site):
    root = story_site.parent / "served"
    root.mkdir()
    (root / REPOSITORY).symlink_to(story_site, target_is_directory=True)
    with serve_as_project_site(root) as url:
        yield url


@in_chromium
@pytest.mark.parametrize("width", [1280, 320])
def test_tables_never_break_a_word_or_a_figure(browser, coalition_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 400)
    page = context.new_page()
    broken, wider = {}, {}
    for path in ("background/", "disagreements/"):
        page.goto(coalition_url + path)
        assert page.locator("table.explainer-table").count() >= 1
        broken[path] = page.evaluate(WORD_BREAKS_JS)
        scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        wider[path] = scroll[0] > scroll[1]
    context.close()
    assert broken == {"background/": [], "disagreements/": []}, f"words broken inside at {width}px"
    assert wider == {"background/": False, "disagreements/": False}, f"pages scrolling sideways at {width}px"


@in_chromium
def test_a_table_wider_than_the_page_scrolls_inside_itself(browser, coalition_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(coalition_url + "disagreements/")
    # A figure too long for any column: the table grows past the page, and only it scrolls.
    page.locator("table.explainer-table td").first.evaluate("cell => cell.textContent = '9'.repeat(400)")
    table = page.locator("table.explainer-table").first.evaluate("t => [t.scrollWidth, t.clientWidth]")
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert table[0] > table[1] and scroll[0] <= scroll[1]


@in_chromium
def test_the_404_page_works_under_the_repository_path(page, coalition_url):
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    response = page.goto(coalition_url + "no/such/page/")
    assert response.status == 404
    assert failed == [response.url]  # every stylesheet, script and image of it loads
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    assert page.locator("h1").inner_text() == "404 - Not found"
    assert page.get_attribute("meta[name=robots]", "content") == "noindex"
    assert page.locator(".md-header__button.md-logo").evaluate("link => link.href") == coalition_url
    page.locator("article").get_by_role("link", name="home page").click()
    page.wait_for_url(coalition_url)
    assert page.locator("article h1").inner_text().startswith("Coalition of the willing")


@in_chromium
def test_robots_and_sitemap_of_the_published_repository_site(page, coalition_url):
    robots = page.goto(coalition_url + "robots.txt")
    assert robots.status == 200 and f"Sitemap: {SITE_URL}sitemap.xml" in robots.text()
    sitemap = page.goto(coalition_url + "sitemap.xml").text()
    for path in ("", "background/", "people/keir-starmer/", "people/viktor-orban/"):
        assert f"<loc>{SITE_URL}{path}</loc>" in sitemap


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; the paths of the pages found, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("() => !/Type to start/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(300)  # results of the last keystroke
    assert meta.inner_text()
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [urlsplit(href).path for href in links.evaluate_all("links => links.map(link => link.href)")]


@in_chromium
def test_search_ignores_accents_and_finds_figures(page, coalition_url):
    wanted = {
        "Orbán": "people/viktor-orban/",    # the articles write "Orban"
        "Orban": "people/viktor-orban/",
        "1.6bn": "pledges/",                 # "£1.6bn (about $2bn) of UK export finance"
        "£1.6bn": "pledges/",
    }
    page.goto(coalition_url)
    found = {query: f"/{REPOSITORY}/{path}" in search(page, query) for query, path in wanted.items()}
    assert found == dict.fromkeys(wanted, True)


@in_chromium
def test_search_finds_accented_words_typed_without_accents(page, story_url):
    wanted = {
        "Orban": "people/viktor-orban/",     # the article writes "Orbán"
        "Orbán": "people/viktor-orban/",
        "Kjaer": "people/mads-kjaer/",       # "Kjær": a letter with no accent to drop
    }
    page.goto(story_url)
    first = {query: (search(page, query) or [None])[0] for query in wanted}
    assert first == {query: f"/{REPOSITORY}/{path}" for query, path in wanted.items()}


@in_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_reach_wcag_aa_contrast(browser, coalition_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    links = []
    for path in ("sources/", "about/", "", "disagreements/"):
        page.goto(coalition_url + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        found = page.evaluate(CONTRAST_JS, "article a, article summary, .explainer-colophon a")
        links += [{**link, "page": path} for link in found]
    context.close()
    assert len([link for link in links if link["text"] == "facts.json"]) == 2  # on sources/ and about/
    low = [link for link in links if link["background"] < 4.5]
    assert low == [], f"below 4.5:1 against the background in {scheme} mode: {low[:5]}"
    # Links in running text are told apart from the words around them by an underline, or
    # by 3:1 without one (citations' toggles and headings' permalinks stand on their own).
    alike = [link for link in links if link["inline"] and not link["underlined"] and link["around"] < 3]
    assert alike == [], f"links that look like the text around them in {scheme} mode: {alike[:5]}"


FOLDED_JS = """() => [...document.querySelectorAll("article details")].map(details =>
  [...details.children].filter(child => child.tagName !== "SUMMARY").every(child => child.checkVisibility()))"""


@in_chromium
def test_print_opens_every_fold_and_hides_the_controls(page, coalition_url):
    page.goto(coalition_url + "sources/")  # each article's facts, folded
    assert page.evaluate(FOLDED_JS).count(False) >= 1  # folded on screen
    page.emulate_media(media="print")
    assert page.evaluate(FOLDED_JS) == [True] * page.locator("article details").count()
    for control in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(control).first.is_visible(), control
    assert page.locator(".explainer-colophon").is_visible()  # the date the facts are as of
    page.emulate_media(media="screen")
    # Browsers without ::details-content: the script opens the folds for printing, then closes them.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details:not([open])").count() == 0
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details[open]").count() == 0


@in_chromium
def test_every_page_says_when_it_was_last_updated(page, coalition_url):
    for path in ("", "timeline/", "people/keir-starmer/", "no/such/page/"):
        page.goto(coalition_url + path)
        footer = page.locator("aside.explainer-colophon")
        assert footer.locator("time").get_attribute("datetime") == "2025-03-03", path
        assert "Last updated 3 March 2025" in footer.inner_text()


@in_chromium
def test_every_page_says_where_to_report_an_error(page, story_url):
    for path in ("", "who/", "people/viktor-orban/"):
        page.goto(story_url + path)
        footer = page.locator("aside.explainer-colophon")
        assert "Last updated 16 June 2031" in footer.inner_text()
        link = footer.get_by_role("link", name="Report it in the issue tracker")
        assert link.get_attribute("href") == f"{STORY_REPO}/issues"
