"""The open-data export: `data/facts.json` and its JSON Schema, `data/facts.schema.json`.

Field names follow the facts.json contract in docs/DESIGN.md; every record also carries where it
came from (`extractor`, `confidence`) and whether an editor `reviewed` it. Each exported record
is a pydantic model built here from the fact model's own fields (types, constraints and
descriptions) plus the export's fields, so the document and its schema come from one
definition: a field added to a fact model is exported and described without editing this file.
Keys are written in a fixed order and lists sorted explicitly, so the same facts always give the
same bytes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, WrapSerializer, create_model
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema

from generator.files.jsonfile import to_json
from generator.model.facts import FACT_TYPES, Facts, SiteText
from generator.model.records import Conflict, Event, Fact, Figure, Participant, Person, Quote, Record, Source
from generator.site.kinds import STORY_SITES
from generator.site.story_site import Section

SCHEMA_ID = "facts.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FORMAT_VERSION = 1

# The fields after a fact's own: its evidence, whether an editor reviewed it, and which
# extractor proposed it, by which rule, how surely. `reviewed` is the export's; the others are Fact's.
PROVENANCE = ("evidence", "reviewed", "extractor", "basis", "confidence")
EXPORT_FIELDS: dict[str, tuple[Any, FieldInfo]] = {
    "reviewed": (bool, Field(description="An editor confirmed or corrected this fact.")),
}


def _number(value: float) -> int | float:
    """1600000000.0 → 1600000000: whole numbers read as such in JSON."""
    return int(value) if float(value).is_integer() else value


def _whole_value(value: Any, handler: Callable[[Any], Any]) -> Any:
    """A {value, ...} figure written with its number as a whole number when it is one."""
    data = handler(value)
    if isinstance(data, dict):
        data["value"] = _number(data["value"])
    return data


# The sections of facts.json in its order: the sources, then one per fact kind, in FACT_TYPES
# order, a story kind's from its module in site/kinds/.
_CORE_SECTIONS: dict[str, Section] = {
    "sources": Section(Source, ("id", "title", "outlet", "published", "file", "byline", "url", "words")),
    "people": Section(Person, ("id", "name", "aliases", "role", "country")),
    "participants": Section(Participant, ("id", "name", "kind", "status")),
    "events": Section(Event, ("id", "date", "approximate", "title", "summary", "date_note", "people"),
                      sort_key=lambda event: (event.date, event.id)),
    "quotes": Section(Quote, ("id", "speaker", "text", "source")),
    "figures": Section(Figure, ("id", "about", "readings")),
    "conflicts": Section(Conflict, ("id", "about", "claims")),
}
SECTIONS: dict[str, Section] = {
    "sources": _CORE_SECTIONS["sources"],
    **{kind: _CORE_SECTIONS[kind] if kind in _CORE_SECTIONS else STORY_SITES[kind].export for kind in FACT_TYPES},
}
assert set(SECTIONS) == {"sources", *FACT_TYPES}, "every fact kind has a facts.json section"
# Site-wide prose: SiteText's fields, exported as they are.
SITE_LEADING = ("title", "description")
SITE_TRAILING = ("summary", "definition")


def _snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _required(info: FieldInfo) -> tuple[Any, FieldInfo]:
    """A model field as the export has it: same type, constraints and description, but no
    default, since facts.json always writes every field."""
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return annotation, Field(description=info.description)


def exported_fields(section: Section) -> list[str]:
    """The fields of one exported record, in the order facts.json writes them."""
    own = [name for name in section.model.model_fields if name not in PROVENANCE]
    fields = [*section.leading, *(name for name in own if name not in section.leading)]
    return [*fields, *PROVENANCE] if issubclass(section.model, Fact) else fields


@functools.cache
def record_model(section: Section) -> type[BaseModel]:
    """The exported record of one section: the fact model's fields plus the export's own."""
    fields: dict[str, Any] = {}
    for name in exported_fields(section):
        if name in EXPORT_FIELDS:
            annotation, info = EXPORT_FIELDS[name]
        else:
            annotation, info = _required(section.model.model_fields[name])
        if name in section.figures:
            annotation = Annotated[annotation, WrapSerializer(_whole_value)]
        fields[name] = (annotation, info)
    return create_model(section.model.__name__, __base__=Record, __doc__=section.model.__doc__,
                        __module__=__name__, **fields)


@functools.cache
def document_model(kinds: tuple[str, ...]) -> type[BaseModel]:
    """The whole document of a project with these fact kinds: a story kind it does not have has
    no section, in the document or its schema."""
    site = SiteText.model_fields
    fields: dict[str, Any] = {
        "schema_reference": (str, Field(alias="$schema", description=f"Its JSON Schema: {SCHEMA_ID}.")),
        "format_version": (Literal[FORMAT_VERSION], Field(description="Version of the facts.json format.")),
        **{name: _required(site[name]) for name in SITE_LEADING},
        **{kind: (list[record_model(SECTIONS[kind])], Field(description=SECTIONS[kind].model.__doc__))
           for kind in SECTIONS if kind == "sources" or kind in kinds},
        **{name: _required(site[name]) for name in SITE_TRAILING},
    }
    return create_model("FactsDocument", __base__=Record, __module__=__name__, __doc__=(
        "Every fact an explainer site publishes, each with its sources and verbatim evidence."), **fields)


def _record(kind: str, record: Record, facts: Facts) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in exported_fields(SECTIONS[kind]) if name != "reviewed"}
    if isinstance(record, Fact):
        values["reviewed"] = record.id in facts.reviewed
    return values


def facts_document(facts: Facts) -> dict[str, Any]:
    """The whole graph as plain JSON-ready data, in contract order; a story kind the project
    does not have has no section."""
    model = document_model(tuple(facts.kinds))
    values: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "format_version": FORMAT_VERSION,
        **{name: getattr(facts.site, name) for name in (*SITE_LEADING, *SITE_TRAILING)},
    }
    for kind in model.model_fields:
        if kind in SECTIONS:
            section = SECTIONS[kind]
            values[kind] = [_record(kind, record, facts)
                            for record in sorted(getattr(facts, kind), key=section.sort_key)]
    # Validated on the way out, so a document that does not match its schema is never written.
    return model.model_validate(values).model_dump(mode="json", by_alias=True)


class _ExportSchema(GenerateJsonSchema):
    """The schema's own conventions: snake_case $defs names (plan_point), and no generated
    titles on properties, which would only repeat the field names."""

    def normalize_name(self, name: str) -> str:
        return _snake_case(super().normalize_name(name))

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def facts_schema(kinds: Iterable[str] = tuple(FACT_TYPES)) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) that `facts_document` output of a project with these fact
    kinds validates against, generated from the same models."""
    schema = document_model(tuple(kinds)).model_json_schema(schema_generator=_ExportSchema)
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **schema}


def facts_json(facts: Facts) -> str:
    return to_json(facts_document(facts))


def schema_json(kinds: Iterable[str] = tuple(FACT_TYPES)) -> str:
    return to_json(facts_schema(kinds))
