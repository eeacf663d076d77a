"""The open-data export: `data/facts.json` and its JSON Schema, `data/facts.schema.json`.

Field names follow the facts.json contract in docs/DESIGN.md; every record also carries where it
came from (`extractor`, `confidence`) and whether an editor `reviewed` it. Keys are written in
a fixed order and lists sorted explicitly, so the same facts always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.files.jsonfile import to_json
from generator.model.facts import DATE_PATTERN, FACT_TYPES, Evidence, Fact, Facts
from generator.model.ids import ID_PATTERN
from generator.model.lexicon import PLEDGE_KINDS

SCHEMA_ID = "facts.schema.json"
FORMAT_VERSION = 1


def _number(value: float) -> int | float:
    """1600000000.0 → 1600000000: whole numbers read as such in JSON."""
    return int(value) if float(value).is_integer() else value


def _evidence(items: list[Evidence]) -> list[dict[str, str]]:
    return [{"source": item.source, "quote": item.quote} for item in items]


def _provenance(fact: Fact, facts: Facts) -> dict[str, Any]:
    return {
        "evidence": _evidence(fact.evidence),
        "reviewed": fact.id in facts.reviewed,
        "extractor": fact.extractor,
        "confidence": fact.confidence,
    }


def facts_document(facts: Facts) -> dict[str, Any]:
    """The whole graph as plain JSON-ready data, in contract order; a story kind the project
    does not have has no section."""
    by_id = lambda record: record.id  # noqa: E731 - one sort key, used for every list
    site = facts.site
    document = {
        "$schema": SCHEMA_ID,
        "format_version": FORMAT_VERSION,
        "title": site.title,
        "description": site.description,
        "sources": [
            {"id": s.id, "title": s.title, "outlet": s.outlet, "published": s.published, "file": s.file,
             "byline": list(s.byline), "words": s.words}
            for s in sorted(facts.sources, key=by_id)
        ],
        "people": [
            {"id": p.id, "name": p.name, "aliases": list(p.aliases), "role": p.role, "country": p.country,
             **_provenance(p, facts)}
            for p in sorted(facts.people, key=by_id)
        ],
        "participants": [
            {"id": p.id, "name": p.name, "kind": p.kind, "status": p.status, **_provenance(p, facts)}
            for p in sorted(facts.participants, key=by_id)
        ],
        "events": [
            {"id": e.id, "date": e.date, "approximate": e.approximate, "title": e.title, "summary": e.summary,
             "date_note": e.date_note, "people": list(e.people), **_provenance(e, facts)}
            for e in sorted(facts.events, key=lambda e: (e.date, e.id))
        ],
        "pledges": [
            {"id": p.id, "actor": p.actor, "summary": p.summary, "kind": p.kind,
             "amount": {"value": _number(p.amount.value), "currency": p.amount.currency} if p.amount else None,
             "quantity": {"value": _number(p.quantity.value), "unit": p.quantity.unit} if p.quantity else None,
             "condition": p.condition, "target_year": p.target_year, **_provenance(p, facts)}
            for p in sorted(facts.pledges, key=by_id)
        ],
        "quotes": [
            {"id": q.id, "speaker": q.speaker, "text": q.text, "source": q.source, **_provenance(q, facts)}
            for q in sorted(facts.quotes, key=by_id)
        ],
        "plan": [
            {"id": p.id, "point": p.point, "text": p.text, **_provenance(p, facts)}
            for p in sorted(facts.plan, key=lambda p: (p.point, p.id))
        ],
        "coalitions": [
            {"id": c.id, "name": c.name, "year": c.year, "led_by": c.led_by, "summary": c.summary,
             "mandate": c.mandate, "size": c.size, **_provenance(c, facts)}
            for c in sorted(facts.coalitions, key=by_id)
        ],
        "conflicts": [
            {"id": c.id, "about": c.about,
             "claims": [{"value": k.value, "source": k.source, "quote": k.quote} for k in c.claims],
             **_provenance(c, facts)}
            for c in sorted(facts.conflicts, key=by_id)
        ],
        "summary": [{"text": s.text, "evidence": _evidence(s.evidence)} for s in site.summary],
        "definition": [{"text": s.text, "evidence": _evidence(s.evidence)} for s in site.definition],
    }
    return {key: value for key, value in document.items() if key not in _absent(facts.kinds)}


def _absent(kinds: Iterable[str]) -> set[str]:
    """The facts.json sections of the fact kinds a project does not have."""
    return set(FACT_TYPES) - set(kinds)


# -- schema ---------------------------------------------------------------------------------


def _string(**extra: Any) -> dict[str, Any]:
    return {"type": "string", **extra}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _record(description: str, properties: dict[str, Any], provenance: bool = True) -> dict[str, Any]:
    if provenance:
        properties = {**properties, **{
            "evidence": {"$ref": "#/$defs/evidence"},
            "reviewed": {"type": "boolean", "description": "An editor confirmed or corrected this fact."},
            "extractor": _nullable(_string(description="Extractor (name and version) that proposed it.")),
            "confidence": _nullable({"type": "number", "minimum": 0, "maximum": 1}),
        }}
    return {"type": "object", "description": description, "properties": properties,
            "required": list(properties), "additionalProperties": False}


def _list_of(schema: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": schema}


def facts_schema(kinds: Iterable[str] = tuple(FACT_TYPES)) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) that `facts_document` output of a project with these fact
    kinds validates against."""
    identifier = _string(pattern=ID_PATTERN)
    date = _string(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD, at the precision given.")
    evidence_item = {
        "type": "object", "required": ["source", "quote"], "additionalProperties": False,
        "properties": {"source": identifier, "quote": _string(minLength=1, description="Verbatim text.")},
    }
    statement = {"type": "object", "required": ["text", "evidence"], "additionalProperties": False,
                 "properties": {"text": _string(), "evidence": {"$ref": "#/$defs/evidence"}}}
    definitions = {
        "evidence": {**_list_of(evidence_item), "description": "Sources and verbatim quotes a fact rests on."},
        "source": _record("A news article.", {
            "id": identifier, "title": _string(), "outlet": _nullable(_string()), "published": _nullable(date),
            "file": _string(description="Path in the project: seeds/<name>."),
            "byline": _list_of(_string()), "words": {"type": "integer", "minimum": 0},
        }, provenance=False),
        "person": _record("A person named in the story.", {
            "id": identifier, "name": _string(), "aliases": _list_of(_string()), "role": _nullable(_string()),
            "country": _nullable(_string(description="ISO 3166 alpha-2 code, or an organisation id.")),
        }),
        "participant": _record("A country or organisation taking part, or expected to.", {
            "id": identifier, "name": _string(), "kind": {"enum": ["country", "organisation"]},
            "status": _string(description="lead, member, likely, attended, ..."),
        }),
        "event": _record("Something that happened, at the precision the sources give.", {
            "id": identifier, "date": date, "approximate": {"type": "boolean"}, "title": _string(),
            "summary": _string(), "date_note": _nullable(_string()), "people": _list_of(identifier),
        }),
        "pledge": _record("A commitment by one participant.", {
            "id": identifier, "actor": identifier, "summary": _string(),
            "kind": {"enum": list(PLEDGE_KINDS)},
            "amount": _nullable({"type": "object", "required": ["value", "currency"], "additionalProperties": False,
                                 "properties": {"value": {"type": "number"}, "currency": _string()}}),
            "quantity": _nullable({"type": "object", "required": ["value", "unit"], "additionalProperties": False,
                                   "properties": {"value": {"type": "number"}, "unit": _string()}}),
            "condition": _nullable(_string()), "target_year": _nullable({"type": "integer"}),
        }),
        "quote": _record("Words a person said, verbatim in the source.", {
            "id": identifier, "speaker": identifier, "text": _string(minLength=1), "source": identifier,
        }),
        "plan_point": _record("One numbered point of the plan.", {
            "id": identifier, "point": {"type": "integer", "minimum": 1}, "text": _string(),
        }),
        "coalition": _record("An earlier case of the kind, for comparison (the `coalitions` kind).", {
            "id": identifier, "name": _string(), "year": {"type": "integer"}, "led_by": _nullable(_string()),
            "summary": _string(), "mandate": _nullable(_string()), "size": _nullable(_string()),
        }),
        "conflict": _record("A figure on which sources disagree, with each claim.", {
            "id": identifier, "about": _string(),
            "claims": {"type": "array", "minItems": 2, "items": {
                "type": "object", "required": ["value", "source", "quote"], "additionalProperties": False,
                "properties": {"value": _string(), "source": identifier, "quote": _string(minLength=1)}}},
        }),
        "statement": statement,
    }
    lists = {
        "sources": "source", "people": "person", "participants": "participant", "events": "event",
        "pledges": "pledge", "quotes": "quote", "plan": "plan_point", "coalitions": "coalition",
        "conflicts": "conflict", "summary": "statement", "definition": "statement",
    }
    absent = _absent(kinds)
    used = {definition for name, definition in lists.items() if name not in absent}
    lists = {name: definition for name, definition in lists.items() if name not in absent}
    definitions = {name: schema for name, schema in definitions.items()
                   if name in used or name in ("evidence", "statement")}
    properties: dict[str, Any] = {
        "$schema": _string(), "format_version": {"const": FORMAT_VERSION},
        "title": _string(), "description": _string(),
        **{name: _list_of({"$ref": f"#/$defs/{definition}"}) for name, definition in lists.items()},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Explainer facts",
        "description": "Every fact an explainer site publishes, each with its sources and verbatim evidence.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": definitions,
    }


def facts_json(facts: Facts) -> str:
    return to_json(facts_document(facts))


def schema_json(kinds: Iterable[str] = tuple(FACT_TYPES)) -> str:
    return to_json(facts_schema(kinds))
