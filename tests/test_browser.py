"""What a reader sees: the built site opened in headless Chromium, on a desktop and a phone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import needs_chromium, serve_directory
from tests.factories import HOSTILE_NAME, HOSTILE_QUOTE, build_site, make_story, write_project

pytestmark = needs_chromium
SITE_NAME = "Harbour guard explainer"
# Set EXPLAINER_SCREENSHOTS=DIR to keep phone-sized screenshots of the pages checked.
SCREENSHOTS = os.environ.get("EXPLAINER_SCREENSHOTS")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    project = write_project(make_story(hostile=True), tmp_path_factory.mktemp("project"))
    site = build_site(project, tmp_path_factory.mktemp("site"))
    with serve_directory(site) as url:
        yield url


def test_home_page(page, base_url):
    page.goto(base_url)
    assert page.title() == SITE_NAME
    assert page.get_attribute("html", "lang") == "en"
    content = page.locator("article.md-content__inner")
    assert content.locator("h1").inner_text() == "The harbour guard coalition, explained"
    assert "As of 16 June 2031" in content.inner_text()
    assert page.get_by_text("Norway says a coalition of the willing will guard").is_visible()
    plan = content.locator("ol.explainer-plan > li")
    assert plan.count() == 3
    assert plan.nth(0).inner_text().startswith("Patrols start in August.")
    for title in ("What is a coalition of the willing?", "Who is involved", "Pledges", "Timeline", "Sources",
                  "Where sources disagree", "About"):
        assert content.get_by_role("link", name=title, exact=True).is_visible(), title
    # The answer first: the latest developments above the summary.
    headings = content.locator("h2").all_inner_texts()
    assert headings.index("Latest developments") < headings.index("In short")
    # Each fact ends with numbered markers; hovering one shows the passage, following it lands
    # on the page's reference with the outlet, the date and the article's words.
    marker = content.get_by_text("Norway says a coalition of the willing will guard").locator("a.explainer-ref").first
    assert marker.inner_text() == "[1]"
    assert "“a \"coalition of the willing\" would guard" in marker.get_attribute("title")
    marker.click()
    page.wait_for_url("**/#ref-1")
    reference = page.locator("#ref-1")
    assert reference.is_visible() and "Coast Herald" in reference.inner_text()
    assert "“a \"coalition of the willing\" would guard" in reference.inner_text()
    assert content.locator("ol.explainer-references > li").count() == len(
        set(content.locator("a.explainer-ref").all_inner_texts()))


def test_person_page(page, base_url):
    page.goto(base_url + "people/ingrid-alvsen/")
    assert page.title() == f"Ingrid Alvsen - {SITE_NAME}"
    content = page.locator("article.md-content__inner")
    text = content.inner_text()
    assert "Prime Minister" in text and "Norway" in text and "Also spelled" in text
    assert "“We will not leave the harbours unguarded”" in text
    assert "15 June 2031, in" in text  # the quote's date
    assert content.locator("ol.explainer-references > li").count() == 1
    content.get_by_role("link", name="Bergen summit", exact=True).click()
    page.wait_for_url("**/timeline/#bergen-summit")
    assert page.locator("#bergen-summit").is_visible()


def test_hostile_text_is_shown_not_run(page, base_url):
    page.goto(base_url + "people/hostile/")
    assert page.title() == f"{HOSTILE_NAME} - {SITE_NAME}"
    content = page.locator("article.md-content__inner")
    assert content.locator("h1").inner_text() == HOSTILE_NAME
    assert f"“{HOSTILE_QUOTE}”" in content.inner_text()
    assert page.evaluate("window.__pwned") is None
    assert content.locator("script, img, em, strong b").count() == 0
    assert page.evaluate("[...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript')).length") == 0
    page.goto(base_url + "timeline/")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []


def test_timeline_in_date_order(page, base_url):
    page.goto(base_url + "timeline/")
    assert page.title() == f"Timeline - {SITE_NAME}"
    events = page.locator("li.explainer-event")
    # The story's own events first, in date order; the background before it at the end.
    assert events.evaluate_all("items => items.map(item => item.id)") == [
        "february-storm", "bergen-summit", "hostile-event", "fishing-dispute"]
    dates = page.locator("li.explainer-event time").evaluate_all("times => times.map(t => t.dateTime)")
    assert dates[:3] == sorted(dates[:3])
    labels = page.locator("li.explainer-event time").all_inner_texts()
    assert labels[:2] == ["February 2031", "14 June 2031"] and labels[-1] == "approx. 2029"
    assert all(event.locator("a.explainer-ref").count() >= 1 for event in events.all())
    assert "read as 14 June 2031" in page.locator("#bergen-summit").inner_text()


def test_timeline_filters_by_person_without_a_page_load(page, base_url):
    page.goto(base_url + "timeline/")
    page.evaluate("window.__same_page = true")
    events = page.locator("li.explainer-event")
    total = events.count()
    page.get_by_label("Show events with").select_option(label="Mads Kjær")
    shown = page.locator("li.explainer-event:visible")
    assert shown.evaluate_all("items => items.map(item => item.id)") == ["bergen-summit"]
    assert page.evaluate("window.__same_page") is True  # filtered in place, no reload
    page.get_by_label("Show events with").select_option(value="")
    assert page.locator("li.explainer-event:visible").count() == total


def test_timeline_filter_is_left_out_without_scripts(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    assert page.locator("li.explainer-event").first.is_visible()
    assert not page.locator("form.explainer-filter").is_visible()  # it would do nothing
    context.close()


@pytest.mark.parametrize("path", ["", "people/ingrid-alvsen/", "people/hostile/", "timeline/", "who/",
                                  "background/", "pledges/", "sources/", "disagreements/"])
def test_phone_has_no_sideways_scrolling(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    for summary in page.locator("details > summary").all()[:6]:
        summary.click()  # open folds too: long lists must wrap
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{path.strip('/').replace('/', '_') or 'home'}.png"),
                        full_page=True)
    context.close()
    assert width[0] <= width[1], f"{path or 'home'} is {width[0]}px wide on a {width[1]}px screen"


def test_no_page_logs_an_error_and_every_internal_link_resolves(browser, base_url):
    # Every page the site links to from its home page, followed page by page: each one loads
    # without a console error or an uncaught exception, and every link to the site itself
    # (fragments aside) answers 200.
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    to_visit, seen, targets = [base_url], set(), set()

    def failed(request):
        # A request the browser itself abandons because the test moves on to the next page
        # (a favicon still loading) is not a broken resource; it is fetched again below.
        if request.failure == "net::ERR_ABORTED" and request.url.startswith(base_url):
            targets.add(request.url.split("#")[0])
        else:
            errors.append(f"{page.url}: {request.url} failed: {request.failure}")

    page.on("requestfailed", failed)
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        for href in hrefs:
            target = href.split("#")[0]
            if target.startswith(base_url):
                targets.add(target)
                if target.endswith("/") or target.endswith(".html"):
                    to_visit.append(target)
    broken = [target for target in sorted(targets) if page.request.get(target).status != 200]
    context.close()
    assert len(seen) > 10
    assert errors == [] and broken == []
