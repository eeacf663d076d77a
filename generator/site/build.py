"""Running MkDocs for a project: an atomic build, and the live preview.

MkDocs runs in a child process so that only the plugin module imports it (rule 8 of docs/DESIGN.md),
and so a crash in a build can never leave half a site in place: the site is built into a
staging folder beside the target and swapped in only when the build succeeded.

The swap replaces the target folder whole, so the target is checked first: a build only
ever replaces a folder that an earlier build made (it carries `SITE_MARK`), an empty folder
or nothing. The project, its parents and the folders editors and articles live in are never
a site, marked or not.

The command has read and checked the content before MkDocs starts, and the child renders those
same facts rather than reading the content again: they reach it as a snapshot (pydantic's JSON
of the checked `Facts`) in a staging folder named by `FACTS_SNAPSHOT`. `mkdocs build` and
`mkdocs serve` run on their own have no snapshot, and the plugin reads the content itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.files.atomic import staging_dir, swap_in
from generator.model.errors import describe_os_error
from generator.model.facts import Facts
from generator.files.project import Project


# Written into every site a build makes; only a folder holding it may be replaced by a build.
SITE_MARK = ".explainer-site"
# Sites built before the mark existed are recognised by the open-data files every build writes.
_UNMARKED_SITE = ("index.html", "data/facts.json", "data/facts.schema.json")


# The environment variable that names the snapshot of the checked facts for the MkDocs child.
FACTS_SNAPSHOT = "EXPLAINER_FACTS_SNAPSHOT"
_SNAPSHOT_FILE = "facts.json"


class BuildFailed(Exception):
    pass


class FactsSnapshot(BaseModel):
    """The facts `explainer build` checked, and the project they were read from."""

    project: str    # the project folder, resolved
    facts: Facts


def write_snapshot(folder: Path, project: Project, facts: Facts) -> Path:
    path = folder / _SNAPSHOT_FILE
    snapshot = FactsSnapshot(project=str(project.root.resolve()), facts=facts)
    path.write_text(snapshot.model_dump_json(), encoding="utf-8")
    return path


def snapshot_facts(project_dir: Path, kinds: list[str]) -> Facts | None:
    """The facts the command checked for this project and these kinds, or None when the
    environment names no snapshot or one made for another project or other kinds (then the
    content is read as usual). A snapshot that cannot be read is an error: the command that
    named it is waiting for this build."""
    named = os.environ.get(FACTS_SNAPSHOT)
    if not named:
        return None
    try:
        snapshot = FactsSnapshot.model_validate_json(Path(named).read_bytes())
    except OSError as error:
        raise BuildFailed(f"cannot read the checked facts at {named}: {describe_os_error(error)}") from error
    except ValidationError as error:
        raise BuildFailed(f"the checked facts at {named} are not a snapshot of facts: {error}") from error
    if snapshot.project != str(Path(project_dir).resolve()) or snapshot.facts.kinds != kinds:
        return None
    return snapshot.facts


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
    # Material's end-of-life banner says nothing about the project; keep the output ours. A
    # snapshot is only ever named for the one build made of it: a preview reads the content.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop(FACTS_SNAPSHOT, None)
    return environment


def mkdocs_command(project: Project, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments, "--config-file", str(project.config_file)]


def build_site(project: Project, target: Path, facts: Facts) -> None:
    """Build the site of these checked facts into `target`, swapped in only when MkDocs succeeded."""
    check_site_target(project, target)
    staging = snapshot_folder = None
    try:
        # A staging folder of its own, so the snapshot never reaches the site, and a killed
        # build's snapshot is cleared by the next build like its half-built site.
        snapshot_folder = staging_dir(target)
        environment = {**reproducible_environment(facts),
                       FACTS_SNAPSHOT: str(write_snapshot(snapshot_folder, project, facts))}
        staging = staging_dir(target)
        result = subprocess.run(
            mkdocs_command(project, "build", "--site-dir", str(staging)),
            cwd=project.root, env=environment, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise BuildFailed(f"cannot build the site: {_mkdocs_failure(result.stderr or result.stdout)}")
        (staging / SITE_MARK).write_text("Made by `explainer build`; a later build may replace this folder.\n",
                                         encoding="utf-8")
        swap_in(staging, target)
        staging = None
    except OSError as error:
        raise BuildFailed(f"cannot write the site to {target}: {describe_os_error(error)}") from error
    finally:
        for folder in (staging, snapshot_folder):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)


_OS_ERROR = re.compile(r"\[Errno (\d+)\] ([^:\n]+)(?::\s*'([^'\n]*)')?")


def _mkdocs_failure(output: str) -> str:
    """MkDocs' own message; a system error in the child (a full disk) in the user's words."""
    system = _OS_ERROR.search(output)
    if system:
        return describe_os_error(OSError(int(system.group(1)), system.group(2), system.group(3)))
    lines = [line for line in output.strip().splitlines() if line.strip()]
    if any(line.startswith("Traceback (most recent call last)") for line in lines):
        return lines[-1].strip()
    return "\n".join(lines)


def serve_site(project: Project, dev_addr: str) -> int:
    return subprocess.call(mkdocs_command(project, "serve", "--dev-addr", dev_addr), cwd=project.root,
                           env=quiet_environment())
