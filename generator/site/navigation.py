"""The site's top-level pages: which a project has, in navigation order, with their titles and
blurbs, and the open-data files beside them."""

from __future__ import annotations

from generator.model.facts import Facts
from generator.site.kinds import STORY_SITES
from generator.site.story_site import PageSpec

# The core pages in navigation order; a story kind's own pages follow the page it names.
CORE_PAGES: tuple[PageSpec, ...] = (
    PageSpec("index.md", "home", "Home", "", None),
    PageSpec("background.md", "background", "Background", "what the story is about, and what came before", None),
    PageSpec("who.md", "who", "Who is involved", "the countries, organisations and people involved", None),
    PageSpec("timeline.md", "timeline", "Timeline", "how the story developed, in date order", None),
    PageSpec("whats-new.md", "whats_new", "What’s new", "what changed in the story, day by day", None),
    PageSpec("sources.md", "sources", "Sources", "the news articles every fact on this site rests on", None),
    PageSpec("disagreements.md", "disagreements", "Where sources disagree", "figures the sources give differently",
             "conflicts"),
    PageSpec("about.md", "about", "About", "how this explainer is made, and the open data behind it", None),
)


def _all_pages() -> tuple[PageSpec, ...]:
    pages = list(CORE_PAGES)
    for site in STORY_SITES.values():
        for kind_page in site.pages:
            after = next(i for i, spec in enumerate(pages) if spec.path == kind_page.after)
            pages.insert(after + 1, kind_page.spec)
    return tuple(pages)


# Every top-level page in navigation order; `site_pages` gives those of one project.
PAGES: tuple[PageSpec, ...] = _all_pages()
# A kind whose page shows only when there is something to show: a story where the sources
# agree has no page of disagreements. The other kinds' pages exist whenever the kind is on.
SHOWN_WHEN_FOUND = {"conflicts"}
FACTS_JSON = "data/facts.json"
FACTS_SCHEMA = "data/facts.schema.json"
TIMELINE = "timeline.md"
WHATS_NEW = "whats-new.md"
SOURCES = "sources.md"


def site_pages(facts: Facts) -> list[PageSpec]:
    """The top-level pages this project has: a kind's page only with that kind (and, for
    SHOWN_WHEN_FOUND kinds, only with facts of it)."""
    return [spec for spec in PAGES if spec.kind is None or (
        spec.kind in facts.kinds and (spec.kind not in SHOWN_WHEN_FOUND or getattr(facts, spec.kind)))]


def page_title(facts: Facts, spec: PageSpec) -> str:
    if spec.key == "background":
        return facts.site.background_title
    return getattr(facts.site.pages, spec.key).title or spec.title


def page_blurb(facts: Facts, spec: PageSpec) -> str:
    blurb = getattr(facts.site.pages, spec.key).blurb
    return spec.blurb if blurb is None else blurb


def page_titles(facts: Facts) -> dict[str, str]:
    return {spec.path: page_title(facts, spec) for spec in site_pages(facts)}


def page_nav(facts: Facts) -> list[dict[str, str] | str]:
    """The top navigation in MkDocs `nav` form. People pages are reached from 'Who is involved'.

    MkDocs takes a title given in `nav` as HTML, and Material strips and unescapes it for the
    window title, so a title the project's words give (the background title, any under `pages`)
    is not given here: that page is titled by its own heading, which MkDocs escapes. Only the
    code's own titles are.
    """
    return [{spec.title: spec.path} if page_title(facts, spec) == spec.title else spec.path
            for spec in site_pages(facts)]
