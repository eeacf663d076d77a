"""The coalition explainer itself: build this repository's site and read it in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import needs_chromium, serve_directory

pytestmark = needs_chromium
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("coalition") / "site"
    result = CliRunner().invoke(main, ["--project", str(ROOT), "build", "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with serve_directory(site) as url:
        yield url


def test_home_answers_what_happened(page, base_url):
    page.goto(base_url)
    content = page.locator("article")
    assert content.locator("h1").inner_text().startswith("Coalition of the willing: an explainer")
    assert "As of 3 March 2025" in content.inner_text()
    assert content.locator("ol.explainer-plan > li").count() == 4
    assert "sovereignty" in content.locator("ol.explainer-plan > li").first.inner_text()
    # The answer first: the latest developments, dated, and the figures, before the summary.
    headings = [heading.rstrip("¶") for heading in content.locator("h2").all_inner_texts()]
    assert headings[:2] == ["Latest developments", "In figures"]
    assert "3 March 2025" in content.locator("ol.explainer-latest > li").first.inner_text()
    # Every statement leads to a verbatim quote and the article it comes from.
    marker = content.locator("ul.explainer-facts a.explainer-ref").first
    reference = page.locator(marker.get_attribute("href"))
    assert reference.locator("blockquote.explainer-passage").count() >= 1
    assert reference.locator("cite").inner_text()


def test_person_page_shows_role_quotes_and_events(page, base_url):
    page.goto(base_url + "people/keir-starmer/")
    text = page.locator("article").inner_text()
    assert page.locator("article h1").inner_text().startswith("Keir Starmer")
    assert "Prime Minister" in text and "United Kingdom" in text
    assert "Kier Starmer" in text  # a spelling one source uses
    assert "We have agreed that the UK, France and others will work with Ukraine" in text
    assert "Starmer hosts a security summit in London" in text


def test_timeline_is_in_date_order_with_precision_kept(page, base_url):
    page.goto(base_url + "timeline/")
    headings = [heading.rstrip("¶") for heading in page.locator("article h2").all_inner_texts()]
    story = headings[:headings.index("Before the story")]
    years = [int(re.search(r"\d{4}", heading).group()) for heading in story]
    assert years == sorted(years) and years[0] == 2025  # the story's own events open the page
    earlier = [heading.rstrip("¶") for heading in page.locator("article h3").all_inner_texts()]
    assert "1999" in earlier  # what came before closes it
    text = page.locator("article").inner_text()
    assert "February 2022" in text        # a month stays a month
    assert "approx." in text               # "two weeks ago" is marked approximate
    assert text.index("Trump and Zelenskyy clash in the Oval Office") < text.index(
        "Starmer presents the four-point plan to the House of Commons")


def test_disagreements_show_each_source(page, base_url):
    page.goto(base_url + "disagreements/")
    text = page.locator("article").inner_text()
    for figure in ("12 nations", "18 leaders", "19 leaders", "more than a dozen leaders"):
        assert figure in text
