"""A hostile user's battery: nothing of theirs is lost, nothing they type runs in a reader's
browser, and every bad input gets `path:line:col: message`, exit status 1, and no change.

Each test runs the real command line on a copy of the harbour fixture, extracted once.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.build import SITE_MARK
from tests.conftest import in_chromium, serve_directory

FIXTURE = Path(__file__).parent / "fixtures" / "harbour"
SCRIPT = '<img src=x onerror="window.__pwned=1"> "quoted" & <script>window.__pwned=2</script>'


def explainer(project: Path, *arguments: str, input: str | None = None):
    return CliRunner().invoke(main, ["--project", str(project), *arguments], input=input, catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".cache" not in path.parts}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("battery") / "harbour"
    shutil.copytree(FIXTURE, project)
    result = explainer(project, "extract")
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture
def project(extracted, tmp_path) -> Path:
    copy = tmp_path / "work" / "harbour"
    shutil.copytree(extracted, copy, symlinks=True)
    return copy


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- 1. a build replaces only a folder a build made ---------------------------------------------


@pytest.mark.parametrize("target", [".", "content", "content/editorial", "seeds", "seeds/inner", "..", "/",
                                    "theme-of-mine"])
def test_build_refuses_a_folder_it_did_not_make(project, target):
    write(project / "theme-of-mine" / "main.html", "mine")
    before = snapshot(project.parent)
    result = explainer(project, "build", "--site-dir", str(project / target))
    assert result.exit_code == 1
    shown = os.path.abspath(project / target)
    assert shown in result.stderr and result.stderr.splitlines()[-1] == "The site was not changed."
    assert snapshot(project.parent) == before


def test_build_replaces_the_site_it_made_and_marks_it(project, tmp_path):
    site = tmp_path / "published"
    assert explainer(project, "build", "--site-dir", str(site)).exit_code == 0
    assert (site / SITE_MARK).is_file()
    write(project / "content" / "editorial" / "people.yaml", "fix:\n  carmen-vella:\n    role: Prime Minister of Malta\n")
    assert explainer(project, "build", "--site-dir", str(site)).exit_code == 0
    assert b"Prime Minister of Malta" in (site / "people" / "carmen-vella" / "index.html").read_bytes()


def test_a_plain_file_named_site_is_not_moved_aside(project):
    write(project / "site", "notes")
    result = explainer(project, "build")
    assert result.exit_code == 1 and "is not a folder" in result.stderr
    assert (project / "site").read_text() == "notes"


# -- 2. text from mkdocs.yml is escaped on every page ---------------------------------------------


def hostile_config(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(("site_name:", "site_description:"))]
    settings = {key: SCRIPT for key in ("site_name", "site_description", "site_author", "copyright")}
    config.write_text("\n".join([*(f"{key}: {json.dumps(value)}" for key, value in settings.items()), *lines]) + "\n",
                      encoding="utf-8")


def test_no_setting_reaches_a_page_as_markup(project, tmp_path):
    hostile_config(project)
    site = tmp_path / "site"
    result = explainer(project, "build", "--site-dir", str(site))
    assert result.exit_code == 0, result.stderr
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    assert pages and not [path for path, html in pages.items() if "<script>window" in html or "<img src=x" in html]
    home = pages[site / "index.html"]
    assert '<meta name="description" content="&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;' in home
    assert "&amp;amp;" not in home  # escaped once, not twice


@pytest.fixture
def hostile_site(project, tmp_path):
    hostile_config(project)
    assert explainer(project, "build", "--site-dir", str(tmp_path / "site")).exit_code == 0
    with serve_directory(tmp_path / "site") as url:
        yield url


@in_chromium
@pytest.mark.parametrize("path", ["", "who/", "people/carmen-vella/"])
def test_a_hostile_site_name_runs_no_script(page, hostile_site, path):
    page.goto(hostile_site + path)
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert SCRIPT in page.locator("header").inner_text()


def test_new_title_with_markup_builds_an_inert_site(tmp_path):
    project = tmp_path / "story"
    assert CliRunner().invoke(main, ["new", str(project), "--title", SCRIPT]).exit_code == 0
    assert explainer(project, "build").exit_code == 0
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<script>window" not in html


def test_page_titles_are_escaped_once_in_the_footer(project):
    site_yaml = project / "content" / "editorial" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8").replace("background_title: What is the harbour coalition?",
                                                         'background_title: "Tom & Jerry\'s <b>war</b>"')
    write(site_yaml, text)
    assert explainer(project, "build").exit_code == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'md-footer__link--next" aria-label="([^"]*)"', home)
    assert [html.unescape(label) for label in labels] == ["Next: Tom & Jerry's <b>war</b>"]


# -- 3. files nobody reads are errors ------------------------------------------------------------


@pytest.mark.parametrize(("name", "message"), [
    ("editorial/people.yml", "content/editorial/people.yml:1:1: not read: content files end in .yaml; "
                             "rename it to people.yaml"),
    ("editorial/person.yaml", "content/editorial/person.yaml:1:1: not read: did you mean "
                              "content/editorial/people.yaml?"),
    ("extracted/event.yaml", "content/extracted/event.yaml:1:1: not read: did you mean "
                             "content/extracted/events.yaml?"),
    ("people.yaml", "content/people.yaml:1:1: not read:"),
    ("editorials/people.yaml", "content/editorials:1:1: not read: did you mean content/editorial/?"),
])
def test_a_file_that_is_not_a_known_kind_is_an_error(project, name, message):
    write(project / "content" / name, "reject:\n  carmen-vella: gone\n")
    result = explainer(project, "check")
    assert result.exit_code == 1
    assert message in result.stderr


# -- 4. sources live in seeds/ ---------------------------------------------------------------------


@pytest.mark.parametrize("file", ["../outside.txt", "/etc/hostname", "seeds/../outside.txt"])
def test_a_source_outside_seeds_is_refused(project, file):
    write(project.parent / "outside.txt", "Secret text\n\nNothing here should be published.\n")
    write(project / "content" / "editorial" / "sources.yaml",
          f"add:\n  - id: outside\n    title: Outside\n    file: {file}\n")
    result = explainer(project, "check")
    assert result.exit_code == 1
    assert f"content/editorial/sources.yaml:4:11: '{file}' is not in seeds/" in result.stderr


def test_a_link_out_of_seeds_is_refused(project):
    write(project.parent / "outside.txt", "Secret text\n\nNothing here should be published.\n")
    (project / "seeds" / "linked.txt").symlink_to(project.parent / "outside.txt")
    for command in ("extract", "check"):
        result = explainer(project, command)
        assert result.exit_code == 1
        assert "seeds/linked.txt:1:1: linked.txt links to" in result.stderr and "outside seeds/" in result.stderr


def test_a_link_inside_seeds_is_named_where_it_sits(project):
    write(project / "seeds" / ".drafts" / "empty.txt", "  \n")
    (project / "seeds" / "draft.txt").symlink_to(project / "seeds" / ".drafts" / "empty.txt")
    result = explainer(project, "check")
    assert "seeds/draft.txt:1:1: article is empty" in result.stderr
    assert str(project) not in result.stderr


# -- 6. impossible input gets a message, not a traceback -------------------------------------------


@pytest.mark.parametrize(("name", "text", "where"), [
    ("header.txt", " date 2025-04-31 Ministers meet\n\nThe talks went on.\n", "seeds/header.txt:1:7: the date "),
    ("dateline.txt", "Ministers meet\n\nFeb 30, 2025 - 10:00\n\nThe talks went on.\n", "seeds/dateline.txt:3:1: the date "),
    ("front.md", "---\ntitle: Ministers meet\ndate: March 3rd\n---\n\nThe talks went on.\n",
     "seeds/front.md:3:7: the front matter date 'March 3rd' is not a day of the calendar"),
])
def test_an_impossible_publication_date_is_an_error_at_its_place(project, name, text, where):
    write(project / "seeds" / name, text)
    before = snapshot(project / "content")
    result = explainer(project, "extract")
    assert result.exit_code == 1 and where in result.stderr
    assert snapshot(project / "content") == before


def test_an_impossible_editorial_date_fails_check_not_build(project):
    write(project / "content" / "editorial" / "events.yaml",
          "fix:\n  2024-06-11-maltese-prime-minister-carmen-vella:\n    date: 2025-02-31\n")
    for command in ("check", "build"):
        result = explainer(project, command)
        assert result.exit_code == 1
        assert "content/editorial/events.yaml:3:11: date: '2025-02-31' is not a day of the calendar" in result.stderr


def test_an_article_name_ending_in_a_newline_is_refused(project):
    write(project / "seeds" / "odd\n.txt", "Ministers meet\n\nThe talks went on.\n")
    result = explainer(project, "extract")
    assert result.exit_code == 1 and "cannot be a source id; rename the file" in result.stderr


def test_an_id_too_long_for_a_file_name_is_an_error(project):
    long_id = "a" * 300
    write(project / "content" / "editorial" / "people.yaml",
          f"add:\n  - id: {long_id}\n    name: Somebody\n    evidence:\n      - source: harbour-summit\n"
          "        quote: Carmen Vella\n")
    result = explainer(project, "check")
    assert result.exit_code == 1
    assert "content/editorial/people.yaml:2:9: an id of 300 characters is too long" in result.stderr


@contextlib.contextmanager
def small_file_system(folder: Path, size: str = "64k", read_only: bool = False):
    """A real file system that fills up (tmpfs of `size`) or refuses writes; root only."""
    folder.mkdir(parents=True)
    options = f"size={size}" + (",ro" if read_only else "")
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_fails_the_build_cleanly(project, tmp_path):
    with small_file_system(tmp_path / "tiny") as tiny:
        result = explainer(project, "build", "--site-dir", str(tiny / "site"))
        assert result.exit_code == 1
        assert "the disk is full" in result.stderr and "Traceback" not in result.output
        assert list(tiny.iterdir()) == []


def test_an_unwritable_site_folder_fails_the_build_cleanly(project, tmp_path):
    with small_file_system(tmp_path / "locked", read_only=True) as locked:
        result = explainer(project, "build", "--site-dir", str(locked / "site"))
        assert result.exit_code == 1
        assert "cannot write the site to" in result.stderr and "read-only" in result.stderr


# -- 7. numbers are finite --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_a_non_finite_amount_is_an_error(project, value):
    write(project / "content" / "editorial" / "events.yaml",
          f"fix:\n  2024-06-11-maltese-prime-minister-carmen-vella:\n    confidence: {value}\n")
    result = explainer(project, "check")
    assert result.exit_code == 1 and "content/editorial/events.yaml:3:17:" in result.stderr
    assert "finite" in result.stderr


# -- 8. smaller things ----------------------------------------------------------------------------


def test_identical_articles_are_each_cached(project):
    shutil.copy(project / "seeds" / "harbour-summit.txt", project / "seeds" / "harbour-copy.txt")
    assert explainer(project, "extract").exit_code == 0
    started = time.perf_counter()
    again = explainer(project, "extract")
    assert again.exit_code == 0 and "0 parsed, 3 unchanged" in again.output, again.output
    assert time.perf_counter() - started < 20
