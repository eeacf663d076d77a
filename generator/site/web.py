"""The site on the web: what each page tells link previews, crawlers and search, and the files
the site serves beside its pages.

Plain values in, plain values out: the plugin reads them off MkDocs (`site_url`, page titles,
the search index Material writes) and hands them to `theme/overrides/main.html`, which only
prints them. Every text here is plain (not HTML); the template escapes it once.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.model.facts import Facts
from generator.site.pages import DateLabel, date_label
from generator.site.navigation import FACTS_JSON, page_blurb, site_pages

SCHEMA_ORG = "https://schema.org"
ROBOTS_TXT = "robots.txt"
SITEMAP = "sitemap.xml"
# The Atom feed of the story's events (generator/site/feed.py), linked from every page.
FEED_XML = "feed.xml"
# Issue trackers of the forges whose address is not the repository's own plus "/issues".
ISSUE_PATHS = {"gitlab.com": "/-/issues"}
# Letters that Unicode does not decompose into a base letter and an accent, written as a
# reader without them on the keyboard would type them. The search worker
# (theme/overrides/assets/javascripts/workers/explainer-search.js) folds queries with this
# same table, which the search index carries.
PLAIN_LETTERS = {
    "æ": "ae", "ð": "d", "đ": "d", "ħ": "h", "ı": "i", "ĳ": "ij", "ł": "l", "ŀ": "l", "ø": "o",
    "œ": "oe", "ß": "ss", "þ": "th", "ŧ": "t",
}
# Search fields whose accent-free words the index gets as fields of their own.
FOLDED_FIELDS = ("title", "text")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Site:
    """What the whole site says about itself, from mkdocs.yml and the facts."""

    name: str                    # site_name, plain text
    description: str             # plain text; may be empty
    url: str | None              # site_url, ending in "/", or None when mkdocs.yml sets none
    language: str                # the theme's language, e.g. "en"
    # The line under every page: how current the facts are, and where to report an error.
    updated: DateLabel | None    # the newest article's publication date
    corrections: str | None      # the repository's issue tracker, or None without repo_url
    # The newest article's date given to the day (YYYY-MM-DD): sitemap.xml's <lastmod> needs a
    # day, and one is never made up for an article dated only by month or year.
    modified: str | None = None
    author: str = ""             # site_author, plain text; may be empty
    feed: str = FEED_XML         # the Atom feed's path from the site's root


@dataclass(frozen=True)
class Head:
    """A page's link-preview and structured-data metadata."""

    title: str                   # the page's own title; the site's name on the home page
    description: str
    url: str | None              # the page's absolute address, known only with site_url
    type: str                    # Open Graph type: "website" for the home page, else "article"
    site_name: str
    json_ld: Markup              # schema.org data, already safe inside <script>


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@functools.lru_cache(maxsize=4)    # the same stylesheet, on every page of a build
def inline_stylesheet(css: str) -> str:
    """The theme's stylesheet as every page inlines it: without its comments (which say why,
    for maintainers) and indentation, so that each page's first response stays small. No
    string in the stylesheet holds a comment mark, so removing comments changes no rule."""
    lines = (line.strip() for line in _CSS_COMMENT.sub("", css).splitlines())
    return "\n".join(line for line in lines if line)


def site_info(facts: Facts, *, name: str, description: str | None, url: str | None, language: str,
              repo_url: str | None, author: str | None = None) -> Site:
    # Without a site_description, the home page's own (content/editorial/site.yaml).
    return Site(name=name, description=description or facts.site.description, url=site_address(url),
                language=language, updated=date_label(newest_date(facts)), corrections=issue_tracker(repo_url),
                modified=newest_date(facts, days_only=True), author=author or "")


def site_address(url: str | None) -> str | None:
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def newest_date(facts: Facts, days_only: bool = False) -> str | None:
    """The newest publication date among the articles, at the precision it is given (only
    those given to the day with `days_only`): the facts are as current as their newest source,
    and the same articles give the same date on every build (the build date would not)."""
    dates = [source.published for source in facts.sources
             if source.published and (not days_only or len(source.published) == len("YYYY-MM-DD"))]
    # YYYY, YYYY-MM and YYYY-MM-DD sort as strings; a day sorts after its own month.
    return max(dates, default=None)


def issue_tracker(repo_url: str | None) -> str | None:
    """The issue tracker of the repository at `repo_url`, where readers report errors."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return repo_url.rstrip("/") + ISSUE_PATHS.get(parts.netloc.lower(), "/issues")


def page_descriptions(facts: Facts, site: Site) -> dict[str, str]:
    """Generated page path → the one-sentence description its previews show."""
    descriptions = {"index.md": site.description} if site.description else {}
    for spec in site_pages(facts):
        blurb = page_blurb(facts, spec)
        if spec.key != "home" and blurb:
            descriptions[spec.path] = f"{blurb[:1].upper()}{blurb[1:]}."
    for person in facts.people:
        said = f"{person.name}, {person.role}" if person.role else person.name
        descriptions[f"people/{person.id}.md"] = f"{said}: what the sources say, with their quotes and events."
    return descriptions


def page_head(site: Site, *, title: str, description: str, url: str | None, is_home: bool) -> Head:
    """The head metadata of a page; `url` is its absolute address (MkDocs' canonical URL)."""
    title = site.name if is_home or not title else title
    description = description or site.description
    graph = [web_page(site, title=title, description=description, url=url)]
    if is_home:
        graph.append(dataset(site, description=description))
    return Head(title=title, description=description, url=url, type="website" if is_home else "article",
                site_name=site.name, json_ld=script_json({"@context": SCHEMA_ORG, "@graph": graph}))


def web_page(site: Site, *, title: str, description: str, url: str | None) -> dict[str, Any]:
    page: dict[str, Any] = {"@type": "WebPage", "name": title}
    if description:
        page["description"] = description
    if url:
        page["url"] = url
    page["inLanguage"] = site.language
    if site.updated:
        page["dateModified"] = str(site.updated.iso)
    website: dict[str, Any] = {"@type": "WebSite", "name": site.name}
    if site.url:
        website["url"] = site.url
    page["isPartOf"] = website
    return page


def dataset(site: Site, *, description: str) -> dict[str, Any]:
    """The open data behind the site, as a schema.org Dataset one can download."""
    download: dict[str, Any] = {
        "@type": "DataDownload", "encodingFormat": "application/json",
        "contentUrl": (site.url or "") + FACTS_JSON,
    }
    data: dict[str, Any] = {
        "@type": "Dataset",
        "name": f"The facts behind {site.name}",
        "description": (f"Every fact on the site {site.name}, each with the news article and the words of it "
                        f"that it rests on. {description}").strip(),
        "inLanguage": site.language,
        "isAccessibleForFree": True,
        "distribution": [download],
    }
    if site.url:
        data["url"] = site.url
    if site.updated:
        data["dateModified"] = str(site.updated.iso)
    return data


def script_json(data: Any) -> Markup:
    """JSON to print inside <script>: no character of it can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character in "<>&\u2028\u2029":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return Markup(text)


def robots_txt(site: Site) -> str:
    """Every crawler may read everything; the sitemap's address when the site knows its own."""
    lines = ["User-agent: *", "Disallow:"]
    if site.url:
        lines.append(f"Sitemap: {site.url}{SITEMAP}")
    return "\n".join(lines) + "\n"


# -- words apart in the page's text ---------------------------------------------------------

# Adjacent cells, terms and descriptions, and a definition list opening inside a line. A browser
# lays them out apart, but their text runs together for whatever reads the page as text:
# Material's search index ("RolePresident"), reader modes, a copy of a table row. Every match
# starts at a "<", so the regex engine skips straight from one "<" to the next (a pattern that
# opened with the look-behind would be tried at every character of every page: 40x slower).
_GLUED_BLOCKS = re.compile(r"<(?:(/(?:td|th|dt|dd)>)(?=<(?:td|th|dt|dd)\b)|(?<=[^\s>]<)(?=dl\b))")


def words_apart(html_text: str) -> str:
    """The page's HTML with a space where two blocks' text would otherwise run together; the
    space changes no layout (it falls between table cells, or between blocks)."""
    return _GLUED_BLOCKS.sub(_space_apart, html_text)


def _space_apart(match: re.Match[str]) -> str:
    closing_tag = match.group(1)
    return f"<{closing_tag} " if closing_tag else " <"


# -- search that ignores accents -----------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, accents dropped: 'Orbán' → 'orban', 'Kjær' → 'kjaer'."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(PLAIN_LETTERS.get(character, character) for character in decomposed
                   if not unicodedata.category(character).startswith("M"))


def folded_words(text: str) -> str:
    """The words of an index entry (HTML) that read differently without accents, folded."""
    words: dict[str, None] = {}
    for word in html.unescape(_TAG.sub(" ", text)).split():
        if not word.isascii():  # folding changes no plain ASCII word but for its case
            folded = _accent_free(word)
            if folded is not None:
                words[folded] = None
    return " ".join(words)


@functools.lru_cache(maxsize=1 << 16)
def _accent_free(word: str) -> str | None:
    """The word folded, or None when that only lowers its case; a site repeats its names on
    many pages, so each word is folded once."""
    folded = fold(word)
    return None if folded == word.lower() else folded


def fold_search_index(index: dict[str, Any]) -> dict[str, Any]:
    """Material's search index, with each entry's accented words also indexed without accents.

    The folded words are fields of their own, boosted like the field they come from, so a
    reader typing 'Orban' finds 'Orbán' while results still show the text as written; the
    worker folds every query the same way (so 'Orbán' finds 'Orban' too), with the letters
    table the index carries as `config.fold`.
    """
    config = dict(index["config"])
    fields = dict(config.get("fields") or {})
    for name in FOLDED_FIELDS:
        fields[f"folded_{name}"] = dict(fields.get(name) or {"boost": 1.0})
    config["fields"] = fields
    config["fold"] = PLAIN_LETTERS
    docs = []
    for entry in index["docs"]:
        entry = dict(entry)
        for name in FOLDED_FIELDS:
            words = folded_words(entry.get(name) or "")
            if words:
                entry[f"folded_{name}"] = words
        docs.append(entry)
    return {**index, "config": config, "docs": docs}


def fold_search_index_json(text: str) -> str:
    # Written as compactly as Material writes it.
    return json.dumps(fold_search_index(json.loads(text)), separators=(",", ":"))
