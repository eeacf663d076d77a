"""An explainer project on disk: where its parts live."""

from __future__ import annotations

from dataclasses import dataclass
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
        """JSON Schemas of the content files, for editors' tools; see generator/content/schemas.py."""
        return self.content_dir / "schema"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache" / "extract"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"
