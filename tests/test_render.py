"""Rendering the fact graph into Markdown pages: content, order, links, escaping, determinism."""

from __future__ import annotations

import dataclasses
import random
import re
from html.parser import HTMLParser

import jinja2.meta
import markdown
import pytest
from markupsafe import Markup

from tests.factories import HOSTILE_NAME, HOSTILE_PLEDGE, HOSTILE_QUOTE, make_facts
from generator.site.links import Linker
from generator.site.navigation import PAGES, page_nav
from generator.site.render import page_contexts, render_site
from generator.site.templates import neutralise, template_environment
from generator.site.pages import (
    amount_text, date_label, number_text,
)

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]
# What a real project might add; data must stay inert under these too.
MORE_EXTENSIONS = EXTENSIONS + ["pymdownx.superfences", "pymdownx.emoji", "pymdownx.inlinehilite",
                                "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "def_list", "footnotes"]


class Page(HTMLParser):
    """Visible text, tags and attributes of an HTML fragment, character references decoded."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text_parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    INLINE = {"a", "span", "strong", "time", "code", "b", "em", "abbr"}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.INLINE:
            self.text_parts.append(" ")  # block boundaries read as spaces, as a reader sees them

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.text_parts.append(" ")

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text_parts)).strip()

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if "id" in attrs}

    def hrefs(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.tags if tag == "a"]


def html_of(text: str, extensions=EXTENSIONS) -> Page:
    return Page(markdown.markdown(text, extensions=extensions))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(make_facts())


@pytest.fixture(scope="module")
def hostile_pages() -> dict[str, str]:
    return render_site(make_facts(hostile=True))


def test_every_page_is_rendered(pages):
    # Sara Lund is named only in passing (no quote, no event): listed, without a page of her own.
    assert list(pages) == [
        "index.md", "background.md", "who.md", "pledges.md", "timeline.md", "whats-new.md", "sources.md",
        "disagreements.md", "about.md",
        "people/ingrid-alvsen.md", "people/mads-kjaer.md",
    ]
    assert [item if isinstance(item, str) else list(item.values())[0]
            for item in page_nav(make_facts())] == [spec.path for spec in PAGES]


def test_home_page(pages):
    page = html_of(pages["index.md"])
    assert pages["index.md"].startswith("# The harbour guard coalition, explained\n")
    assert "As of 16 June 2031" in page.text
    # The answer first: the newest events, newest first, then the figures, then the rest.
    text = page.text
    assert text.index("Latest developments") < text.index("In figures") < text.index("In short")
    latest = re.findall(r'<li><time class="explainer-date" datetime="([^"]+)">', pages["index.md"])
    assert latest == ["2031-06-14", "2031-02"]  # the 2029 event is background, not news
    assert "4 countries involved (1 lead, 1 member, 1 attended, 1 likely)" in " ".join(text.split())
    assert "£1.6 billion (GBP) committed by Norway" in " ".join(text.split())
    assert "Norway says a coalition of the willing will guard the northern harbours" in page.text
    assert "The three-point plan" in page.text
    plan = re.findall(r'<li class="explainer-fact" id="plan-[^"]+" value="(\d)">([^<]+)', pages["index.md"])
    assert plan == [("1", "Patrols start in August."), ("2", "Each member pays its own costs."),
                    ("3", "The plan is reviewed after a year.")]
    assert [href for href in page.hrefs() if not href.startswith("#") and "/#" not in href][-8:] == [
        "background/", "who/", "pledges/", "timeline/", "whats-new/", "sources/", "disagreements/", "about/"]
    assert "What is a coalition of the willing?" in page.text


def test_every_fact_shows_its_citation(pages):
    text = pages["index.md"]
    # A numbered marker per article after each fact, linking to the page's one reference list.
    markers = re.findall(r'<a class="explainer-ref" href="#ref-(\d+)"', text)
    assert len(markers) == 2 + 2 + 3  # latest developments, summary statements, plan points
    references = re.findall(r'<li id="ref-(\d+)" value="\d+">', text)
    assert references == sorted(set(markers), key=int)  # one reference per article, numbered in order
    page = html_of(text)
    assert "Norway forms a harbour guard coalition after Bergen summit , Coast Herald" in " ".join(page.text.split()) \
        or "Norway forms a harbour guard coalition after Bergen summit, Coast Herald" in " ".join(page.text.split())
    assert "<blockquote class=\"explainer-passage\"><p>“patrols will start in August”</p>" in text
    timeline = pages["timeline.md"]
    assert timeline.count('class="explainer-ref"') == timeline.count('<li class="explainer-event') == 3


def test_the_same_article_cited_twice_is_one_reference(pages):
    text = pages["who.md"]
    numbers = re.findall(r'href="#ref-(\d+)"', text)
    assert len(numbers) > len(set(numbers))  # several participants rest on one article...
    assert len(re.findall(r'<li id="ref-', text)) == len(set(numbers))  # ...listed once


def test_readers_see_no_editor_machinery(pages):
    for path, text in pages.items():
        assert "explainer-badge--reviewed" not in text and ">reviewed<" not in text, path
        assert "seeds/" not in text, path  # no file paths


def test_coalition_page(pages):
    page = html_of(pages["background.md"])
    assert "A coalition of the willing is a temporary group of countries" in page.text
    assert [tag for tag, attrs in page.tags if tag == "th" and attrs.get("scope") == "col"] == ["th"] * 5
    row = pages["background.md"]
    assert '<tr id="coalition-gulf-1990"><th scope="row" data-label="Coalition">Gulf War coalition<span class="explainer-refs" data-search-exclude>' in row
    assert ('<td data-label="Year">1990</td><td data-label="Led by">United States</td>'
            '<td data-label="Mandate">United Nations</td><td data-label="Size">35 countries</td>') in row
    # Events before the story's first article are its background.
    assert "Before the story" in page.text and "Fishing dispute begins" in page.text


def test_who_page_is_one_table_with_status_date_leader_and_commitments(pages):
    text = html_of(pages["who.md"]).text
    rows = re.findall(r'<tr id="participant-([^"]+)">', pages["who.md"])
    assert rows[0] == "NO" and rows.index("DK") < rows.index("arctic-council")  # strongest status first
    assert "4 countries and 1 organisation" in text
    norway = pages["who.md"].split('<tr id="participant-NO">')[1].split("</tr>")[0]
    assert 'datetime="2031-06-15"' in norway  # the date the status was reported
    assert '<a href="../people/ingrid-alvsen/">Ingrid Alvsen</a>' in norway  # its leader
    assert "Funding for patrols over five years" in norway  # what it committed
    assert '<td data-label="Country">Arctic Council</td>' in pages["who.md"]  # org id mapped to its name
    assert "<th scope=\"row\" data-label=\"Name\">Sara Lund</th>" in pages["who.md"]  # listed, no page


def test_person_page(pages):
    text = pages["people/mads-kjaer.md"]
    assert text.startswith("# Mads Kjær\n")
    page = html_of(text)
    assert "Role Foreign Minister" in page.text and "Country or organisation Denmark" in page.text
    assert "Also spelled Mads Kjaer" in page.text
    assert "“ready to sail within weeks”" in page.text
    assert "15 June 2031, in" in " ".join(page.text.split())  # a quote's date
    assert "../../timeline/#bergen-summit" in page.hrefs()
    assert "../../who/" in page.hrefs()


def test_pledges_page(pages):
    text = html_of(pages["pledges.md"]).text
    assert "Amount £1.6 billion (GBP)" in text
    assert "Quantity 12 patrol boats" in text and "Condition if the storm season allows" in text
    assert "Target year 2032" in text
    assert text.index("Denmark") < text.index("Norway")


def test_timeline_is_in_date_order_with_precision(pages):
    text = pages["timeline.md"]
    # The story's own events first, by month; the background before it last.
    assert re.findall(r'<li class="explainer-event[^"]*" id="([^"]+)"', text) == [
        "february-storm", "bergen-summit", "fishing-dispute"]
    assert re.findall(r'<li class="explainer-event[^>]+><time[^>]+datetime="([^"]+)">([^<]+)</time>', text) == [
        ("2031-02", "February 2031"), ("2031-06-14", "14 June 2031"), ("2029", "approx. 2029")]
    assert re.findall(r'<p class="explainer-month">([^<]+)</p>', text) == ["February 2031", "June 2031", "During 2029"]
    assert "explainer-event--day" in text and "explainer-event--approximate" in text
    assert "read as 14 June 2031" in html_of(text).text
    assert {"fishing-dispute", "february-storm", "bergen-summit"} <= html_of(text).ids()
    filters = [attrs["data-filters"] for tag, attrs in html_of(text).tags if "data-filters" in attrs]
    assert filters == ["", "DK NO ingrid-alvsen mads-kjaer", ""]  # people and their countries, to filter by


def test_sources_page(pages):
    page = html_of(pages["sources.md"])
    text = page.text
    assert "Coast Herald · 15 June 2031 · by Ana Berg, Tomas Vik" in text
    assert "outlet not stated" not in text and " 16 June 2031" in text
    assert "Sea Notes · undated" in text
    assert "Supports 1 fact" in text and "Supports 8 facts" in text
    assert {"../data/facts.json", "../data/facts.schema.json"} <= set(page.hrefs())
    assert {"source-herald", "source-wire", "source-blog"} <= page.ids()


def test_disagreements_page(pages):
    text = " ".join(html_of(pages["disagreements.md"]).text.split())
    assert "How many leaders attended the Bergen summit" in text
    assert "12 Norway forms a harbour guard coalition after Bergen summit (Coast Herald, 15 June 2031) “Twelve leaders attended the Bergen summit”" in text
    assert "14 Nordic leaders split on patrol size (16 June 2031) “Fourteen leaders attended the Bergen summit”" in text


@pytest.mark.parametrize("date, approximate, label", [
    ("1999", False, "1999"), ("2022-02", False, "February 2022"), ("2025-03-02", False, "2 March 2025"),
    ("2003", True, "approx. 2003"),
])
def test_date_label_keeps_precision(date, approximate, label):
    assert date_label(date, approximate).text == label


@pytest.mark.parametrize("value, currency, text", [
    (1.6e9, "GBP", "£1.6 billion (GBP)"), (2e9, "USD", "$2 billion (USD)"), (350_000, "EUR", "€350,000 (EUR)"),
    (5e6, "NOK", "5 million (NOK)"),
])
def test_amount_text(value, currency, text):
    assert amount_text(value, currency) == text


def test_number_text():
    assert number_text(5000) == "5,000" and number_text(2.5) == "2.5" and number_text(1.25e12) == "1.25 trillion"


@pytest.mark.parametrize("page, target, anchor, directory_urls, href", [
    ("index.md", "who.md", None, True, "who/"),
    ("index.md", "index.md", "plan-x", True, "#plan-x"),
    ("who.md", "index.md", None, True, "../"),
    ("people/a.md", "timeline.md", "e1", True, "../../timeline/#e1"),
    ("people/a.md", "data/facts.json", None, True, "../../data/facts.json"),
    ("people/a.md", "timeline.md", "e1", False, "../timeline.html#e1"),
    ("who.md", "people/a.md", None, False, "people/a.html"),
    ("sources.md", "index.md", None, False, "index.html"),
])
def test_linker(page, target, anchor, directory_urls, href):
    assert Linker(page, directory_urls)(target, anchor) == href


def test_plain_html_urls():
    pages = render_site(make_facts(), directory_urls=False)
    assert '<a href="people/ingrid-alvsen.html">' in pages["who.md"]
    assert 'href="../sources.html#source-herald"' in pages["people/ingrid-alvsen.md"]


def test_same_facts_give_identical_pages():
    facts = make_facts(hostile=True)
    shuffled = facts.model_copy(deep=True)
    rng = random.Random(7)
    for name in ("sources", "people", "participants", "events", "pledges", "quotes", "plan", "coalitions", "conflicts"):
        rng.shuffle(getattr(shuffled, name))
    assert render_site(facts) == render_site(facts) == render_site(shuffled)


@pytest.mark.parametrize("extensions", [EXTENSIONS, MORE_EXTENSIONS], ids=["test-config", "more-extensions"])
def test_text_from_facts_is_never_markup(hostile_pages, extensions):
    for path, text in hostile_pages.items():
        page = html_of(text, extensions)
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"script", "img", "em", "mark", "del", "sup", "b"}, path
        assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs), path
        assert not any(href.startswith("javascript") for href in page.hrefs()), path
        assert "49" not in page.text, path
    people = html_of(hostile_pages["people/hostile.md"]).text
    assert HOSTILE_NAME in people and HOSTILE_QUOTE in people and HOSTILE_PLEDGE in people
    assert HOSTILE_NAME in html_of(hostile_pages["timeline.md"]).text
    assert HOSTILE_PLEDGE in html_of(hostile_pages["pledges.md"]).text
    heading = markdown.markdown(hostile_pages["people/hostile.md"].splitlines()[0])
    assert Page(heading).tags == [("h1", {})] and Page(heading).text == HOSTILE_NAME


def test_neutralise_keeps_trusted_markup_and_flattens_whitespace():
    assert neutralise(Markup("<b>")) == "<b>"
    assert neutralise("a\n\nb  *c*") == "a b &#42;c&#42;"
    assert neutralise(3) == 3


@pytest.mark.parametrize("path", ["index.md", "background.md", "who.md", "pledges.md", "timeline.md",
                                  "sources.md", "disagreements.md", "about.md", "people/ingrid-alvsen.md"])
def test_templates_use_exactly_their_context(path):
    """Each page template reads only `page`, and every field of its context dataclass."""
    template_name, context = page_contexts(make_facts())[path]
    environment = template_environment()
    source = environment.loader.get_source(environment, template_name)[0]
    assert jinja2.meta.find_undeclared_variables(environment.parse(source)) == {"page"}
    used = set(re.findall(r"\bpage\.(\w+)", source))
    assert used == {field.name for field in dataclasses.fields(context)}
    assert 7 <= len(source.splitlines()) <= 80
