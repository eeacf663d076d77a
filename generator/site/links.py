"""Links between the site's pages.

Links between generated pages sit inside raw HTML, where MkDocs does not rewrite them, so
`Linker` computes each relative URL for the URL style the site is built with.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup, escape


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs file, relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass(frozen=True)
class Linker:
    """Relative hrefs from one page to any other page or data file of the site."""

    page: str
    directory_urls: bool = True

    def __call__(self, target: str, anchor: str | None = None) -> Markup:
        fragment = f"#{anchor}" if anchor else ""
        if target == self.page and anchor:
            return Markup(escape(fragment))
        here = posixpath.dirname(page_url(self.page, self.directory_urls)) or "."
        there = page_url(target, self.directory_urls)
        relative = posixpath.relpath(there or ".", here)
        if there.endswith("/") or there == "":
            relative = "./" if relative == "." else relative + "/"
        return Markup(escape(relative + fragment))
