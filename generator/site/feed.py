"""The site's Atom feed (RFC 4287): the story's dated events and what else changed ("What's
new": statuses, roles, figures, new facts), newest first, so that readers can follow the story in
a feed reader.

The entries are the timeline's own events, without the background before the story (the
timeline's "Before the story"), each linked to its anchor on the timeline (the page of the timeline
that holds it, when a long timeline is in parts) and carrying the
passages of the articles it rests on. The feed is written with an XML writer, never by joining
strings, and every text is first cleared of the characters XML 1.0 forbids, so no title or quote
can make it ill-formed or inject markup. Nothing in it depends on the build: the same facts and
settings give the same bytes.
"""

from __future__ import annotations

import re
import uuid
from xml.etree import ElementTree

from generator.model.facts import Facts
from generator.model.records import Event, Source
from generator.site.developments import Change, story_changes
from generator.site.pages import date_label
from generator.site.links import page_url
from generator.site.page_builder import PageBuilder
from generator.site.web import Site

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Enough for a reader catching up after weeks away, and the file's size depends on these newest
# events only, however many the story has.
FEED_ENTRIES = 50
# Entry and feed ids are name-based UUIDs (RFC 4122, version 5) in this namespace, as URNs. An
# id must be an absolute IRI that never changes, and a tag: URI would need a domain the publisher
# holds and the date it held it, which a project without site_url does not know. Never change
# this value: every reader would see every entry as new.
ID_NAMESPACE = uuid.UUID("6dbe48fe-e953-4b4e-889c-34d785e011a9")
# Atom requires the feed's `updated`; a story with no dated fact at all has no date to give it,
# and a fixed one keeps builds repeatable.
NO_DATE = "1970-01-01T00:00:00Z"


def atom_feed(facts: Facts, site: Site, *, directory_urls: bool = True) -> str:
    """The feed document of the site, as text with its XML declaration: the story's events and
    the other changes of "What's new" (statuses, roles, figures and new facts), newest first."""
    builder = PageBuilder(facts, directory_urls)
    story = [event for event in builder.events if not builder.before_the_story(event)]
    # An event is an entry of its own; the other changes join them, each on the day it was reported.
    changes = [change for change in story_changes(builder) if change.kind != "events"]
    dated = [(event.date, 1, index, event) for index, event in enumerate(story)]
    dated += [(change.date, 0, -index, change) for index, change in enumerate(changes)]
    # The timeline's order (date, then title) and the page's, newest first.
    entries = [item for *_, item in sorted(dated, key=lambda d: d[:3], reverse=True)[:FEED_ENTRIES]]
    base = site.url or ""  # without site_url every link is relative to the feed, at the site's root
    identity = site.url or site.name
    sources = {source.id: source for source in facts.sources}
    newest = [timestamp(entries[0].date)] if entries else []
    newest += [timestamp(source.published) for source in facts.sources if source.published]

    feed = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: clean(site.language)})
    add(feed, "id", entity_id(identity))
    add(feed, "title", site.name)
    if site.description:
        add(feed, "subtitle", site.description)
    add(feed, "updated", max(newest, default=NO_DATE))
    add(add(feed, "author"), "name", site.author or site.name)
    link(feed, "self", base + site.feed, "application/atom+xml")
    # The home page: the site's address, or "./" (an empty reference would name the feed itself).
    link(feed, "alternate", base + page_url("index.md", directory_urls) or "./", "text/html")
    for item in entries:
        if isinstance(item, Change):
            href = f"{base}{page_url(item.shown.page, directory_urls)}" + (f"#{item.shown.anchor}" if item.shown.anchor else "")
            feed.append(change_entry(item, identity=identity, href=href, sources=sources))
            continue
        href = f"{base}{page_url(builder.event_page(item.id), directory_urls)}#{item.id}"
        feed.append(entry(item, identity=identity, href=href, sources=sources))
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def entry(event: Event, *, identity: str, href: str, sources: dict[str, Source]) -> ElementTree.Element:
    item = ElementTree.Element("entry")
    add(item, "id", entity_id(identity, event.id))
    add(item, "title", event.title)
    when = timestamp(event.date)
    add(item, "published", when)
    add(item, "updated", when)
    link(item, "alternate", href, "text/html")
    if event.summary:
        add(item, "summary", event.summary)
    # HTML given as text: readers unescape it once and get markup whose every value is escaped.
    add(item, "content", ElementTree.tostring(event_html(event, href, sources), encoding="unicode", method="html"),
        type="html")
    return item


def change_entry(change: Change, *, identity: str, href: str, sources: dict[str, Source]) -> ElementTree.Element:
    """A change of "What's new": a new fact, a status or role that changed, a figure that moved."""
    item = ElementTree.Element("entry")
    add(item, "id", entity_id(identity, f"{change.what}/{change.kind}/{change.fact_id}/{change.date}"))
    add(item, "title", change.text)
    when = timestamp(change.date)
    add(item, "published", when)
    add(item, "updated", when)
    link(item, "alternate", href, "text/html")
    body = ElementTree.Element("div")
    add(body, "p", f"Reported {date_label(change.date).text}.")
    for evidence in change.evidence:
        add(add(body, "blockquote"), "p", evidence.quote)
        body.append(credit(sources.get(evidence.source), evidence.source))
    add(add(body, "p"), "a", "See it on the site", href=href)
    add(item, "content", ElementTree.tostring(body, encoding="unicode", method="html"), type="html")
    return item


def event_html(event: Event, href: str, sources: dict[str, Source]) -> ElementTree.Element:
    """The entry's body: the date as the sources give it, the event's summary, and each passage
    quoted with the article it comes from (outlet, date, headline, and its address if known)."""
    body = ElementTree.Element("div")
    add(body, "p", date_label(event.date, event.approximate).text)  # an event always has a date
    if event.date_note:
        add(body, "p", f"Date: {event.date_note}")
    if event.summary:
        add(body, "p", event.summary)
    for evidence in event.evidence:
        add(add(body, "blockquote"), "p", evidence.quote)
        body.append(credit(sources.get(evidence.source), evidence.source))
    add(add(body, "p"), "a", "See it on the timeline", href=href)
    return body


def credit(source: Source | None, source_id: str) -> ElementTree.Element:
    """'From <cite>headline</cite>, outlet, date.', the headline linked to the article's address."""
    line = ElementTree.Element("p")
    line.text = "From "
    title = source.title if source is not None else source_id
    headline = add(line, "cite")
    if source is not None and source.url:
        add(headline, "a", title, href=source.url)
    else:
        headline.text = clean(title)
    published = date_label(source.published) if source is not None else None
    details = [source.outlet if source is not None else None, published.text if published else None]
    headline.tail = clean("".join(f", {detail}" for detail in details if detail) + ".")
    return line


def timestamp(date: str) -> str:
    """An RFC 3339 timestamp for a date of the facts, which may be only a year or a month: the
    first moment of the period it names, midnight UTC ("2025" is 2025-01-01T00:00:00Z, "2025-03"
    is 2025-03-01T00:00:00Z). Atom needs a full timestamp; the entry's text keeps the precision."""
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def entity_id(identity: str, event_id: str | None = None) -> str:
    """The feed's id (the site's), or an event's: the same site and event always give the same."""
    name = identity if event_id is None else f"{identity}#{event_id}"
    return uuid.uuid5(ID_NAMESPACE, name).urn


# The characters XML 1.0 does not allow: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
# Written as the few it excludes: the class of all it allows takes milliseconds to compile.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """The text without the characters XML 1.0 does not allow, which no parser would read."""
    return _NOT_IN_XML.sub("", text)


def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, {key: clean(value) for key, value in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def link(parent: ElementTree.Element, relation: str, href: str, media_type: str) -> None:
    add(parent, "link", rel=relation, type=media_type, href=href)
