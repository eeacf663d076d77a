"""Checks across the merged graph: evidence is verbatim, and every id points somewhere."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from generator.model import gazetteer
from generator.model.kinds import STORY_KINDS
from generator.model.errors import Problem
from generator.model.evidence import SourceTexts
from generator.model.facts import Facts
from generator.model.records import Conflict, Evidence, Figure, Quote

if TYPE_CHECKING:
    from generator.content.reader import Placed



def check_graph(facts: Facts, placed_by_kind: dict[str, dict[str, "Placed"]], site: "Placed | None",
                texts: SourceTexts, source_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []

    def check_evidence(placed: "Placed", field_name: str, evidence: list[Evidence]) -> None:
        for index, item in enumerate(evidence):
            problems.extend(_quote_problems(placed, (field_name, index, "source"), (field_name, index, "quote"),
                                            item.source, item.quote, texts, source_ids))

    for kind, placed_records in placed_by_kind.items():
        for placed in placed_records.values():
            record = placed.record
            if isinstance(record, (Conflict, Figure)):
                listed = "claims" if isinstance(record, Conflict) else "readings"
                for index, claim in enumerate(getattr(record, listed)):
                    problems.extend(_quote_problems(placed, (listed, index, "source"), (listed, index, "quote"),
                                                    claim.source, claim.quote, texts, source_ids))
                continue
            if isinstance(record, Quote):
                problems.extend(_quote_problems(placed, ("source",), ("text",), record.source, record.text,
                                                texts, source_ids))
                if record.context is not None and record.source in source_ids:
                    problems.extend(_quote_problems(placed, ("source",), ("context",), record.source,
                                                    record.context, texts, source_ids))
            elif not record.evidence:
                problems.append(placed.problem("evidence", f"{kind} '{record.id}' has no evidence; "
                                               "add at least one {source, quote} from an article"))
            check_evidence(placed, "evidence", record.evidence)
            for index, change in enumerate(getattr(record, "history", None) or []):
                if change.source not in source_ids:
                    problems.append(placed.problem("history", f"unknown source '{change.source}'; sources are "
                                                   "the ids in content/extracted/sources.yaml", index, "source"))

    if site is not None:
        for section in ("summary", "definition"):
            for index, statement in enumerate(getattr(site.record, section)):
                for evidence_index, item in enumerate(statement.evidence):
                    where = (section, index, "evidence", evidence_index)
                    problems.extend(_quote_problems(site, (*where, "source"), (*where, "quote"),
                                                    item.source, item.quote, texts, source_ids))

    problems.extend(_reference_problems(facts, placed_by_kind))
    return problems


def _quote_problems(placed: "Placed", source_at: tuple, quote_at: tuple, source: str, quote: str,
                    texts: SourceTexts, source_ids: set[str]) -> list[Problem]:
    """A quote must come from a known source and occur in it verbatim; `source_at` and
    `quote_at` are the field paths of the two values, to point at the one that is wrong."""
    if source not in source_ids:
        return [placed.problem(source_at[0], f"unknown source '{source}'; sources are the ids in "
                               "content/extracted/sources.yaml", *source_at[1:])]
    if source in texts and not texts.is_verbatim(source, quote):
        shown = quote if len(quote) <= 80 else quote[:77] + "..."
        return [placed.problem(quote_at[0], f"quote is not verbatim in source '{source}': \"{shown}\"; "
                               "copy the words exactly as the article has them", *quote_at[1:])]
    return []


def _reference_problems(facts: Facts, placed_by_kind: dict[str, dict[str, "Placed"]]) -> list[Problem]:
    problems: list[Problem] = []
    people = {person.id for person in facts.people}
    participants = {participant.id for participant in facts.participants}

    # A person may belong to any known country or organisation, taking part or not; so may
    # the places a story kind's records name. An editor's own participant id counts as known too.
    known = set(gazetteer.COUNTRIES) | set(gazetteer.ORGANISATIONS) | participants
    places = [("people", "country")] + [(kind.name, field_name) for kind in STORY_KINDS.values()
                                        for field_name in kind.places]
    for kind, field_name in places:
        for placed in placed_by_kind.get(kind, {}).values():
            value = getattr(placed.record, field_name)
            if value and value not in known:
                problems.append(placed.problem(field_name, f"'{value}' is neither an ISO 3166 alpha-2 country "
                                               "code, a known organisation id nor a participant id; "
                                               f"{_closest_place_hint(value, known)}"))
    for placed in placed_by_kind["quotes"].values():
        if placed.record.speaker not in people:
            problems.append(placed.problem("speaker", f"no person with id '{placed.record.speaker}'"))
    for placed in placed_by_kind["events"].values():
        for index, person_id in enumerate(placed.record.people):
            if person_id not in people:
                problems.append(placed.problem("people", f"no person with id '{person_id}'", index))

    for kind in STORY_KINDS.values():
        for field_name in kind.unique:
            seen: dict[object, str] = {}
            for placed in placed_by_kind.get(kind.name, {}).values():
                value = getattr(placed.record, field_name)
                if value in seen:
                    problems.append(placed.problem(field_name, f"{kind.name} {field_name} {value} is also '{seen[value]}'"))
                seen[value] = placed.record.id
    return problems


def _closest_place_hint(value: str, known: set[str]) -> str:
    """The closest known id: the code in capitals ("gb" -> GB), the id of a place written by
    name ("France" -> FR, "Nato" -> nato), else the nearest spelling of a known id."""
    named = gazetteer.place_by_name(value)
    if value.upper() in known:
        closest = [value.upper()]
    elif named is not None:
        closest = [named.id]
    else:
        closest = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.5)
    if closest:
        return f"did you mean '{closest[0]}'?"
    return "use a two-letter code such as GB, an organisation id such as nato, or a participant's id"
