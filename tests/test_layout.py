"""The house: each folder of `generator/` is one stage of the flow, and imports only point down."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.model.kinds import STORY_KINDS

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
# Stage of each folder (or top-level module); a module may import its own stage and those below.
STAGES = {"model": 0, "files": 1, "content": 2, "extract": 3, "site": 3, "evaluation": 4, "cli": 5, "plugin": 5}
# Side by side: extraction and the site never need each other.
APART = {frozenset({"extract", "site"})}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import; the house uses absolute ones"
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def modules() -> dict[str, Path]:
    return {".".join(("generator", *path.relative_to(PACKAGE).with_suffix("").parts)): path
            for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}


def test_every_module_lives_in_a_stage():
    assert {stage_of(name) for name in modules()} <= set(STAGES)


def test_imports_only_point_down():
    upward = []
    for name, path in modules().items():
        own = stage_of(name)
        for imported in imports(path):
            if not imported.startswith("generator.") or stage_of(imported) not in STAGES:
                continue
            other = stage_of(imported)
            if STAGES[other] > STAGES[own] or (other != own and frozenset({own, other}) in APART):
                upward.append(f"{name} imports {imported}")
    assert upward == []


def test_only_the_plugin_imports_mkdocs():
    users = {name for name, path in modules().items()
             if any(module == "mkdocs" or module.startswith("mkdocs.") for module in imports(path))}
    assert users == {"generator.plugin"}


def test_module_names_say_what_they_are():
    # A story kind has a module named for it at each stage, in that stage's kinds/ folder;
    # every other module's name is unique in the package.
    names = [path.stem for path in PACKAGE.rglob("*.py") if path.name != "__init__.py" and path.parent.name != "kinds"]
    assert "pipeline" not in names and "utils" not in names and "helpers" not in names
    assert len(names) == len(set(names)), "two modules of one name"
    for folder in PACKAGE.rglob("kinds"):
        if folder.is_dir():
            assert {path.stem for path in folder.glob("*.py")} - {"__init__"} <= set(STORY_KINDS), folder


# Words of the first story. A generic module that uses them speaks of one story to all others.
STORY_WORDS = re.compile(r"coalition|ukrain|summit|pledge|troop", re.I)


def _story_kind_file(path: Path) -> bool:
    """A story kind's own module or template, where its words belong."""
    return path.parent.name == "kinds" or path.stem.split(".")[0] in {"pledges", "precedents", "plan"}


# Knowledge is data about the world and English, for every story: the countries (where
# "Ukrainian" is a demonym) and the nouns of meetings and joint efforts ("summit", "coalition");
# and measurement: each rule's precision on the annotated sets, the story kinds' rules among them.
KNOWLEDGE = {PACKAGE / "extract" / "involvement.yaml", PACKAGE / "extract" / "calibration.yaml"}


def test_only_story_kinds_speak_of_one_story():
    theme = PACKAGE.parent / "theme"
    files = [path for folder in (PACKAGE, theme) for path in folder.rglob("*")
             if path.is_file() and path.suffix in {".py", ".j2", ".html", ".css", ".js", ".yaml", ".yml"}
             and not _story_kind_file(path) and path not in KNOWLEDGE]
    speaking = [f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
                for path in files for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if STORY_WORDS.search(line)]
    assert speaking == []
