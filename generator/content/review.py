"""Holding back machine facts the extractor was unsure of until an editor has looked at them.

A fact whose `confidence` is below the site's `review_below` threshold is not published unless
an editor confirmed, fixed or added it. Holding is transitive where a fact cannot stand alone:
a quote whose speaker is held is held too (unless an editor reviewed the quote, in which case
the check asks for the speaker), and a held person is left out of an event's people.
Nothing is deleted: held facts stay in `content/extracted/` and `explainer check` lists them,
so confirming one in `content/editorial/<kind>.yaml` publishes it on the next build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model.records import Event, Quote

if TYPE_CHECKING:
    from generator.content.reader import Placed


def hold_for_review(placed_by_kind: dict[str, dict[str, "Placed"]], reviewed: set[str],
                    threshold: float) -> dict[str, list[str]]:
    """Remove unsure, unreviewed facts from `placed_by_kind` in place; returns the held ids by kind."""
    held: dict[str, list[str]] = {}

    def hold(kind: str, fact_id: str) -> None:
        del placed_by_kind[kind][fact_id]
        held.setdefault(kind, []).append(fact_id)

    for kind, records in placed_by_kind.items():
        for fact_id, placed in list(records.items()):
            confidence = placed.record.confidence
            if confidence is not None and confidence < threshold and fact_id not in reviewed:
                hold(kind, fact_id)

    held_people = set(held.get("people", []))
    if held_people:
        for kind, records in placed_by_kind.items():
            for fact_id, placed in list(records.items()):
                record = placed.record
                if isinstance(record, Quote) and record.speaker in held_people and fact_id not in reviewed:
                    hold(kind, fact_id)
                elif isinstance(record, Event) and held_people & set(record.people):
                    placed.record = record.model_copy(
                        update={"people": [p for p in record.people if p not in held_people]})
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
