"""Links between the site's pages.

Links between generated pages sit inside raw HTML, where MkDocs does not rewrite them, so
`Linker` computes each relative URL for the URL style the site is built with.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

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
        return Markup(escape(_href(self.page, target, self.directory_urls) + fragment))


@lru_cache(maxsize=1 << 16)
def _href(page: str, target: str, directory_urls: bool) -> str:
    # A large story links each event and person from many pages; each href is computed once.
    here = posixpath.dirname(page_url(page, directory_urls)) or "."
    there = page_url(target, directory_urls)
    relative = _relative_path(there or ".", here)
    if there.endswith("/") or there == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


def _relative_path(path: str, start: str) -> str:
    """posixpath.relpath for the site's own paths, without its two calls to os.getcwd (a path
    that climbs out of the site with ".." is left to relpath itself)."""
    path_parts = [part for part in posixpath.normpath(path).split("/") if part != "."]
    start_parts = [part for part in posixpath.normpath(start).split("/") if part != "."]
    if path.startswith("/") or start.startswith("/") or ".." in path_parts or ".." in start_parts:
        return posixpath.relpath(path, start)
    common = 0
    for here, there in zip(start_parts, path_parts):
        if here != there:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."
