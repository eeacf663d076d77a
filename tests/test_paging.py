"""Pages that stay light at scale: a long timeline split into parts, the sources page's lists
on pages of their own, and a search index without the passages every page repeats.

The long story is the harbour story of tests/factories.py with a few hundred more events: a
busy year (split by month, after its events dated only by the year), a quiet one, and
background before the story. Small stories keep one timeline page (tests/test_golden.py holds
their pages byte for byte).
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2.meta
import pytest

from generator.model.records import Event
from generator.site import sources_pages
from generator.site.page_builder import PageBuilder
from generator.site.pages import PersonPage, SourceFactsPage, TimelineIndexPage, TimelinePage, TimelinePartPage
from generator.site.render import page_contexts
from generator.site.templates import template_environment
from generator.site.timeline_parts import EVENTS_PER_PAGE
from tests.conftest import in_chromium, serve_directory
from tests.factories import Story, build_site, make_facts, make_story, write_project

BUSY_YEAR = 2031       # the year of the story's articles: more events than one page holds
MONTHS_OF_BUSY_YEAR = 12


def long_story() -> Story:
    story = make_story()
    facts = story.facts
    evidence = {event.id: event.evidence for event in facts.events}
    people = (["ingrid-alvsen"], ["mads-kjaer"], ["ingrid-alvsen", "mads-kjaer"])
    extra = []

    def add(date: str, number: int, background: bool = False) -> None:
        extra.append(Event(
            id=f"patrol-{date}-{number:03d}", date=date, title=f"Patrol {number} reports on the harbours",
            # Each month of the busy year has events of one person, of the other, and of both.
            people=[] if background else people[number // MONTHS_OF_BUSY_YEAR % len(people)],
            evidence=evidence["fishing-dispute" if background else "bergen-summit"]))

    for number in range(EVENTS_PER_PAGE + 30):
        month = number % MONTHS_OF_BUSY_YEAR + 1
        add(f"{BUSY_YEAR}-{month:02d}-{number % 28 + 1:02d}", number)
    for number in range(2):
        add(str(BUSY_YEAR), number)
    for number in range(40):
        add(f"{BUSY_YEAR + 1}-{number % 12 + 1:02d}", number)
    for number in range(20):
        add(f"{2010 + number % 5}", number, background=True)
    return Story(facts=facts.model_copy(update={"events": [*facts.events, *extra]}), texts=story.texts)


@pytest.fixture(scope="module")
def contexts() -> dict[str, tuple[str, object]]:
    return page_contexts(long_story().facts)


def test_a_small_story_keeps_one_timeline_page_and_one_sources_page():
    contexts = page_contexts(make_facts())
    assert isinstance(contexts["timeline.md"][1], TimelinePage)
    assert not [path for path in contexts if path.startswith(("timeline/", "sources/"))]
    assert all(context.full_search for _, context in contexts.values() if isinstance(context, PersonPage))


def test_a_long_timeline_is_split_by_year_and_a_busy_year_by_month(contexts):
    template, index = contexts["timeline.md"]
    assert template == "timeline_index.md.j2" and isinstance(index, TimelineIndexPage)
    parts = [path for path in contexts if path.startswith("timeline/")]
    months = [f"timeline/{BUSY_YEAR}-{month:02d}.md" for month in range(1, MONTHS_OF_BUSY_YEAR + 1)]
    # Date order: the background, the busy year's events dated only by the year, its months, the quiet year.
    assert parts == ["timeline/before-the-story.md", f"timeline/{BUSY_YEAR}.md", *months, f"timeline/{BUSY_YEAR + 1}.md"]
    titles = [contexts[path][1].title for path in parts]
    assert titles[:3] == ["Timeline: Before the story", f"Timeline: During {BUSY_YEAR}", f"Timeline: January {BUSY_YEAR}"]
    assert all(len(part.events) <= EVENTS_PER_PAGE for part in PageBuilder(long_story().facts).timeline_parts)
    # The first page: the latest developments, then each year with its count and its pages.
    assert [item.title for item in index.latest][:1] == ["Patrol 35 reports on the harbours"]
    busy, quiet = index.years
    assert (busy.year, busy.href, len(busy.parts)) == (str(BUSY_YEAR), None, MONTHS_OF_BUSY_YEAR + 1)
    assert busy.count_text == f"{EVENTS_PER_PAGE + 30 + 2 + 2} events"  # with the bergen summit and the storm
    assert (quiet.href, quiet.parts, quiet.count_text) == (f"{BUSY_YEAR + 1}/", [], "40 events")
    assert [(link.text, link.note) for link in index.earlier] == [("Before the story", "21 events")]


def test_each_part_filters_only_its_own_people_and_says_what_it_is(contexts):
    background = contexts["timeline/before-the-story.md"][1]
    assert background.filters == [] and "background" in background.note
    june = contexts[f"timeline/{BUSY_YEAR}-06.md"][1]
    assert {option.value for option in june.filters} == {"ingrid-alvsen", "mads-kjaer", "NO", "DK"}
    assert june.note == ""


def test_every_link_to_an_event_points_at_the_part_that_holds_it(contexts):
    held = {event.anchor: path for path, (_, context) in contexts.items() if isinstance(context, TimelinePartPage)
            for year in context.years for month in year.months for event in month.events}
    assert len(held) == len(long_story().facts.events)
    alvsen = contexts["people/ingrid-alvsen.md"][1]
    assert not alvsen.full_search
    for link in alvsen.events:
        path, anchor = link.href.split("#")
        assert posixpath.normpath(posixpath.join("people/ingrid-alvsen", path)) == held[anchor].removesuffix(".md")
    home = contexts["index.md"][1]
    assert home.latest[0].href == f"timeline/{BUSY_YEAR + 1}/#patrol-{BUSY_YEAR + 1}-12-035"


def test_many_cited_facts_move_each_articles_list_to_a_page_of_its_own(monkeypatch):
    monkeypatch.setattr(sources_pages, "FACT_LINKS_PER_PAGE", 5)
    contexts = page_contexts(make_facts())
    sources = contexts["sources.md"][1]
    own = {path: context for path, (_, context) in contexts.items() if path.startswith("sources/")}
    assert sorted(own) == ["sources/blog.md", "sources/herald.md", "sources/wire.md"]
    for item in sources.sources:
        assert item.facts == [] and item.facts_href == f"{item.anchor.removeprefix('source-')}/"
        page = own[f"sources/{item.anchor.removeprefix('source-')}.md"]
        assert isinstance(page, SourceFactsPage) and page.source.facts and page.source.facts_href is None
        assert page.back.href == f"../#{item.anchor}"
    # The same facts, linked from one folder further down.
    herald = own["sources/herald.md"].source.facts
    assert any(link.href == "../../people/ingrid-alvsen/#quote-alvsen-unguarded" for link in herald)


@pytest.mark.parametrize("path", ["timeline.md", f"timeline/{BUSY_YEAR}-06.md", "sources/herald.md"])
def test_templates_use_exactly_their_context(path, monkeypatch):
    monkeypatch.setattr(sources_pages, "FACT_LINKS_PER_PAGE", 5)
    template_name, context = page_contexts(long_story().facts)[path]
    environment = template_environment()
    source = environment.loader.get_source(environment, template_name)[0]
    assert jinja2.meta.find_undeclared_variables(environment.parse(source)) == {"page"}
    assert set(re.findall(r"\bpage\.(\w+)", source)) == {field.name for field in dataclasses.fields(context)}
    assert 7 <= len(source.splitlines()) <= 80


# -- the built site -----------------------------------------------------------------------------


class Html(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = write_project(long_story(), tmp_path_factory.mktemp("long") / "project")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n"),
                        encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        # More cited facts than one sources page lists: each article's list on a page of its own.
        patch.setattr(sources_pages, "FACT_LINKS_PER_PAGE", 50)
        return build_site(project)


def pages_of(site: Path) -> dict[str, Html]:
    return {page.relative_to(site).as_posix(): Html(page.read_text(encoding="utf-8"))
            for page in site.rglob("index.html")}


def resolve(page: str, href: str) -> tuple[str, str]:
    """The page (its index.html, from the site's root) and the fragment a relative href names."""
    parts = urlsplit(href)
    folder = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else folder
    target = "" if target == "." else target
    return (f"{target}/index.html" if target else "index.html"), parts.fragment


def test_the_parts_link_to_each_other_in_date_order(site):
    pages = pages_of(site)
    index = "timeline/index.html"
    targets = [resolve(index, href) for href, _ in pages[index].links]
    parts = list(dict.fromkeys(page for page, fragment in targets
                               if page.startswith("timeline/") and page != index and not fragment))
    assert parts[0] == f"timeline/{BUSY_YEAR}/index.html" and "timeline/before-the-story/index.html" in parts
    chain = ["timeline/before-the-story/index.html", f"timeline/{BUSY_YEAR}/index.html",
             *[f"timeline/{BUSY_YEAR}-{month:02d}/index.html" for month in range(1, 13)],
             f"timeline/{BUSY_YEAR + 1}/index.html"]
    assert sorted(parts) == sorted(chain)
    for number, part in enumerate(chain):
        links = {attrs.get("rel"): resolve(part, href)[0] for href, attrs in pages[part].links if attrs.get("rel")}
        assert links.get("prev") == (chain[number - 1] if number else None)
        assert links.get("next") == (chain[number + 1] if number + 1 < len(chain) else None)


def test_every_link_to_an_anchor_resolves_and_each_event_is_on_one_part(site):
    pages = pages_of(site)
    checked = 0
    for page, html in pages.items():
        for href, _ in html.links:
            if urlsplit(href).scheme or href.startswith("/") or "#" not in href:
                continue
            target, fragment = resolve(page, href)
            assert target in pages, f"{page}: {href}"
            assert fragment in pages[target].ids, f"{page}: {href}"
            checked += 1
    assert checked > 1000
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    for href in re.findall(r'<link href="([^"]+#[^"]+)"', feed):
        target, fragment = resolve("index.html", href)
        assert fragment in pages[target].ids, href
    events = [event.id for event in long_story().facts.events]
    holders = {event: [page for page in pages if page.startswith("timeline/") and event in pages[page].ids]
               for event in events}
    assert all(len(found) == 1 and found[0] != "timeline/index.html" for found in holders.values())


def test_search_indexes_the_events_not_the_passages_every_page_repeats(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert not [entry for entry in index["docs"] if entry["title"] == "References"
                and entry["location"].startswith(("timeline/", "people/"))]
    assert not [entry for entry in index["docs"] if entry["title"] == "In the timeline"]
    text = " ".join(entry["text"] for entry in index["docs"] if entry["location"].startswith(f"timeline/{BUSY_YEAR}-06/"))
    assert "Patrol 5 reports on the harbours" in text and "Show events with" not in text
    assert any(location.startswith("people/ingrid-alvsen/") for location in locations)
    # The articles' own pages of what they support are left out; their entries are on the sources page.
    assert (site / "sources" / "herald" / "index.html").is_file()
    assert not [location for location in locations if location.startswith("sources/") and location != "sources/"]


@in_chromium
def test_the_filter_works_within_a_part(page, site):
    with serve_directory(site) as base_url:
        page.goto(f"{base_url}timeline/{BUSY_YEAR}-06/")
        events = page.locator("li.explainer-event")
        total = events.count()
        page.get_by_label("Show events with").select_option(label="Mads Kjær")
        shown = page.locator("li.explainer-event:visible").evaluate_all("items => items.map(item => item.id)")
        assert "bergen-summit" in shown and 1 < len(shown) < total
        assert all(id.startswith(f"patrol-{BUSY_YEAR}-06") or id == "bergen-summit" for id in shown)
        page.get_by_label("Show events with").select_option(value="")
        assert page.locator("li.explainer-event:visible").count() == total
