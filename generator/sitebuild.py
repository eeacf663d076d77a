"""Running MkDocs for a project: an atomic build, and the live preview.

MkDocs runs in a child process so that only the plugin module imports it (DESIGN rule 8),
and so a crash in a build can never leave half a site in place: the site is built into a
staging folder beside the target and swapped in only when the build succeeded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .atomic import staging_dir, swap_in
from .facts import Facts
from .project import Project


class BuildFailed(Exception):
    pass


def reproducible_environment(facts: Facts) -> dict[str, str]:
    """Pin build timestamps to the newest source date, so the same inputs give the same bytes."""
    environment = quiet_environment()
    if "SOURCE_DATE_EPOCH" not in environment:
        newest = max((s.published for s in facts.sources if s.published and len(s.published) == 10),
                     default="1970-01-01")
        moment = dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc)
        environment["SOURCE_DATE_EPOCH"] = str(calendar.timegm(moment.utctimetuple()))
    return environment


def quiet_environment() -> dict[str, str]:
    # Material's end-of-life banner says nothing about the project; keep the output ours.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_command(project: Project, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments, "--config-file", str(project.config_file)]


def build_site(project: Project, target: Path, facts: Facts) -> None:
    staging = staging_dir(target)
    result = subprocess.run(
        mkdocs_command(project, "build", "--site-dir", str(staging)),
        cwd=project.root, env=reproducible_environment(facts),
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"mkdocs build failed:\n{result.stderr.strip() or result.stdout.strip()}")
    swap_in(staging, target)


def serve_site(project: Project, dev_addr: str) -> int:
    return subprocess.call(mkdocs_command(project, "serve", "--dev-addr", dev_addr), cwd=project.root,
                           env=quiet_environment())
