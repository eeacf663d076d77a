"""An explainer project on disk: where its parts live, and how a new one is made."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

CONFIG_NAME = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: Path) -> "Project":
        """The project in `root`, which must be one (given with --project, it is not searched for)."""
        if not (root / CONFIG_NAME).is_file():
            raise FileNotFoundError(f"no {CONFIG_NAME} in {root}; pass the folder of an explainer "
                                    "project (`explainer new DIR` makes one)")
        return cls(root)

    @classmethod
    def find(cls, start: Path) -> "Project":
        """The project holding `start`: the nearest folder upwards with an mkdocs.yml."""
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / CONFIG_NAME).is_file():
                return cls(folder)
        raise FileNotFoundError(
            f"no {CONFIG_NAME} in {start} or above; run inside an explainer project "
            "or pass --project DIR"
        )

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def extracted_dir(self) -> Path:
        return self.content_dir / "extracted"

    @property
    def editorial_dir(self) -> Path:
        return self.content_dir / "editorial"

    @property
    def schema_dir(self) -> Path:
        """JSON Schemas of the content files, for editors' tools; see generator/schemas.py."""
        return self.content_dir / "schema"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "extract"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


def scaffold_dir() -> Path:
    return Path(str(files("generator") / "scaffold"))


def new_project(target: Path, title: str) -> Project:
    """Copy the scaffold into an empty (or missing) folder, set the site title and write the
    content files' schemas (generated, so the scaffold holds no copy to go stale)."""
    from .schemas import write_schemas

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
