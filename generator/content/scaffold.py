"""A new explainer project: the scaffold copied into place, titled, with its content schemas."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

from generator.content.schemas import write_schemas
from generator.files.project import Project


def scaffold_dir() -> Path:
    return Path(str(files("generator") / "scaffold"))


def new_project(target: Path, title: str) -> Project:
    """Copy the scaffold into an empty (or missing) folder, set the site title and write the
    content files' schemas (generated, so the scaffold holds no copy to go stale)."""
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
        path.write_text(text, encoding="utf-8")
    write_schemas(project.schema_dir)
    return project
