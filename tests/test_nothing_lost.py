"""Editors never lose work and readers never see half a site (rules 2, 3 and 4 of docs/DESIGN.md).

Re-extraction leaves content/editorial/ alone and the editors' overrides keep applying; an
`extract` or `build` killed at any moment leaves the old output or the new, whole; the same
inputs build the same bytes, dated by SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.reader import load_facts

FIXTURE = Path(__file__).parent / "fixtures" / "harbour"
EXPLAINER = Path(sys.executable).parent / "explainer"
SUMMIT_EVENT = "2024-06-11-maltese-prime-minister-carmen-vella"
REJECTED_QUOTE = "carmen-vella-this-is-our-sea-and-it"
NEW_ARTICLE = """Cyprus joins the harbour patrols

Cypriot Defence Minister Andreas Pavlou said on 20 June 2024 that Cyprus would send two ships.
"""
EDITORIAL = {
    "people.yaml": """fix:
  carmen-vella:
    role: Prime Minister of Malta
add:
  - id: lena-farrugia
    name: Lena Farrugia
    role: Reporter
    evidence:
      - source: harbour-summit
        quote: By Lena Farrugia
""",
    "quotes.yaml": f"reject:\n  {REJECTED_QUOTE}: a second quote says the same\n",
    "events.yaml": f"fix:\n  {SUMMIT_EVENT}:\n    title: Valletta summit\n",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path: equal snapshots mean identical bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def restore(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def explainer(project: Path, *arguments: str):
    return CliRunner().invoke(main, ["--project", str(project), *arguments], catch_exceptions=False)


def leftovers(project: Path) -> list[str]:
    """Staging or backup folders a run left beside its output."""
    return sorted(path.name for folder in (project, project / "content") for path in folder.iterdir()
                  if re.match(r"\.(site|extracted)\.", path.name))


@pytest.fixture
def project(tmp_path) -> Path:
    project = tmp_path / "harbour"
    shutil.copytree(FIXTURE, project)
    assert explainer(project, "extract").exit_code == 0
    return project


def test_re_extraction_leaves_editorial_work_alone(project):
    editorial = project / "content" / "editorial"
    for name, text in EDITORIAL.items():
        (editorial / name).write_text(text, encoding="utf-8")
    before = snapshot(editorial)
    new_article = project / "seeds" / "cyprus-joins.txt"
    changes: list[Callable[[], object]] = [
        lambda: None,
        lambda: None,
        lambda: new_article.write_text(NEW_ARTICLE, encoding="utf-8"),
        new_article.unlink,
    ]
    for change in changes:
        change()
        result = explainer(project, "extract")
        assert result.exit_code == 0, result.output
        assert snapshot(editorial) == before
        facts = load_facts(project)
        people = {person.id: person for person in facts.people}
        assert people["carmen-vella"].role == "Prime Minister of Malta"
        assert people["lena-farrugia"].evidence[0].quote == "By Lena Farrugia"
        assert REJECTED_QUOTE not in {quote.id for quote in facts.quotes}
        assert {event.id: event.title for event in facts.events}[SUMMIT_EVENT] == "Valletta summit"
        assert ("andreas-pavlou" in people) == new_article.exists()


def run_and_kill(project: Path, command: str, kill_at: float | str) -> None:
    """Run `explainer <command>` and SIGKILL it, with the processes it started, `kill_at`
    seconds after the start or as soon as a new folder named `kill_at`* appears beside its
    output; a run that finishes first is left to finish."""
    folder = project / ("content" if command == "extract" else "")
    existing = set(folder.iterdir())
    started = time.monotonic()

    def moment() -> bool:
        if isinstance(kill_at, str):
            return any(path.name.startswith(kill_at) for path in set(folder.iterdir()) - existing)
        return time.monotonic() - started >= kill_at

    process = subprocess.Popen([str(EXPLAINER), "--project", str(project), command], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and not moment():
            time.sleep(0.0005)  # the staging folder lives for milliseconds
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_killed_extract_leaves_the_old_machine_layer_or_the_new(project):
    extracted = project / "content" / "extracted"
    old = snapshot(extracted)
    (project / "seeds" / "cyprus-joins.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    outcomes = []
    for kill_at in (".extracted.new-", 0.4, 0.9, ".extracted.new-"):
        restore(extracted, old)
        run_and_kill(project, "extract", kill_at)
        outcomes.append(snapshot(extracted))

    result = explainer(project, "extract")
    assert result.exit_code == 0, result.output
    new = snapshot(extracted)
    assert new != old and "andreas-pavlou" in new["people.yaml"].decode()
    for outcome in outcomes:
        assert outcome in (old, new), sorted(set(outcome.items()) ^ set(new.items()))[:2]
    assert leftovers(project) == []


def test_a_run_with_nothing_to_write_clears_what_a_killed_run_left(project):
    # Killed after it swapped the new layer in but while removing the old copy, a run leaves
    # that copy behind with the layer already current: the next run has nothing to write.
    ended = subprocess.Popen(["true"])
    ended.wait()
    (project / "content" / f".extracted.new-{ended.pid}-abc").mkdir()
    before = snapshot(project / "content" / "extracted")
    assert explainer(project, "extract").exit_code == 0
    assert snapshot(project / "content" / "extracted") == before
    assert leftovers(project) == []


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid` and that have not ended (zombies excluded)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                children.add(int(stat.parent.name))
    return children


def running(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or len(os.sched_getaffinity(0)) < 2,
                    reason="worker processes need two cores; /proc lists them")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_extract_stopped_alone_leaves_no_worker_process_behind(project, stop):
    # Several new articles are parsed in worker processes. A signal to `extract` alone (not to
    # its process group, as Ctrl-C sends it) must end them too: left behind, each would wait for
    # work forever.
    for index in range(6):
        (project / "seeds" / f"cyprus-{index}.txt").write_text(NEW_ARTICLE * 40, encoding="utf-8")
    process = subprocess.Popen([str(EXPLAINER), "--project", str(project), "extract"], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while not workers and process.poll() is None and time.monotonic() < deadline:
            workers = children_of(process.pid)
            time.sleep(0.01)
        assert workers, "the articles were parsed before any worker process was seen"
        os.kill(process.pid, stop)
        process.wait(timeout=60)
        deadline = time.monotonic() + 10
        while running(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running(workers) == set()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_killed_or_failed_build_keeps_the_previous_site(project):
    site = project / "site"
    assert explainer(project, "build").exit_code == 0
    old = snapshot(site)

    # Broken YAML fails the content check; a strict-mode warning fails MkDocs itself.
    breakages = {project / "content" / "editorial" / "events.yaml": ("fix: [\n", "events.yaml:2:1: "),
                 project / "content" / "pages" / "extra.md": ("[gone](missing.md)\n", "missing.md")}
    for path, (text, message) in breakages.items():
        path.write_text(text, encoding="utf-8")
        failed = explainer(project, "build")
        assert failed.exit_code == 1
        assert message in failed.stderr and failed.stderr.splitlines()[-1] == "The site was not changed."
        assert snapshot(site) == old and leftovers(project) == []
        path.unlink()

    # Killed while MkDocs writes the new site, and at moments before and after.
    (project / "content" / "editorial" / "people.yaml").write_text(
        "fix:\n  carmen-vella:\n    role: Prime Minister of the Republic of Malta\n", encoding="utf-8")
    outcomes = []
    for kill_at in (".site.new-", 0.6, 1.2):
        restore(site, old)
        run_and_kill(project, "build", kill_at)
        outcomes.append(snapshot(site))
    assert explainer(project, "build").exit_code == 0
    new = snapshot(site)
    assert b"of the Republic of Malta" in new["people/carmen-vella/index.html"]
    assert all(outcome in (old, new) for outcome in outcomes)
    assert leftovers(project) == []


def build_bytes(project: Path, site: Path, epoch: int | None = None) -> dict[str, bytes]:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run([str(EXPLAINER), "--project", str(project), "build", "--site-dir", str(site)],
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return snapshot(site)


def sitemap_dates(files: dict[str, bytes]) -> set[str]:
    """The lastmod dates of the sitemap, and the date stamped in its gzip header."""
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    stamp = int.from_bytes(files["sitemap.xml.gz"][4:8], "little")
    return set(re.findall(r"<lastmod>(.*?)</lastmod>", files["sitemap.xml"].decode())) | {
        dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()}


def test_same_inputs_same_bytes_dated_by_the_articles(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://example.org/harbour/\n",
                      encoding="utf-8")
    first = build_bytes(project, tmp_path / "one")
    assert first == build_bytes(project, tmp_path / "two")
    # Unset, the date is that of the newest article (harbour-followup, 14 June 2024), not today.
    assert sitemap_dates(first) == {"2024-06-14"}

    umask = os.umask(0o022)
    os.umask(umask)
    readable = [tmp_path / "one", *(tmp_path / "one").rglob("*"), project / "content" / "extracted",
                *(project / "content" / "extracted").iterdir()]
    assert {oct(path.stat().st_mode & 0o777) for path in readable} == {
        oct(0o777 & ~umask), oct(0o666 & ~umask)}, "output as readable as any other file"

    # The sitemap dates each page by the articles it draws on, so a build on another day, or
    # with another SOURCE_DATE_EPOCH, writes the same dates.
    dated = build_bytes(project, tmp_path / "three", epoch=calendar.timegm(dt.date(2030, 1, 2).timetuple()))
    assert sitemap_dates(dated) == {"2024-06-14"}
    assert dated == first
