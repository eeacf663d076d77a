"""The live preview: `explainer serve` and `mkdocs serve` rebuild on every change, reload the
open page by themselves, and keep serving the last good site while an edit is broken.

The server runs in its own process group on a copy of the fixture project. It imports a copy
of the generator package (PYTHONPATH), so the test can edit the theme without touching the
repository's.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import needs_chromium

pytestmark = needs_chromium
REPOSITORY = Path(__file__).resolve().parent.parent
FIXTURE = REPOSITORY / "tests" / "fixtures" / "harbour"
TITLE = "The harbour coalition (test fixture)"
EXPLAINER = Path(sys.executable).parent / "explainer"
RELOAD_SECONDS = 30  # a rebuild takes about a second; the file watcher polls every half second


@dataclass
class Server:
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_output(self, pattern: str, after: int = 0) -> re.Match:
        deadline = time.monotonic() + RELOAD_SECONDS
        while time.monotonic() < deadline:
            found = re.compile(pattern).search(self.output(), after)
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"no {pattern!r} in the server's output:\n{self.output()}")

    def fetch(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """The generator package with its theme, as the server process imports it."""
    root = tmp_path / "package"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPOSITORY / "generator", root / "generator", ignore=ignore)
    shutil.copytree(REPOSITORY / "theme", root / "generator" / "theme", ignore=ignore)
    return root


@pytest.fixture
def project(tmp_path) -> Path:
    project = tmp_path / "harbour"
    shutil.copytree(FIXTURE, project)
    result = CliRunner().invoke(main, ["--project", str(project), "extract"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return project


@contextlib.contextmanager
def serving(command: list[str], project: Path, package: Path) -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temporary = project.parent / "tmp"  # where mkdocs keeps the served site; gone with tmp_path
    temporary.mkdir(exist_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(package), "TMPDIR": str(temporary),
                   "NO_MKDOCS_2_WARNING": "1"}
    log = project.parent / "server.log"
    with log.open("wb") as stream:
        process = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=environment,
                                   stdout=stream, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}/", log)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"the server exited:\n{server.output()}"
            assert time.monotonic() < deadline, f"the server did not start:\n{server.output()}"
            with contextlib.suppress(OSError):
                server.fetch()
                break
            time.sleep(0.2)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # explainer and the mkdocs process it started
        process.wait()


def mark(page) -> None:
    """Tag the loaded document: a reload drops the tag."""
    page.evaluate("window.__notReloaded = true")


def wait_for_reload(page, text: str) -> float:
    """Seconds until the page reloaded by itself and shows `text`."""
    started = time.monotonic()
    # Mid-reload the new document may have no body yet.
    page.wait_for_function("text => !window.__notReloaded && !!document.body && document.body.innerText.includes(text)",
                           arg=text, timeout=RELOAD_SECONDS * 1000)
    return time.monotonic() - started


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_explainer_serve_rebuilds_reloads_and_survives_a_broken_edit(page, project, package_copy):
    site_yaml = project / "content" / "editorial" / "site.yaml"
    with serving([str(EXPLAINER), "serve"], project, package_copy) as server:
        page.goto(server.url)
        assert page.locator("article h1").inner_text().startswith(TITLE)
        latencies = []

        mark(page)  # an editor's fix
        replace_in(site_yaml, f'title: "{TITLE}"', 'title: "Harbour patrols, explained"')
        latencies.append(wait_for_reload(page, "Harbour patrols, explained"))

        mark(page)  # the theme's page templates
        (package_copy / "generator" / "theme" / "pages" / "index.md.j2").open("a", encoding="utf-8").write(
            "\nThis line comes from the edited theme.\n")
        latencies.append(wait_for_reload(page, "This line comes from the edited theme."))

        mark(page)  # an article (evidence is checked against its text)
        (project / "seeds" / "harbour-summit.txt").open("a", encoding="utf-8").write("\nA late paragraph.\n")
        builds = server.output().count("Building documentation")
        latencies.append(wait_for_reload(page, "Harbour patrols, explained"))
        assert server.output().count("Building documentation") > builds

        mark(page)  # a broken edit: reported with its position, the last good site stays
        seen = len(server.output())
        site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
            'title: "Harbour patrols, explained"', 'title: [Harbour patrols'), encoding="utf-8")
        # The list opened on line 1 is found unclosed at the ':' of line 2.
        server.wait_for_output(r"content/editorial/site\.yaml:2:17: .+", after=seen)
        assert "<h1" in server.fetch() and "Harbour patrols, explained" in server.fetch()
        assert page.evaluate("window.__notReloaded") is True
        assert page.locator("article h1").inner_text().startswith("Harbour patrols, explained")

        replace_in(site_yaml, "title: [Harbour patrols", 'title: "Harbour patrols, mended"')
        latencies.append(wait_for_reload(page, "Harbour patrols, mended"))
    assert page.dialogs == []
    print(f"reload latencies (s): {', '.join(f'{seconds:.1f}' for seconds in latencies)}")


def test_mkdocs_serve_rebuilds_through_the_plugin(page, project, package_copy):
    events = project / "content" / "editorial" / "events.yaml"
    with serving([sys.executable, "-m", "mkdocs", "serve"], project, package_copy) as server:
        page.goto(server.url + "timeline/")
        assert "Valletta summit" not in page.locator("article").inner_text()
        mark(page)
        events.write_text("fix:\n  2024-06-11-maltese-prime-minister-carmen-vella:\n    title: Valletta summit\n",
                          encoding="utf-8")
        wait_for_reload(page, "Valletta summit")


def test_the_preview_alone_shows_the_facts_waiting_for_review(project, package_copy):
    site_yaml = project / "content" / "editorial" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "\nreview_below: 0.99\n", encoding="utf-8")
    with serving([str(EXPLAINER), "serve"], project, package_copy) as server:
        page = html.unescape(server.fetch("review/"))
        assert "Only the preview shows this page" in page
        assert "people · eleni-kosta" in page and "confidence 0.98 is below review_below 0.99" in page
        # The passage marked in its sentence, with the sentences around it and its article.
        assert ("Leaders of Malta, Italy, Greece, Cyprus and Croatia met in Valletta for the talks. <mark>Italian "
                "Defence Minister Paolo Ricci and Greek Foreign Minister Eleni Kosta attended the summit.</mark>") in page
        assert "explainer review --confirm people:eleni-kosta" in page
        assert "confirm:\n- eleni-kosta\n" in page
        assert 'href="review/"' in server.fetch() or 'href="./review/"' in server.fetch()

        seen = server.output().count("Building documentation")
        result = CliRunner().invoke(main, ["--project", str(project), "review", "--confirm", "people:eleni-kosta"])
        assert result.exit_code == 0, result.output
        deadline = time.monotonic() + RELOAD_SECONDS
        while "people · eleni-kosta" in html.unescape(server.fetch("review/")):
            assert time.monotonic() < deadline, "the confirmed fact stayed in the queue"
            time.sleep(0.5)
        assert server.output().count("Building documentation") > seen

    assert CliRunner().invoke(main, ["--project", str(project), "build"]).exit_code == 0
    assert not (project / "site" / "review").exists()
    assert "review/" not in (project / "site" / "index.html").read_text(encoding="utf-8")
