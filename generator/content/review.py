"""Holding back machine facts the extractor was unsure of until an editor has looked at them.

A fact whose `confidence` is below the site's `review_below` threshold is not published unless
an editor confirmed, fixed or added it. Holding is transitive where a fact cannot stand alone:
a quote whose speaker is held is held too (unless an editor reviewed the quote, in which case
the check asks for the speaker), and a held person is left out of an event's people.
Nothing is deleted: held facts stay in `content/extracted/` and `explainer check` lists them,
so confirming one in `content/editorial/<kind>.yaml` publishes it on the next build.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import BaseModel

from generator.model.records import Event, Quote

if TYPE_CHECKING:
    from generator.content.reader import Placed


def hold_for_review(placed_by_kind: dict[str, dict[str, "Placed"]], reviewed: set[str],
                    threshold: float) -> dict[str, list[str]]:
    """Remove unsure, unreviewed facts from `placed_by_kind` in place; returns the held ids by kind."""
    held = held_ids({kind: [placed.record for placed in records.values()] for kind, records in placed_by_kind.items()},
                    reviewed, threshold)
    for kind, ids in held.items():
        for fact_id in ids:
            del placed_by_kind[kind][fact_id]
    held_people = set(held.get("people", []))
    if held_people:
        for records in placed_by_kind.values():
            for placed in records.values():
                record = placed.record
                if isinstance(record, Event) and held_people & set(record.people):
                    placed.record = record.model_copy(
                        update={"people": [p for p in record.people if p not in held_people]})
    return held


def held_ids(records_by_kind: Mapping[str, Iterable[BaseModel]], reviewed: Collection[str],
             threshold: float) -> dict[str, list[str]]:
    """The ids held for review, by kind, of these records (those an editor rejected left out):
    the unsure and unreviewed ones, and the unreviewed quotes of a held speaker. `explainer
    extract` counts them from the records it has just written, without reading `content/`."""
    held: dict[str, set[str]] = {}
    for kind, records in records_by_kind.items():
        for record in records:
            confidence = getattr(record, "confidence", None)
            if confidence is not None and confidence < threshold and record.id not in reviewed:
                held.setdefault(kind, set()).add(record.id)
    held_people = held.get("people", set())
    if held_people:
        for kind, records in records_by_kind.items():
            for record in records:
                if isinstance(record, Quote) and record.speaker in held_people and record.id not in reviewed:
                    held.setdefault(kind, set()).add(record.id)
    return {kind: sorted(ids) for kind, ids in held.items()}


def held_report(held: dict[str, list[str]], threshold: float) -> str:
    """What `check` and `build` tell editors about the facts waiting for them."""
    total = sum(len(ids) for ids in held.values())
    if not total:
        return ""
    lines = [f"{total} extracted facts are held for review (confidence below {threshold:g}) and not published;"
             " confirm or fix them in content/editorial/<kind>.yaml to publish them:"]
    lines += [f"  {kind}: {', '.join(ids)}" for kind, ids in sorted(held.items())]
    return "\n".join(lines)
