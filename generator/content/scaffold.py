"""A new explainer project: the scaffold copied into place, titled, with its content schemas."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

from collections.abc import Iterable

from generator.content.schemas import write_schemas
from generator.model.facts import project_kinds
from generator.model.kinds import STORY_KINDS
from generator.files.project import Project


def scaffold_dir() -> Path:
    return Path(str(files("generator") / "scaffold"))


def new_project(target: Path, title: str, kinds: Iterable[str] = ()) -> Project:
    """Copy the scaffold into an empty (or missing) folder, set the site title and the story
    kinds, and write the content files' schemas (generated, so the scaffold holds no copy to
    go stale)."""
    kinds = list(kinds)
    unknown = [kind for kind in kinds if kind not in STORY_KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r}; the kinds are {', '.join(STORY_KINDS)}")
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty; choose a new folder")
    shutil.copytree(scaffold_dir(), target, dirs_exist_ok=True)
    # Package data leaves out dotfiles and empty folders, so the scaffold names them plainly.
    (target / "gitignore").rename(target / ".gitignore")
    project = Project(target)
    for folder in (project.seeds_dir, project.extracted_dir, project.content_dir / "pages"):
        folder.mkdir(parents=True, exist_ok=True)
    for path in (project.config_file, project.editorial_dir / "site.yaml"):
        # A JSON string is a valid YAML scalar, whatever the title holds.
        text = path.read_text(encoding="utf-8").replace("{{ title }}", json.dumps(title))
        # A YAML flow list of the kinds, in STORY_KINDS order: `[]` for none.
        text = text.replace("{{ kinds }}", "[" + ", ".join(k for k in STORY_KINDS if k in kinds) + "]")
        text = text.replace("{{ story_kinds }}", ", ".join(STORY_KINDS))
        path.write_text(text, encoding="utf-8")
    write_schemas(project.schema_dir, project_kinds(kinds))
    return project
