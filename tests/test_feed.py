"""The Atom feed of the story's events (generator/site/feed.py): what RFC 4287 requires of it,
its entries in order with their anchors on the timeline, hostile text kept inert, the same
bytes on every build, and a feed that is still valid without site_url.

Built sites are read with the standard library's XML parser; RFC 4287's requirements are
checked one by one, as no feed validator is among the project's pinned packages.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from generator.model.records import Event, Evidence
from generator.site import web
from generator.site.feed import FEED_ENTRIES, atom_feed, clean, timestamp
from tests.factories import HOSTILE_NAME, HOSTILE_QUOTE, make_facts, make_story, write_project, build_site

ATOM = "{http://www.w3.org/2005/Atom}"
STORY_URL = "https://harbour.example.org/"
# RFC 3339's date-time, as Atom's date constructs use it.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# The story's events on the timeline, newest first; the fishing dispute of around 2029 comes
# before the story's first article (2031) and is background, not news.
STORY_EVENTS = ["hostile-event", "bergen-summit", "february-storm"]


@pytest.fixture(scope="module")
def story_project(tmp_path_factory) -> Path:
    return write_project(make_story(hostile=True), tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="module")
def story_site(story_project, tmp_path_factory) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build_site(story_project, tmp_path_factory.mktemp("site"), site_url=STORY_URL)


def parse(text: str | bytes) -> ElementTree.Element:
    return ElementTree.fromstring(text)


def entries(feed: ElementTree.Element) -> list[ElementTree.Element]:
    return feed.findall(f"{ATOM}entry")


def links(element: ElementTree.Element) -> dict[str, str]:
    return {link.get("rel", "alternate"): link.get("href") for link in element.findall(f"{ATOM}link")}


def site(**fields) -> web.Site:
    values = {"name": "Harbour guard explainer", "description": "Who guards the harbours.", "url": STORY_URL,
              "language": "en", "updated": None, "corrections": None, **fields}
    return web.Site(**values)


def assert_rfc4287(feed: ElementTree.Element) -> None:
    """The requirements of RFC 4287 (sections 4.1.1 to 4.2) that a feed of this shape can break."""
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert len(feed.findall(f"{ATOM}subtitle")) <= 1
    feed_authors = feed.findall(f"{ATOM}author")
    ids = [feed.findtext(f"{ATOM}id")]
    for item in entries(feed):
        for name in ("id", "title", "updated"):
            assert len(item.findall(f"{ATOM}{name}")) == 1, name
        for name in ("published", "summary", "content"):
            assert len(item.findall(f"{ATOM}{name}")) <= 1, name
        # 4.1.2: every entry has an author, its own or the feed's.
        assert feed_authors or item.findall(f"{ATOM}author")
        # 4.1.2: without content, an alternate link.
        assert item.find(f"{ATOM}content") is not None or "alternate" in links(item)
        ids.append(item.findtext(f"{ATOM}id"))
        for name in ("updated", "published"):
            if item.find(f"{ATOM}{name}") is not None:
                assert RFC3339.match(item.findtext(f"{ATOM}{name}")), item.findtext(f"{ATOM}{name}")
    for author in feed_authors:
        assert len(author.findall(f"{ATOM}name")) == 1 and author.findtext(f"{ATOM}name").strip()
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    # 4.2.6: ids are absolute IRIs, and no two entries share one.
    assert all(urlsplit(value).scheme for value in ids), ids
    assert len(set(ids)) == len(ids)
    for element in (feed, *entries(feed)):
        for link in element.findall(f"{ATOM}link"):
            assert link.get("href"), "4.2.7.1: every link has an href"
        alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(f"{ATOM}link")
                      if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == len(set(alternates)), "4.1.1: one alternate link per type and language"
    for text in feed.iter():
        if text.tag in {f"{ATOM}{name}" for name in ("title", "subtitle", "summary", "content")}:
            assert text.get("type", "text") in {"text", "html", "xhtml"}


class Ids(HTMLParser):
    """The id attributes of an HTML page."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.feed_links: list[str] = []
        self.head_feed_links: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("type") == "application/atom+xml":
            self.feed_links.append(attributes["href"])
        if tag == "link" and attributes.get("rel") == "alternate" and attributes.get("type") == "application/atom+xml":
            self.head_feed_links.append(attributes["href"])


class Markup(HTMLParser):
    """The tags and the text of an entry's HTML content."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


# -- the built site's feed ---------------------------------------------------------------------


def test_the_feed_has_what_atom_requires(story_site):
    feed = ElementTree.parse(story_site / web.FEED_XML).getroot()
    assert_rfc4287(feed)
    assert feed.findtext(f"{ATOM}title") == "Harbour guard explainer"
    assert feed.findtext(f"{ATOM}subtitle") == make_facts().site.description
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Harbour guard explainer"
    assert links(feed) == {"self": STORY_URL + "feed.xml", "alternate": STORY_URL}
    assert feed.find(f"{ATOM}link[@rel='self']").get("type") == "application/atom+xml"
    # The newest article's date, not the build's.
    assert feed.findtext(f"{ATOM}updated") == "2031-06-16T00:00:00Z"


def test_a_feed_library_reads_what_a_reader_subscribes_to(story_site):
    """feedparser, the feed library feed readers are built on: no error in the feed, Atom 1.0,
    and every entry with its title, address, dates and the passage as the reader sees them."""
    read = feedparser.parse((story_site / web.FEED_XML).read_bytes())
    assert not read.bozo, read.get("bozo_exception")
    assert read.version == "atom10"
    assert (read.feed.title, read.feed.link) == ("Harbour guard explainer", STORY_URL)
    assert read.feed.updated_parsed[:3] == (2031, 6, 16)
    assert [entry.title for entry in read.entries] == [HOSTILE_NAME, "Bergen summit", "Storm damages harbours"]
    assert [entry.link for entry in read.entries] == [f"{STORY_URL}timeline/#{event}" for event in STORY_EVENTS]
    assert [entry.published_parsed[:3] for entry in read.entries] == [(2031, 6, 15), (2031, 6, 14), (2031, 2, 1)]
    assert len({entry.id for entry in read.entries}) == 3 and all(entry.id.startswith("urn:uuid:")
                                                                  for entry in read.entries)
    summit = read.entries[1]
    assert summit.summary == "Leaders agree to guard the northern harbours."
    [content] = summit.content
    assert content.type == "text/html"
    assert "Twelve leaders attended the Bergen summit on 14 June 2031" in content.value
    # feedparser sanitises HTML as readers do; the hostile entry had nothing to remove.
    hostile = read.entries[0]
    assert "<script" not in hostile.content[0].value and HOSTILE_QUOTE in hostile.summary


def test_entries_are_the_storys_events_newest_first_linked_to_their_anchors(story_site):
    feed = ElementTree.parse(story_site / web.FEED_XML).getroot()
    timeline = Ids((story_site / "timeline" / "index.html").read_text(encoding="utf-8")).ids
    hrefs = [links(item)["alternate"] for item in entries(feed)]
    assert hrefs == [f"{STORY_URL}timeline/#{event_id}" for event_id in STORY_EVENTS]
    assert {href.split("#")[1] for href in hrefs} <= timeline and "fishing-dispute" in timeline
    assert [item.findtext(f"{ATOM}title") for item in entries(feed)] == [
        HOSTILE_NAME, "Bergen summit", "Storm damages harbours"]
    updated = [item.findtext(f"{ATOM}updated") for item in entries(feed)]
    assert updated == ["2031-06-15T00:00:00Z", "2031-06-14T00:00:00Z", "2031-02-01T00:00:00Z"]
    assert [item.findtext(f"{ATOM}published") for item in entries(feed)] == updated


def test_an_entry_quotes_its_evidence_with_the_article_it_comes_from(story_site):
    feed = ElementTree.parse(story_site / web.FEED_XML).getroot()
    summit = entries(feed)[1]
    assert summit.findtext(f"{ATOM}summary") == "Leaders agree to guard the northern harbours."
    content = summit.find(f"{ATOM}content")
    assert content.get("type") == "html"
    body = Markup(content.text)
    text = "".join(body.text)
    assert "Twelve leaders attended the Bergen summit on 14 June 2031" in text
    assert "Norway forms a harbour guard coalition after Bergen summit, Coast Herald, 15 June 2031." in text
    assert "14 June 2031" in text and "read as 14 June 2031" in text  # the date and how it was read
    assert ("href", f"{STORY_URL}timeline/#bergen-summit") in body.attributes


def test_hostile_titles_and_quotes_reach_the_reader_as_text(story_site):
    raw = (story_site / web.FEED_XML).read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw
    hostile = entries(parse(raw))[0]
    assert hostile.findtext(f"{ATOM}title") == HOSTILE_NAME
    assert hostile.findtext(f"{ATOM}summary") == HOSTILE_QUOTE
    # The HTML a reader gets once it unescapes the content: the quote is text, not markup.
    body = Markup(hostile.find(f"{ATOM}content").text)
    assert body.tags <= {"div", "p", "blockquote", "cite", "a"}
    assert HOSTILE_QUOTE in "".join(body.text)
    assert all(name == "href" and not value.startswith("javascript:") for name, value in body.attributes)


def test_two_builds_give_the_same_bytes(story_project, story_site, tmp_path):
    again = build_site(story_project, tmp_path / "site", site_url=STORY_URL)
    assert (again / web.FEED_XML).read_bytes() == (story_site / web.FEED_XML).read_bytes()


def test_every_page_links_the_feed_at_its_foot(story_site):
    for page in ("index.html", "timeline/index.html", "people/ingrid-alvsen/index.html"):
        found = Ids((story_site / page).read_text(encoding="utf-8")).feed_links
        page_address = urljoin(STORY_URL, page)
        assert [urljoin(page_address, href) for href in found] == [STORY_URL + web.FEED_XML], page


def test_every_page_announces_the_feed_in_its_head(story_site):
    pages = sorted(story_site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        found = Ids(page.read_text(encoding="utf-8")).head_feed_links
        page_address = urljoin(STORY_URL, page.relative_to(story_site).as_posix())
        assert [urljoin(page_address, href) for href in found] == [STORY_URL + web.FEED_XML], page


def test_without_a_site_url_links_are_relative_to_the_feed_and_ids_stay_absolute(story_project, tmp_path):
    site_dir = build_site(story_project, tmp_path / "site")
    feed = ElementTree.parse(site_dir / web.FEED_XML).getroot()
    assert_rfc4287(feed)
    assert links(feed) == {"self": "feed.xml", "alternate": "./"}
    # Wherever the site is served, the links resolve against the feed's own address.
    served = "https://mirror.example.net/story/feed.xml"
    assert [urljoin(served, links(item)["alternate"]) for item in entries(feed)] == [
        f"https://mirror.example.net/story/timeline/#{event_id}" for event_id in STORY_EVENTS]
    assert all(item.findtext(f"{ATOM}id").startswith("urn:uuid:") for item in entries(feed))


def test_a_projects_own_feed_wins(tmp_path):
    project = write_project(make_story(), tmp_path / "project")
    own = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n'
    (project / "docs" / web.FEED_XML).write_text(own, encoding="utf-8")
    site_dir = build_site(project, tmp_path / "site")
    assert (site_dir / web.FEED_XML).read_text(encoding="utf-8") == own


def test_the_author_is_site_author(story_project, tmp_path):
    site_dir = build_site(story_project, tmp_path / "site", site_author="Ana Berg & Tomas Vik")
    feed = ElementTree.parse(site_dir / web.FEED_XML).getroot()
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Ana Berg & Tomas Vik"


# -- feed.py on its own ------------------------------------------------------------------------


@pytest.mark.parametrize(("date", "expected"), [
    ("2031", "2031-01-01T00:00:00Z"), ("2031-06", "2031-06-01T00:00:00Z"), ("2031-06-14", "2031-06-14T00:00:00Z"),
])
def test_a_date_of_any_precision_is_a_timestamp_of_its_first_moment(date, expected):
    assert timestamp(date) == expected


def test_characters_xml_forbids_are_dropped_and_markup_stays_text():
    facts = make_facts()
    title = "Tom & \"Jerry\" ]]> <![CDATA[ x ]]> \x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800 end\ttab"
    quote = "We said </content><script>alert(1)</script> ]]>"
    facts.events.append(Event(id="hostile-controls", date="2031-06-15", title=title, summary=quote,
                              evidence=[Evidence(source="herald", quote=quote)]))
    text = atom_feed(facts, site(name="Harbour \x07guard <b>"))
    text.encode("utf-8")  # no lone surrogate is left to fail on
    feed = parse(text)
    assert_rfc4287(feed)
    assert feed.findtext(f"{ATOM}title") == "Harbour guard <b>"
    item = next(item for item in entries(feed) if item.findtext(f"{ATOM}title").startswith("Tom"))
    assert item.findtext(f"{ATOM}title") == 'Tom & "Jerry" ]]> <![CDATA[ x ]]>  end\ttab'
    assert item.findtext(f"{ATOM}summary") == quote
    body = Markup(item.find(f"{ATOM}content").text)
    assert "script" not in body.tags and quote in "".join(body.text)


def test_clean_keeps_every_character_xml_allows():
    allowed = "\t\n\r plain, accents (Orbán), \u2028, emoji \U0001f30a, \ud7ff\ue000\ufffd"
    assert clean(allowed) == allowed


def test_the_newest_events_are_kept_up_to_the_cap():
    facts = make_facts()
    facts.events += [Event(id=f"patrol-{day:02d}-{month}", date=f"2031-{month:02d}-{day:02d}", title=f"Patrol {month}/{day}",
                           evidence=[Evidence(source="herald", quote="Norway will pay £1.6 billion")])
                     for month in (7, 8) for day in range(1, 31)]
    feed = parse(atom_feed(facts, site()))
    updated = [item.findtext(f"{ATOM}updated") for item in entries(feed)]
    assert len(updated) == FEED_ENTRIES
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2031-08-30T00:00:00Z" and updated[-1] == "2031-07-11T00:00:00Z"
    # The feed is as new as its newest entry, even one dated after the newest article.
    assert feed.findtext(f"{ATOM}updated") == "2031-08-30T00:00:00Z"


def test_an_articles_address_links_its_headline():
    facts = make_facts()
    facts.sources[0] = facts.sources[0].model_copy(update={"url": "https://herald.example/bergen?a=1&b=2"})
    feed = parse(atom_feed(facts, site(), directory_urls=False))
    summit = next(item for item in entries(feed) if item.findtext(f"{ATOM}title") == "Bergen summit")
    assert links(summit)["alternate"] == STORY_URL + "timeline.html#bergen-summit"
    body = Markup(summit.find(f"{ATOM}content").text)
    assert ("href", "https://herald.example/bergen?a=1&b=2") in body.attributes
    assert "cite" in body.tags


def test_ids_are_the_same_for_the_same_site_and_differ_between_sites():
    facts = make_facts()
    first, again = parse(atom_feed(facts, site())), parse(atom_feed(make_facts(), site(description="Changed.")))
    other = parse(atom_feed(facts, site(url="https://other.example.org/")))
    ids = [element.text for element in first.iter(f"{ATOM}id")]
    assert ids == [element.text for element in again.iter(f"{ATOM}id")]
    assert not set(ids) & {element.text for element in other.iter(f"{ATOM}id")}


def test_a_story_without_dates_still_gives_a_valid_feed():
    facts = make_facts()
    facts.sources = [source.model_copy(update={"published": None}) for source in facts.sources]
    facts.events = []
    feed = parse(atom_feed(facts, site(url=None, description="")))
    assert_rfc4287(feed)
    assert entries(feed) == [] and feed.find(f"{ATOM}subtitle") is None
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
