"""Building a project's site atomically, and the live preview.

A build writes the site into a staging folder beside the target and swaps it in only when MkDocs
succeeded, so a failed or killed build never leaves half a site in place.

The swap replaces the target folder whole, so the target is checked first: a build only
ever replaces a folder that an earlier build made (it carries `SITE_MARK`), an empty folder
or nothing. The project, its parents and the folders editors and articles live in are never
a site, marked or not.

MkDocs itself runs in the command's process, through the function the plugin module offers (only
that module knows MkDocs: rule 8 of docs/DESIGN.md), and renders the facts the command has just
read and checked, so a build reads the content once and starts Python once. `mkdocs build` and
`mkdocs serve` run on their own read the content themselves.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.files.atomic import staging_dir, swap_in
from generator.model.errors import describe_os_error
from generator.model.facts import Facts
from generator.files.project import Project


# Written into every site a build makes; only a folder holding it may be replaced by a build.
SITE_MARK = ".explainer-site"
# Sites built before the mark existed are recognised by the open-data files every build writes.
_UNMARKED_SITE = ("index.html", "data/facts.json", "data/facts.schema.json")


class BuildFailed(Exception):
    pass


# Builds a project's site, given its mkdocs.yml, the folder to write and the checked facts.
MkDocsBuild = Callable[[Path, Path, Facts], None]


def check_site_target(project: Project, target: Path) -> None:
    """Refuse a target the swap must not replace; raise BuildFailed naming it and why."""
    target = Path(os.path.abspath(target))
    resolved, root = target.resolve(), project.root.resolve()
    if resolved == root or resolved in root.parents:
        raise BuildFailed(f"--site-dir {target} is the project or a folder holding it; a build replaces "
                          "its site folder whole, so give a folder of its own, such as site/")
    for keep in (project.content_dir, project.seeds_dir, project.root / ".git"):
        keep = keep.resolve()
        if resolved == keep or keep in resolved.parents:
            raise BuildFailed(f"--site-dir {target} is {keep.relative_to(root)}/ or inside it, where the project "
                              "keeps its own files; build the site somewhere else, such as site/")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise BuildFailed(f"{target} exists and is not a folder; move it away or choose another --site-dir")
    if target.is_dir() and any(target.iterdir()) and not is_built_site(target):
        raise BuildFailed(f"{target} holds files that no explainer build made; a build would replace them, "
                          "so empty or remove the folder, or choose another --site-dir")


def is_built_site(folder: Path) -> bool:
    return (folder / SITE_MARK).is_file() or all((folder / name).is_file() for name in _UNMARKED_SITE)


@contextlib.contextmanager
def reproducible_time(facts: Facts) -> Iterator[None]:
    """Pin build timestamps to the newest source date while MkDocs builds, so the same inputs
    give the same bytes; a `SOURCE_DATE_EPOCH` the user set wins."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    newest = max((s.published for s in facts.sources if s.published and len(s.published) == 10),
                 default="1970-01-01")
    moment = dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(moment.utctimetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def build_site(project: Project, target: Path, facts: Facts, mkdocs_build: MkDocsBuild) -> None:
    """Build the site of these checked facts into `target`, swapped in only when MkDocs succeeded."""
    check_site_target(project, target)
    staging = None
    try:
        staging = staging_dir(target)
        with reproducible_time(facts):
            mkdocs_build(project.config_file, staging, facts)
        (staging / SITE_MARK).write_text("Made by `explainer build`; a later build may replace this folder.\n",
                                         encoding="utf-8")
        swap_in(staging, target)
        staging = None
    except OSError as error:
        raise BuildFailed(f"cannot write the site to {target}: {describe_os_error(error)}") from error
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def serve_site(project: Project, dev_addr: str) -> int:
    # Material's end-of-life banner says nothing about the project; keep the output ours.
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr, "--config-file",
               str(project.config_file)]
    return subprocess.call(command, cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
