"""Rendering: the fact graph becomes the site's Markdown pages.

Python computes, templates display. Each page gets one small dataclass from `pages` (its whole
template context, passed as `page`), computed by a `PageBuilder` (`page_builder`, with the
timeline's pages in `timeline_pages` and the sources page's in `sources_pages`); the Jinja
templates in `theme/pages/` only lay it out, every value escaped (`templates`). The pages a
project has, and their titles, are in `navigation`; links between them in `links`.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.facts import Facts
from generator.site.developments import whats_new_page
from generator.site.kinds import STORY_SITES
from generator.site.navigation import SOURCES, TIMELINE, site_pages
from generator.site.page_builder import PageBuilder
from generator.site.sources_pages import sources_page, sources_pages
from generator.site.templates import template_environment
from generator.site.timeline_pages import timeline, timeline_pages

PAGE_TEMPLATES = {  # the pages a project has are those of `site_pages`
    "index.md": ("index.md.j2", PageBuilder.home),
    "background.md": ("background.md.j2", PageBuilder.background),
    "who.md": ("who.md.j2", PageBuilder.who),
    "timeline.md": ("timeline.md.j2", timeline),
    "whats-new.md": ("whats_new.md.j2", whats_new_page),
    "sources.md": ("sources.md.j2", sources_page),
    "disagreements.md": ("disagreements.md.j2", PageBuilder.disagreements),
    "about.md": ("about.md.j2", PageBuilder.about),
}
PAGE_TEMPLATES.update({kind_page.spec.path: (kind_page.template, kind_page.context)
                       for site in STORY_SITES.values() for kind_page in site.pages})
PERSON_TEMPLATE = "person.md.j2"


# Pages that become several on a large story: the page's path -> its pages' templates and contexts.
PAGE_SETS = {TIMELINE: timeline_pages, SOURCES: sources_pages}


def page_contexts(facts: Facts, directory_urls: bool = True,
                  map_cache: Path | None = None) -> dict[str, tuple[str, object]]:
    """Page path → (template name, context) for every page of the site."""
    builder = PageBuilder(facts, directory_urls, map_cache)
    contexts: dict[str, tuple[str, object]] = {}
    for spec in site_pages(facts):
        if spec.path in PAGE_SETS:
            contexts.update(PAGE_SETS[spec.path](builder))
        else:
            contexts[spec.path] = (PAGE_TEMPLATES[spec.path][0], PAGE_TEMPLATES[spec.path][1](builder))
    for person in sorted(facts.people, key=lambda p: p.id):
        if builder.has_page(person):
            contexts[f"people/{person.id}.md"] = (PERSON_TEMPLATE, builder.person(person))
    return contexts


def render_site(facts: Facts, directory_urls: bool = True, templates: Path | None = None,
                cache: Path | None = None, map_cache: Path | None = None) -> dict[str, str]:
    """Page path → Markdown text for every generated page, in a stable order; `templates` is
    a folder of templates that replace the theme's of the same name, `cache` a folder to keep
    compiled templates in between builds, `map_cache` one to keep the map's drawing in."""
    environment = template_environment(templates, cache)
    return {
        path: environment.get_template(template).render(page=context)
        for path, (template, context) in page_contexts(facts, directory_urls, map_cache).items()
    }
