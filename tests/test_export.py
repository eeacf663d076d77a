"""The open-data export: contract field names, its own JSON Schema, stable bytes."""

from __future__ import annotations

import copy
import json
import random

from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from pydantic import Field

from generator.content.reader import load_facts
from generator.files.project import read_options
from generator.model.facts import SiteText, project_kinds
from generator.model.records import Fact, Person
from generator.site.export import (
    EXPORT_FIELDS,
    SECTIONS,
    exported_fields,
    facts_document,
    facts_json,
    facts_schema,
    record_model,
    schema_json,
)
from tests.factories import HOSTILE_QUOTE, make_facts

REPOSITORY = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"

# The facts.json contract in docs/DESIGN.md: these fields, in this order, start every record.
CONTRACT = {
    "sources": ["id", "title", "outlet", "published", "file"],
    "people": ["id", "name", "aliases", "role", "country", "evidence"],
    "participants": ["id", "name", "kind", "status", "evidence"],
    "events": ["id", "date", "approximate", "title", "summary", "evidence"],
    "pledges": ["id", "actor", "summary", "amount", "quantity", "evidence"],
    "quotes": ["id", "speaker", "text", "source"],
    "plan": ["id", "point", "text", "evidence"],
    "coalitions": ["id", "name", "year", "led_by", "summary", "evidence"],
    "conflicts": ["id", "about", "claims"],
}


@pytest.fixture(scope="module")
def document():
    return facts_document(make_facts(hostile=True))


def validator():
    schema = facts_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_document_has_every_contract_list_and_field(document):
    lists = [key for key in document if key in CONTRACT]
    assert lists == list(CONTRACT)
    for name, fields in CONTRACT.items():
        assert document[name], name
        for record in document[name]:
            present = [key for key in record if key in fields]
            assert present == [f for f in fields if f in record] and set(fields) <= set(record), (name, record)


def test_document_values(document):
    sources = {s["id"]: s for s in document["sources"]}
    assert sources["wire"]["outlet"] is None and sources["blog"]["published"] is None
    assert sources["herald"]["file"] == "seeds/herald.txt"
    pledge = next(p for p in document["pledges"] if p["id"] == "norway-patrol-funding")
    assert pledge["amount"] == {"value": 1600000000, "currency": "GBP"} and pledge["quantity"] is None
    assert pledge["evidence"] == [{"source": "herald", "quote": "Norway will pay £1.6 billion towards patrols over five years"}]
    assert [e["id"] for e in document["events"]][:3] == ["fishing-dispute", "february-storm", "bergen-summit"]
    assert {p["id"]: p["reviewed"] for p in document["participants"]}["NO"] is True
    assert document["conflicts"][0]["claims"][0] == {
        "value": "14", "source": "wire", "quote": "Fourteen leaders attended the Bergen summit"}
    # Data is data: the export keeps the text as written, unescaped.
    assert HOSTILE_QUOTE in [q["text"] for q in document["quotes"]]


def test_document_validates_against_its_schema(document):
    validator().validate(json.loads(facts_json(make_facts(hostile=True))))
    validator().validate(facts_document(make_facts()))


@pytest.mark.parametrize("breakage", [
    lambda d: d["events"][0].__setitem__("date", "2025-13"),
    lambda d: d["participants"][0].__setitem__("kind", "city"),
    lambda d: d["people"][0].pop("evidence"),
    lambda d: d["conflicts"][0]["claims"].pop(),
    lambda d: d["sources"][0].__setitem__("id", "has space"),
], ids=["month-13", "unknown-kind", "no-evidence", "one-claim", "bad-id"])
def test_schema_rejects_broken_documents(document, breakage):
    broken = copy.deepcopy(document)
    breakage(broken)
    assert list(validator().iter_errors(broken))


def test_bytes_are_stable_whatever_the_input_order():
    facts = make_facts(hostile=True)
    shuffled = facts.model_copy(deep=True)
    rng = random.Random(3)
    for name in CONTRACT:
        rng.shuffle(getattr(shuffled, name))
    shuffled.reviewed = set(sorted(facts.reviewed, reverse=True))
    assert facts_json(facts) == facts_json(facts) == facts_json(shuffled)
    assert facts_json(facts).endswith("}\n") and '"value": 1600000000,' in facts_json(facts)
    assert "Kjær" in facts_json(facts)  # UTF-8 kept, not \\u-escaped
    assert schema_json() == schema_json()
    assert json.loads(schema_json())["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _definition(schema: dict, reference: str) -> dict:
    return schema["$defs"][reference.removeprefix("#/$defs/")]


def test_schema_is_generated_from_the_models(document):
    schema = facts_schema()
    for kind, section in SECTIONS.items():
        record = _definition(schema, schema["properties"][kind]["items"]["$ref"])
        model_fields = section.model.model_fields
        export_fields = set(EXPORT_FIELDS) if issubclass(section.model, Fact) else set()
        # Every field of the model, and the export's own, each described as the model says.
        assert set(record["properties"]) == set(model_fields) | export_fields, kind
        for name, field_schema in record["properties"].items():
            info = model_fields[name] if name in model_fields else EXPORT_FIELDS[name][1]
            assert field_schema["description"] == info.description, (kind, name)
        assert record["description"] == section.model.__doc__
        # facts.json writes every field, in the order the schema lists them.
        assert record["required"] == list(record["properties"]) and record["additionalProperties"] is False
        for item in document[kind]:
            assert list(item) == list(record["properties"]), (kind, item["id"])
    for name in ("title", "description", "summary", "definition"):
        assert schema["properties"][name]["description"] == SiteText.model_fields[name].description


def test_a_field_added_to_a_fact_model_is_exported_and_described():
    class TaggedPerson(Person):
        """A person, with tags."""

        tags: list[str] = Field(default_factory=list, description="Labels an editor gave the person.")

    section = replace(SECTIONS["people"], model=TaggedPerson)
    fields = exported_fields(section)
    # After the contract's fields, before the provenance.
    assert fields.index("tags") == fields.index("history") + 1 and fields[-5:] == [
        "evidence", "reviewed", "extractor", "basis", "confidence"]
    schema = record_model(section).model_json_schema()
    assert schema["properties"]["tags"]["description"] == "Labels an editor gave the person."
    assert "tags" in schema["required"]  # the export always writes it, default or not


def _validate_with_schema_of(kinds, document):
    schema = facts_schema(kinds)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(document)) == []
    assert set(schema["properties"]) == set(document)


def test_this_repository_exports_a_document_its_schema_accepts():
    facts = load_facts(REPOSITORY)
    _validate_with_schema_of(facts.kinds, json.loads(facts_json(facts)))


@pytest.mark.parametrize("fixture", ["harbour", "flood"])
def test_golden_documents_validate_against_the_schema_of_their_kinds(fixture):
    # tests/test_golden.py keeps these equal to what building the fixture writes.
    options, problems = read_options(FIXTURES / fixture / "mkdocs.yml")
    assert problems == []
    document = json.loads((GOLDEN / fixture / "site/data/facts.json").read_text(encoding="utf-8"))
    _validate_with_schema_of(project_kinds(options.kinds), document)
