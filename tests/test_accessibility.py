"""axe-core, the accessibility engine, on this repository's site in headless Chromium: every kind
of page, in the light and the dark scheme, with no violation of the rules axe runs by default
(WCAG 2 A and AA among them: contrast, names of controls and dialogs, landmarks, ARIA)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import needs_chromium, serve_directory
from tests.factories import build_site

pytestmark = needs_chromium
ROOT = Path(__file__).parent.parent
# Each generated page, and two person pages: one with quotes and events, one with fewer.
PAGES = ["", "background/", "who/", "pledges/", "timeline/", "sources/", "disagreements/", "about/",
         "people/keir-starmer/", "people/donald-trump/", "404.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_kind_of_page(browser, site, axe_script, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    with serve_directory(site) as url:
        for path in PAGES:
            page.goto(url + path)
            page.add_script_tag(content=axe_script)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            found += [f"{path or 'home'}: {violation['id']} at {node['target']}"
                      for violation in result["violations"] for node in violation["nodes"]]
    context.close()
    assert found == []
