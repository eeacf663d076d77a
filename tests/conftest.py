"""Shared fixtures: the language model and a headless Chromium, each started once."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def in_chromium(test):
    """The Chromium marks for one test, in a module whose other tests need no browser."""
    for mark in needs_chromium:
        test = mark(test)
    return test


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    """Material's end-of-life banner, which MkDocs builds print, says nothing about the project."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline, loaded once per test session."""
    from generator.extract import load_model

    return load_model()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(site: Path, handler: type = QuietHandler, path: str = "") -> Iterator[str]:
    """A static server for a built site on a free loopback port; yields its base URL, under
    `path` when the site is served below the root (as GitHub Pages serves a project site)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/{path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A desktop-sized page that records (and dismisses) any dialog a script opens."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
