"""The MkDocs plugin: a thin adapter between MkDocs and the generator.

It loads the facts once per build (or is handed those `explainer build` has just checked), adds
the generated pages, open-data files and feed, puts the explainer's theme overrides in front of
Material's templates, and sets the navigation. While Python-Markdown converts a generated page,
the page's HTML blocks are set aside (`html_blocks`): its parser would only read them to keep them.
All real work happens in `content`, `render`, `export`, `feed`, `web` and `html_blocks`, which know
nothing of MkDocs.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from markdown import Markdown
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from markupsafe import Markup, escape

from generator.content.reader import load_facts
from generator.model.errors import ContentError
from generator.site.export import facts_json, schema_json
from generator.model.facts import Facts
from generator.model.kinds import STORY_KINDS
from generator.site import web
from generator.site.build import BuildFailed
from generator.site.feed import atom_feed
from generator.site.html_blocks import MarkdownBlocks, SetAside
from generator.site.navigation import FACTS_JSON, FACTS_SCHEMA, page_nav
from generator.site.render import render_site
from generator.site.review_page import REVIEW_PAGE, REVIEW_TITLE, review_page
from generator.site.templates import bytecode_cache
from generator.files.project import Project


class ExplainerConfig(base.Config):
    # Set the top navigation unless mkdocs.yml has its own `nav`.
    navigation = c.Type(bool, default=True)
    # Story kinds switched on, besides the core ones; generator/files/project.py reads the
    # same options for the command line, which does not import MkDocs.
    kinds = c.ListOfItems(c.Choice(tuple(STORY_KINDS)), default=[])
    # A folder of the project whose page templates replace the theme's of the same name.
    templates = c.Optional(c.Dir(exists=True))


# Text settings that MkDocs and Material print into pages unescaped (the site name reaches
# every page's header, title and an aria-label; the description a meta attribute).
ESCAPED_SETTINGS = ("site_name", "site_description", "site_author", "copyright", "repo_name")


def escape_settings(config: MkDocsConfig) -> None:
    """Make every text setting a page shows HTML-safe, whichever template prints it: escaped
    once here and marked as markup, so templates that escape again (`| e`) leave it alone."""
    for key in ESCAPED_SETTINGS:
        if isinstance(config.get(key), str):
            config[key] = escape(config[key])
    for option in config.theme.get("palette") or []:
        if isinstance(option, dict):
            for key, value in option.items():
                option[key] = _escaped(value)
    if config.nav:
        config.nav = _escaped_nav(config.nav)


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def _escaped_nav(items):
    """Titles in `nav` are printed as HTML; paths and URLs stay as written."""
    if isinstance(items, list):
        return [_escaped_nav(item) for item in items]
    if isinstance(items, dict):
        return {escape(str(title)): _escaped_nav(target) for title, target in items.items()}
    return items


def plain_text(value) -> str:
    """A setting or title as plain text, whether it is still as written or already HTML."""
    if isinstance(value, Markup):
        return value.striptags()
    return value if isinstance(value, str) else ""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    handed: Facts | None = None  # the facts `explainer build` checked, set by `build_project`
    facts: Facts | None = None
    site: web.Site | None = None
    descriptions: dict[str, str]  # generated page path → its description, set with the facts
    cache: Path | None = None     # the project's folder of compiled templates
    map_cache: Path | None = None  # and of the map's drawing
    blocks: MarkdownBlocks | None = None  # for the Markdown settings of this build
    set_aside: dict[str, SetAside]  # generated page path → its HTML blocks, while Markdown converts it
    serving = False               # the live preview: it alone has the review queue's page
    project: Project | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        name, description, author = (plain_text(config.get(key))
                                     for key in ("site_name", "site_description", "site_author"))
        escape_settings(config)
        overrides = str(files("generator.theme") / "overrides")
        if overrides not in config.theme.dirs:
            # After a project's own custom_dir, ahead of Material's templates.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        project_dir = Path(config.config_file_path).resolve().parent
        project = Project(project_dir)    # whatever the configuration file is named
        self.project = project
        self.cache, self.map_cache = project.templates_cache_dir, project.map_cache_dir
        self.blocks, self.set_aside = None, {}
        try:
            # Handed facts are for one build: MkDocs keeps a plugin with `on_startup` for the
            # whole process, so the next configuration loaded in it gets this same instance.
            handed, self.handed = self.handed, None
            self.facts = handed if handed is not None else load_facts(project_dir, story_kinds=self.config.kinds)
        except ContentError as error:
            raise PluginError(error.report()) from error
        if self.config.navigation and not config.nav:
            config.nav = page_nav(self.facts) + ([{REVIEW_TITLE: REVIEW_PAGE}] if self.serving else [])
        self.site = web.site_info(self.facts, name=name, description=description, url=config.site_url,
                                  language=config.theme.get("language") or "en", repo_url=config.repo_url,
                                  author=author)
        self.descriptions = web.page_descriptions(self.facts, self.site)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        templates = Path(self.config.templates) if self.config.templates else None
        pages = render_site(self.facts, directory_urls=config.use_directory_urls, templates=templates,
                            cache=self.cache, map_cache=self.map_cache)
        for uri, text in pages.items():
            if files.get_file_from_path(uri) is not None:
                continue  # a page the editors wrote themselves (docs/about.md, say) wins
            # Person pages and the parts of a paged timeline or sources page are reached from their
            # pages, never listed in a navigation MkDocs makes itself.
            inclusion = (InclusionLevel.NOT_IN_NAV if uri.startswith(("people/", "timeline/", "sources/"))
                         else InclusionLevel.UNDEFINED)
            files.append(File.generated(config, uri, content=text, inclusion=inclusion))
        if self.serving:
            files.append(File.generated(config, REVIEW_PAGE, content=self.review_markdown(templates)))
        files.append(File.generated(config, FACTS_JSON, content=facts_json(self.facts)))
        files.append(File.generated(config, FACTS_SCHEMA, content=schema_json(self.facts.kinds)))
        if files.get_file_from_path(web.ROBOTS_TXT) is None:
            files.append(File.generated(config, web.ROBOTS_TXT, content=web.robots_txt(self.site)))
        if files.get_file_from_path(web.FEED_XML) is None:
            feed = atom_feed(self.facts, self.site, directory_urls=config.use_directory_urls)
            files.append(File.generated(config, web.FEED_XML, content=feed))
        return files

    def review_markdown(self, templates: Path | None) -> str:
        """The preview's page of the facts waiting for an editor, with their evidence in context."""
        from generator.content.review_queue import machine_facts, review_queue
        from generator.extract.changes import read_last_changes
        from generator.site.templates import template_environment

        queue = review_queue(self.facts, machine_facts(self.project, self.facts.kinds),
                             read_last_changes(self.project).new)
        environment = template_environment(templates, self.cache)
        return environment.get_template("review.md.j2").render(page=review_page(self.facts, queue))

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Material's templates compile anew in every build otherwise: most of a small site's time.
        env.bytecode_cache = env.bytecode_cache or bytecode_cache(self.cache)
        env.filters["inline_stylesheet"] = web.inline_stylesheet
        return env

    # Last, so that other plugins see the page as rendered.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Front matter of hand-written pages reaches the navigation and the head unescaped.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if page.file.generated_by is not None and "description" not in page.meta:
            description = self.descriptions.get(page.file.src_uri)
            if description:
                page.meta["description"] = escape(description)
        if self.site.modified:
            # The sitemap's <lastmod>: the facts' date, not the build's, so builds repeat.
            page.update_date = self.site.modified
        if page.file.generated_by is None:
            return markdown
        # Python-Markdown would read every tag of the page's HTML blocks only to keep them as
        # they are: they are set aside while it converts the rest, and put back after.
        if self.blocks is None:  # for the Markdown settings as every plugin has left them
            self.blocks = MarkdownBlocks.for_markdown(Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}))
        aside = self.set_aside[page.file.src_uri] = self.blocks.set_aside(markdown)
        return aside.markdown

    # First, so that other plugins see the page whole.
    @event_priority(100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        aside = self.set_aside.pop(page.file.src_uri, None)
        if aside is not None:
            try:
                html = aside.restore(html)
            except ValueError as error:
                raise PluginError(f"{page.file.src_uri}: {error}") from error
            page.markdown = aside.text
            page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.anchors
        # A title taken from a page's heading is already HTML text ("Tom &amp; Jerry"), so
        # Material's `| e` in the footer would escape it a second time.
        if isinstance(page.title, str) and not isinstance(page.title, Markup):
            page.title = Markup(page.title)
        return web.words_apart(html)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        # Both are HTML text by now: the front matter's escaped above, a heading's as MkDocs made it.
        title = page.meta.get("title") or page.title or ""
        context["explainer_site"] = self.site
        context["explainer_head"] = web.page_head(
            self.site, title=plain_text(Markup(title)),
            description=plain_text(page.meta.get("description")), url=page.canonical_url,
            is_home=page.is_homepage)
        return context

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        context["explainer_site"] = self.site  # 404.html: the footer line, but no page metadata
        return context

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            index.write_text(web.fold_search_index_json(index.read_text(encoding="utf-8")), encoding="utf-8")

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        project_dir = Path(config.config_file_path).resolve().parent
        own_templates = [Path(self.config.templates)] if self.config.templates else []
        for folder in (project_dir / "content", project_dir / "seeds", Path(str(files("generator.theme"))),
                       *own_templates):
            if folder.is_dir():
                server.watch(str(folder))
        server.builder = keep_serving_after_failures(server, server.builder)
        return server


def keep_serving_after_failures(server, build):
    """MkDocs holds every request after a failed rebuild until a build succeeds, so one broken
    edit would freeze the preview; instead, report the error and keep serving the last good site."""
    def guarded_build(*arguments, **options):
        try:
            return build(*arguments, **options)
        except BaseException:
            condition = getattr(server, "_epoch_cond", None)  # MkDocs 1.6's LiveReloadServer
            if condition is not None:
                with condition:
                    server._wanted_epoch = server._visible_epoch
                    condition.notify_all()
            raise

    return guarded_build


def build_project(config_file: Path, site_dir: Path, facts: Facts) -> None:
    """Build the project of this mkdocs.yml into `site_dir` with MkDocs, in this process, as
    `mkdocs build` would, rendering `facts`: the content `explainer build` has just read and
    checked, so it is not read again. Raises BuildFailed with what MkDocs reported."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        for plugin in config.plugins.values():
            if isinstance(plugin, ExplainerPlugin):
                plugin.handed = facts
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise BuildFailed("cannot build the site: " + "\n".join([*messages.lines, error.format_message()])) from error
    finally:
        logger.removeHandler(messages)


class _Messages(logging.Handler):
    """MkDocs' warnings and errors during one build, worded as the `mkdocs` command prints them;
    they say why a strict build stopped."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")
