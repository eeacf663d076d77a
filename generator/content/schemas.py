"""The shape of every file in content/, as models, and the JSON Schemas generated from them.

Editors' tools read the schemas: VS Code with Red Hat's YAML extension validates and
autocompletes a YAML file against the schema named on its first line (`modeline`). `explainer
new` and `explainer extract` write them to content/schema/, which mirrors content/
(content/editorial/people.yaml is described by content/schema/editorial/people.schema.json),
so they follow the models without anyone editing them. `explainer check` stays the authority:
a schema sees one file, not whether an id exists elsewhere or a quote is verbatim.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.fields import FieldInfo

from generator.files.atomic import replace_folder
from generator.files.jsonfile import to_json
from generator.model.facts import FACT_TYPES, SiteText
from generator.model.records import Id, Record, Source

# Every kind of record with a file in both layers, keyed by the file's stem.
RECORD_TYPES: dict[str, type[Record]] = {"sources": Source, **FACT_TYPES}
EDITORIAL_SECTIONS = ("confirm", "fix", "reject", "add", "fixed_from")  # the fields of `editorial_file`, in order
EXTRACTOR = "extractor"  # with the kind's name, the fields of `extracted_file`
# The YAML extension implements draft-07 and warns about schemas that declare a newer one.
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"


def _without_defaults(schema: dict[str, Any]) -> None:
    # Editors' tools insert a field's default when completing it; a fix has none to offer.
    for field_schema in schema.get("properties", {}).values():
        field_schema.pop("default", None)


class _Fix(Record):
    model_config = ConfigDict(json_schema_extra=_without_defaults)


@functools.cache
def fix_entry(model: type[Record]) -> type[Record]:
    """One entry under `fix`: any of the record's fields, none required. The id is the entry's
    key and cannot change, so it is not a field."""
    fields: dict[str, Any] = {
        name: (info.annotation, FieldInfo.merge_field_infos(info, default=None, default_factory=None))
        for name, info in model.model_fields.items() if name != "id"
    }
    return create_model(f"{model.__name__}Fix", __base__=_Fix, __doc__=(
        f"Corrected fields of one {model.__name__.lower()}; the fields left out stay as extracted."
    ), **fields)


@functools.cache
def extracted_file(kind: str) -> type[Record]:
    fields: dict[str, Any] = {
        EXTRACTOR: (str | None, Field(default=None, description="Version of the extractor that wrote the file.")),
        kind: (list[RECORD_TYPES[kind]], Field(default_factory=list, description=f"The {kind} extracted.")),
    }
    return create_model(f"Extracted{kind.title()}", __base__=Record, __doc__=(
        f"content/extracted/{kind}.yaml, written by `explainer extract`. Do not edit it: "
        f"confirm, fix, reject or add facts in content/editorial/{kind}.yaml."
    ), **fields)


@functools.cache
def editorial_file(kind: str) -> type[Record]:
    model = RECORD_TYPES[kind]
    fields: dict[str, Any] = {
        "confirm": (list[Id], Field(default_factory=list, description=(
            "Ids of facts that are right as extracted; the site marks them as reviewed."))),
        "fix": (dict[Id, fix_entry(model)], Field(default_factory=dict, description=(
            "Corrections by id: only the fields that change; the rest stays as extracted."))),
        "reject": (dict[Id, str | None], Field(default_factory=dict, description=(
            "Ids of facts not to publish, each with the reason."))),
        "add": (list[model], Field(default_factory=list, description=(
            "Facts extraction missed, each with its own evidence."))),
        "fixed_from": (dict[Id, dict[str, Any]], Field(default_factory=dict, description=(
            "What extraction gave for each fixed field when the fix was written (null: no value), "
            "by id; `explainer review` writes it."))),
    }
    return create_model(f"Editorial{kind.title()}", __base__=Record, __doc__=(
        f"content/editorial/{kind}.yaml: the editors' review of content/extracted/{kind}.yaml, by id."
    ), **fields)


def content_files(kinds: Iterable[str] = tuple(FACT_TYPES)) -> dict[str, type[BaseModel]]:
    """The model of every content file of a project with these fact kinds, by its path in
    content/ without `.yaml` (a kind the project does not have has no files)."""
    record_types = ["sources", *(kind for kind in FACT_TYPES if kind in kinds)]
    return {
        **{f"extracted/{kind}": extracted_file(kind) for kind in record_types},
        **{f"editorial/{kind}": editorial_file(kind) for kind in record_types},
        "editorial/site": SiteText,
    }


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in schema:  # draft-07 names the shared parts `definitions`
        schema["definitions"] = schema.pop("$defs")
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_files(kinds: Iterable[str] = tuple(FACT_TYPES)) -> dict[str, str]:
    """The text of every schema file, by its path in content/schema/."""
    return {f"{name}.schema.json": to_json(json_schema(model)) for name, model in content_files(kinds).items()}


def write_schemas(folder: Path, kinds: Iterable[str] = tuple(FACT_TYPES)) -> None:
    """Replace `folder` with freshly generated schemas, so none is stale or left over; those
    whose text is unchanged are not written again."""
    replace_folder(folder, schema_files(tuple(kinds)))


def modeline(name: str) -> str:
    """The first line of content/<name>.yaml, naming its schema for editors' tools."""
    return f"# yaml-language-server: $schema=../schema/{name}.schema.json\n"
