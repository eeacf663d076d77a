"""An editor's fix against the extraction it was written over: `fixed_from`, and conflicts.

A fix replaces what extraction gave for a field. `fixed_from` in the same editorial file
records, field by field, what extraction gave when the fix was written (`explainer review`
writes both). When a newer extraction gives a third value, neither the one the fix corrected
nor the fix itself, the articles may now say something the fix never considered: that is a
conflict, and it is never resolved silently. `explainer check` reports it as an error until
the editor keeps the fix (recording the new value under `fixed_from`) or removes it (taking
the new value); `explainer extract` counts the conflicts its new facts caused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.model.records import Evidence, Quote

# A source's passage shown in a conflict is cut, at a word, to about this length: enough to
# recognise it.
SHOWN_QUOTE = 120


@dataclass(frozen=True)
class FixConflict:
    """One fixed field whose extracted value changed since the fix was written."""

    fact_id: str
    field: str
    fixed: Any          # the fix's value
    fixed_from: Any     # what extraction gave when the fix was written
    extracted: Any      # what extraction gives now


def fix_conflicts(record: BaseModel, fix: Mapping[str, Any], fixed_from: Mapping[str, Any]) -> list[FixConflict]:
    """The conflicts of one extracted record with its fix, for the fields `fixed_from` records.
    A field `fixed_from` names but the fix does not set is no conflict (`check` reports it)."""
    current = record.model_dump(mode="json")
    conflicts = []
    for name, was in fixed_from.items():
        if name not in fix or name not in type(record).model_fields:
            continue
        now = _normal(record, name, current.get(name))
        if now in (_normal(record, name, was), _normal(record, name, fix[name])):
            continue
        conflicts.append(FixConflict(record.id, name, fix[name], was, current.get(name)))
    return conflicts


def _normal(record: BaseModel, name: str, value: Any) -> Any:
    """A field's value with unset (null) read as the field's default: `fixed_from` writes
    null for a field extraction left unset, which the record may hold as [] or false."""
    if value is not None:
        return value
    default = type(record).model_fields[name].get_default(call_default_factory=True)
    return default.model_dump(mode="json") if isinstance(default, BaseModel) else default


def evidence_of(record: BaseModel, value: Any) -> list[Evidence]:
    """Where the record says `value`: the evidence whose quote holds it (case aside), else the
    record's first evidence. A quote is its own evidence."""
    evidence = list(getattr(record, "evidence", None) or [])
    if not evidence and isinstance(record, Quote):
        evidence = [Evidence(source=record.source, quote=record.text)]
    # As words: a country code 'NO' is not in "Norwegian".
    words = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE) if isinstance(value, str) and value else None
    holding = [item for item in evidence if words and words.search(item.quote)]
    return holding or evidence[:1]


def shown(value: Any) -> str:
    """A field's value in a message: text in quotes, nothing as `no value`, the rest as JSON."""
    if value is None:
        return "no value"
    if isinstance(value, str):
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def shown_sources(evidence: list[Evidence]) -> str:
    """`(source: "passage"; ...)`, each passage cut at `SHOWN_QUOTE` characters."""
    passages = [f'{item.source}: "{_cut(item.quote)}"' for item in evidence]
    return f" ({'; '.join(passages)})" if passages else ""


def _cut(quote: str) -> str:
    quote = " ".join(quote.split())
    if len(quote) <= SHOWN_QUOTE:
        return quote
    cut = quote[:SHOWN_QUOTE]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"
