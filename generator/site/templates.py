"""The page templates' Jinja environment: where templates are found, and how every value is printed.

Everything that comes from the facts is data, never markup. Pages are Markdown whose
data-bearing parts are raw HTML blocks, which Python-Markdown passes through untouched, and
every value a template prints is escaped twice over by `neutralise`: HTML-escaped, and with
every character Markdown or its extensions give meaning to written as a character reference.
So `*bold*`, `[x](javascript:...)`, `{{ 7*7 }}` and `<img onerror>` reach the reader as text.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import jinja2
from markupsafe import Markup

# Characters given meaning by HTML, Markdown or a common extension (attr_list, emoji, macros,
# superfences, snippets, tables...): written as character references they are plain text.
_SIGNIFICANT = set("&<>\"'\\`*_{}[]()#+-!|~^=:$%@")
_REFERENCES = {ord(char): f"&#{ord(char)};" for char in _SIGNIFICANT}
_SPACES = re.compile(r"\s+")
# A site prints the same names, titles and dates on many pages (about five times each on a
# large story), so each distinct text is escaped once. Bounded, so that a long `explainer
# serve` session keeps only the texts of recent builds.
_NEUTRAL_TEXTS_KEPT = 1 << 15


def neutralise(value: object) -> object:
    """Jinja `finalize`: make a value from the facts inert in both HTML and Markdown.

    Whitespace runs become one space, so no value can end a raw HTML block or start a Markdown
    line. Markup (trusted template output, such as a partial's result) passes unchanged.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _neutral_text(value)


@lru_cache(maxsize=_NEUTRAL_TEXTS_KEPT)
def _neutral_text(text: str) -> Markup:
    return Markup(_SPACES.sub(" ", text).translate(_REFERENCES))


def markdown_heading(value: object) -> Markup:
    """Filter `md`: a value fit for a Markdown heading line (same escaping as everywhere)."""
    return Markup(neutralise(str(value)))


def template_environment(templates: Path | None = None, cache: Path | None = None) -> jinja2.Environment:
    """The page templates: a project's own folder (the plugin's `templates` option) first,
    as Material's custom_dir is, then the installed theme's, for every template and partial.
    With `cache`, compiled templates are kept there between builds (`bytecode_cache`)."""
    loader = jinja2.FunctionLoader(_load_template)
    if templates is not None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(templates), encoding="utf-8"), loader])
    environment = jinja2.Environment(
        loader=loader, autoescape=True, finalize=neutralise, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, bytecode_cache=bytecode_cache(cache),
    )
    environment.filters["md"] = markdown_heading
    return environment


def _load_template(name: str) -> str | None:
    """Templates ship inside the package (generator.theme), so installed projects find them."""
    resource = files("generator.theme") / "pages"
    for part in name.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """A cache of compiled templates in `folder`, or None when there is none or it cannot be
    written: compiling the theme's and Material's templates is most of a small site's rendering
    time, and a template changes far less often than the facts. Jinja keys each entry by the
    template's source and the Python version, so a changed template is compiled again."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None
