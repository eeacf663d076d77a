"""The editors' guide, docs/editors.md: its field tables are the models', and it is linked.

The tables between `<!-- fields: Model -->` and `<!-- /fields -->` are generated from the
field types and descriptions in generator/facts.py (the same descriptions VS Code shows from
the schemas). After changing a model, refresh them with
`EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_docs.py` and review the diff.
"""

from __future__ import annotations

import os
import re
import types
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.model.facts import DATE_PATTERN, ID_PATTERN, PartialDate, SiteText
from generator.content.schemas import EDITORIAL_SECTIONS, RECORD_TYPES

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "editors.md"
TABLE = re.compile(r"(<!-- fields: (\w+) -->\n).*?(<!-- /fields -->)", re.DOTALL)
SCALARS = {str: "text", int: "whole number", float: "number", bool: "`true` or `false`"}


def documented_models() -> dict[str, type[BaseModel]]:
    """Every model an editor writes, nested ones included, by name."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[typing.Any] = [*RECORD_TYPES.values(), SiteText]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                pending.extend(info.annotation for info in annotation.model_fields.values())
        else:
            pending.extend(typing.get_args(annotation))
    return found


def type_label(annotation: typing.Any, info: FieldInfo | None = None) -> str:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        label = " or ".join(type_label(argument, info) for argument in arguments if argument is not type(None))
        return f"{label}, or empty" if type(None) in arguments else label
    if origin is list:
        return f"list of {type_label(arguments[0])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{argument}`" for argument in arguments)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if annotation == PartialDate:
        return "date"
    patterns = {getattr(item, "pattern", None) for item in (info.metadata if info else [])}
    if annotation is str and DATE_PATTERN in patterns:
        return "date"
    if annotation is str and ID_PATTERN in patterns:
        return "id"
    return SCALARS[annotation]


def field_table(model: type[BaseModel]) -> str:
    rows = ["| field | required | type | meaning |", "| --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        required = "yes" if info.is_required() else "no"
        meaning = (info.description or "").replace("<", "&lt;")  # Markdown would read <name> as HTML
        rows.append(f"| `{name}` | {required} | {type_label(info.annotation, info)} | {meaning} |")
    return "\n".join(rows) + "\n"


def generated(text: str) -> str:
    models = documented_models()
    return TABLE.sub(lambda match: match[1] + field_table(models[match[2]]) + match[3], text)


def test_the_guide_documents_every_model_with_its_current_fields():
    text = GUIDE.read_text(encoding="utf-8")
    if os.environ.get("EXPLAINER_UPDATE_GOLDEN"):
        GUIDE.write_text(generated(text), encoding="utf-8")
        text = GUIDE.read_text(encoding="utf-8")
    assert sorted(match[2] for match in TABLE.finditer(text)) == sorted(documented_models())
    assert text == generated(text), "refresh with EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_the_guide_names_every_file_and_section():
    text = GUIDE.read_text(encoding="utf-8")
    for kind in RECORD_TYPES:
        assert f"`{kind}`" in text
    for section in EDITORIAL_SECTIONS:
        assert f"### `{section}`" in text
    for command in ("extract", "check", "serve", "build"):
        assert f"explainer {command}" in text


def test_the_readme_links_the_guide():
    assert "(docs/editors.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
