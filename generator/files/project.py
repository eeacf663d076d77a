"""An explainer project on disk: where its parts live, and the options it sets for the
`explainer` plugin in mkdocs.yml.

The command line must know a project's kinds without importing MkDocs (only the plugin
module does), so `read_options` reads the plugin's options itself. MkDocs validates the same
options when it builds (generator/plugin.py); both accept exactly the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model.errors import ContentError, Problem
from generator.model.kinds import STORY_KINDS

CONFIG_NAME = "mkdocs.yml"
PLUGIN_NAME = "explainer"


@dataclass(frozen=True)
class ProjectOptions:
    """The `explainer` plugin's options, as mkdocs.yml sets them."""

    kinds: tuple[str, ...] = ()            # story kinds switched on, in STORY_KINDS order
    templates: Path | None = None          # the project's own page templates, searched first


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs or its extensions (`!!python/name:...` for
    pymdownx, `!ENV`): they mean nothing to the options read here, so each becomes None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_options(config_file: Path) -> tuple[ProjectOptions, list[Problem]]:
    """The plugin's options and every problem with them, each at its line and column."""
    try:
        text = config_file.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError) as error:
        return ProjectOptions(), [Problem(config_file, 1, 1, f"cannot read it: {error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return ProjectOptions(), [Problem(config_file, line, column, f"not valid YAML: {getattr(error, 'problem', error)}")]
    options = _plugin_options(root)
    if options is None:
        return ProjectOptions(), []
    problems: list[Problem] = []

    def problem(node: yaml.Node, message: str) -> None:
        problems.append(Problem(config_file, node.start_mark.line + 1, node.start_mark.column + 1, message))

    kinds: list[str] = []
    templates: Path | None = None
    for key_node, value_node in options.value:
        key = key_node.value
        value = _value(value_node)
        if key == "kinds":
            if not isinstance(value_node, yaml.SequenceNode):
                problem(value_node, f"'kinds' under plugins: {PLUGIN_NAME} must be a list of kinds: "
                                    f"{', '.join(STORY_KINDS)}")
                continue
            for item in value_node.value:
                name = _value(item)
                if name not in STORY_KINDS:
                    problem(item, f"unknown kind {name!r} under plugins: {PLUGIN_NAME}: kinds; "
                                  f"the kinds are {', '.join(STORY_KINDS)}")
                elif name not in kinds:
                    kinds.append(name)
        elif key == "templates":
            if not isinstance(value, str) or not value:
                problem(value_node, f"'templates' under plugins: {PLUGIN_NAME} must be a folder of the project")
                continue
            templates = (config_file.parent / value)
            if not templates.is_dir():
                problem(value_node, f"templates folder '{value}' does not exist")
                templates = None
    ordered = tuple(kind for kind in STORY_KINDS if kind in kinds)
    return ProjectOptions(kinds=ordered, templates=templates), problems


def _value(node: yaml.Node):
    """A node's plain value; tags MkDocs' extensions use become None."""
    return _TolerantLoader("").construct_object(node, deep=True)


def _plugin_options(root: yaml.Node | None) -> yaml.MappingNode | None:
    """The mapping under `plugins: - explainer:`, or None when the plugin takes no options."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key_node, value_node in root.value:
        if key_node.value != "plugins":
            continue
        # MkDocs takes `plugins` as a list (`- explainer`, `- explainer: {...}`) or a mapping.
        entries = value_node.value if isinstance(value_node, (yaml.SequenceNode, yaml.MappingNode)) else []
        for entry in entries:
            pairs = [entry] if isinstance(value_node, yaml.MappingNode) else \
                (entry.value if isinstance(entry, yaml.MappingNode) else [])
            for name_node, options in pairs:
                if name_node.value == PLUGIN_NAME and isinstance(options, yaml.MappingNode):
                    return options
    return None


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

    def options(self) -> ProjectOptions:
        """The plugin's options; a ContentError naming each problem if any is wrong."""
        options, problems = read_options(self.config_file)
        if problems:
            raise ContentError(problems, relative_to=self.root)
        return options

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
    def changes_file(self) -> Path:
        """What the last extraction that changed anything changed (generator/extract/changes.py)."""
        return self.root / ".cache" / "changes.json"

    @property
    def patterns_cache_dir(self) -> Path:
        """The extraction rules' compiled regular expressions, kept between runs."""
        return self.root / ".cache" / "patterns"

    @property
    def templates_cache_dir(self) -> Path:
        """Compiled page and theme templates, kept between builds."""
        return self.root / ".cache" / "templates"

    @property
    def map_cache_dir(self) -> Path:
        """The map's outlines as drawn for the countries involved, kept between builds."""
        return self.root / ".cache" / "map"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"
