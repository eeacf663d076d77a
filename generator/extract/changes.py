"""What an extraction changed in the machine layer: facts new, changed, gone, with more evidence.

Every run that writes `content/extracted/` keeps a print of each record beside the layer
stamp (`.cache/extract/layer.records`): its content fields, each as its JSON text when short
and as a digest when long, and a digest of each piece of evidence. The next run compares the
records it has just made with that print, so the previous layer is never parsed again (it
is, once, when a layer has no print yet). A fact is
- new when its id was not in the previous layer, and gone when its id is no longer in it;
- changed when a content field differs (anything but its evidence, confidence, basis,
  extractor and the dates of its history), or when evidence it had is gone;
- with more evidence when only evidence was added.

The comparison is saved in `.cache/changes.json` by every run that changed something, with
what it means for the editors: the gone facts they had confirmed, fixed or rejected (whose
overrides now name nothing, which `check` reports), the facts held for review, and the fixes
a new value now conflicts with. `read_last_changes` gives it back to other commands; a run
that changes nothing leaves it as it was.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from generator.files.atomic import write_text
from generator.files.project import Project
from generator.files.yamlfile import load_yaml
from generator.model.facts import FACT_TYPES

# Not content: where a fact came from and how sure the extractor was (the id is the key), and
# when its status or role was reported, which follows from the articles' dates: a change of
# status says itself.
NOT_CONTENT = frozenset({"id", "evidence", "confidence", "basis", "extractor", "as_of", "history"})
# A field value whose JSON text is longer is kept as a digest, and named without its values.
SHORT_VALUE = 64
# What the summary names of each kind and each sort of change: the first few ids.
EXAMPLES = 2
# The summary's kinds in the order the layer's files list them.
_KIND_ORDER = {kind: index for index, kind in enumerate(["sources", *FACT_TYPES])}

# A record's print: its content fields (JSON text or "#" + digest) and its evidence digests.
RecordPrint = tuple[dict[str, str], list[str]]
Prints = dict[str, dict[str, RecordPrint]]   # kind -> id -> print


class LayerChanges(BaseModel):
    """What one extraction changed, by kind; every mapping is empty when nothing is recorded."""

    first: bool = Field(default=False, description="No earlier layer to compare with: every fact is new.")
    new: dict[str, list[str]] = Field(default_factory=dict, description="Ids not in the previous layer.")
    changed: dict[str, dict[str, list[str]]] = Field(default_factory=dict, description=(
        "Ids whose content changed, each with the names of the fields that did."))
    values: dict[str, dict[str, dict[str, tuple[Any, Any]]]] = Field(default_factory=dict, description=(
        "Of the changed fields short enough to show, the value before and after."))
    gone: dict[str, list[str]] = Field(default_factory=dict, description="Ids of the previous layer no longer extracted.")
    overridden: dict[str, dict[str, list[str]]] = Field(default_factory=dict, description=(
        "Of the gone ids, those an editor confirmed, fixed or rejected, with which."))
    more_evidence: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Ids whose content is unchanged and whose evidence only grew."))
    held: dict[str, list[str]] = Field(default_factory=dict, description="Every id held for review now.")
    conflicts: int = Field(default=0, description="Fixed fields whose extracted value now differs from "
                                                  "both the fix and what the fix was written over.")

    @property
    def nothing(self) -> bool:
        """Whether the layer's facts are those of the previous one, to their evidence."""
        return not (self.first or self.new or self.changed or self.gone or self.more_evidence)


# -- prints -----------------------------------------------------------------------------------

def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_print(dumped: dict[str, Any]) -> RecordPrint:
    """The print of one record as the layer writes it (`model_dump(mode="json")`)."""
    fields = {}
    for name, value in dumped.items():
        if name not in NOT_CONTENT:
            text = _json(value)
            fields[name] = text if len(text) <= SHORT_VALUE else "#" + _digest(text)
    evidence = [_digest(f"{item.get('source')}\n{item.get('quote')}") for item in dumped.get("evidence") or []
                if isinstance(item, dict)]
    return fields, evidence


def layer_prints(dumped: dict[str, list[dict[str, Any]]]) -> Prints:
    """The prints of a whole layer: kind -> records as dumped."""
    return {kind: {str(record.get("id")): record_print(record) for record in records if isinstance(record, dict)}
            for kind, records in dumped.items()}


def read_prints(path: Path) -> Prints | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {kind: {fact_id: (dict(fields), list(evidence)) for fact_id, (fields, evidence) in records.items()}
                for kind, records in data["kinds"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_prints(path: Path, prints: Prints) -> None:
    write_text(path, json.dumps({"kinds": prints}, ensure_ascii=False, separators=(",", ":")))


def prints_of_layer(folder: Path, kinds: list[str]) -> Prints | None:
    """The prints of a layer written before prints were kept, read from its files; None when
    there is no layer (a first extraction). A file that cannot be read counts as empty."""
    if not any((folder / f"{kind}.yaml").is_file() for kind in kinds):
        return None
    dumped = {}
    for kind in kinds:
        path = folder / f"{kind}.yaml"
        document = load_yaml(path)[0] if path.is_file() else None
        records = document.data.get(kind) if document is not None and isinstance(document.data, dict) else None
        dumped[kind] = records if isinstance(records, list) else []
    return layer_prints(dumped)


# -- the comparison -----------------------------------------------------------------------------

def compare(before: Prints | None, after: Prints) -> LayerChanges:
    """What `after` changed from `before` (None: there was no layer, so all of it is new)."""
    if before is None:
        return LayerChanges(first=True, new={kind: list(records) for kind, records in after.items() if records})
    changes = LayerChanges()
    for kind in [*after, *(kind for kind in before if kind not in after)]:
        old, new = before.get(kind, {}), after.get(kind, {})
        _put(changes.new, kind, [fact_id for fact_id in new if fact_id not in old])
        _put(changes.gone, kind, [fact_id for fact_id in old if fact_id not in new])
        for fact_id, (fields, evidence) in new.items():
            if fact_id not in old:
                continue
            old_fields, old_evidence = old[fact_id]
            # A print kept by an earlier version may hold fields no longer counted as content.
            names = sorted(name for name in fields.keys() | old_fields.keys()
                           if name not in NOT_CONTENT and fields.get(name) != old_fields.get(name))
            shown = {name: (_value(old_fields.get(name)), _value(fields.get(name))) for name in names
                     if _short(old_fields.get(name)) and _short(fields.get(name))}
            if not set(old_evidence) <= set(evidence):
                names.append("evidence")
            elif set(evidence) != set(old_evidence) and not names:
                changes.more_evidence.setdefault(kind, []).append(fact_id)
            if names:
                changes.changed.setdefault(kind, {})[fact_id] = names
            if shown:
                changes.values.setdefault(kind, {})[fact_id] = shown
    return changes


def _put(mapping: dict[str, list[str]], kind: str, ids: list[str]) -> None:
    if ids:
        mapping[kind] = ids


def _short(text: str | None) -> bool:
    return text is None or not text.startswith("#")


def _value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


# -- what it means for the editors ----------------------------------------------------------------

def layer_changes(project: Project, before: Prints | None, after: Prints,
                  records: dict[str, list[BaseModel]]) -> LayerChanges:
    """The comparison, with the editors' side of it read from `content/editorial/`: gone facts
    they had decided on, the facts held for review, the fixes in conflict."""
    from generator.content.editorial import read_overrides
    from generator.content.fixes import fix_conflicts
    from generator.content.reader import site_review_below
    from generator.content.review import held_ids

    changes = compare(before, after)
    overrides = {kind: read_overrides(project.editorial_dir, kind) for kind in records}
    for kind, ids in changes.gone.items():
        if kind in overrides:
            decided = {fact_id: overrides[kind].decisions(fact_id) for fact_id in ids}
            if any(decided.values()):
                changes.overridden[kind] = {fact_id: words for fact_id, words in decided.items() if words}
    published = {kind: [record for record in kind_records if record.id not in overrides[kind].reject]
                 for kind, kind_records in records.items()}
    reviewed = set().union(*(kind_overrides.reviewed for kind_overrides in overrides.values()))
    changes.held = held_ids(published, reviewed, site_review_below(project))
    for kind, kind_records in published.items():
        fixes, fixed_from = overrides[kind].fix, overrides[kind].fixed_from
        for record in kind_records:
            fix, was = fixes.get(record.id), fixed_from.get(record.id)
            if isinstance(fix, dict) and isinstance(was, dict):
                changes.conflicts += len(fix_conflicts(record, fix, was))
    return changes


# -- kept between runs ----------------------------------------------------------------------------

def save_changes(project: Project, changes: LayerChanges) -> None:
    write_text(project.changes_file, changes.model_dump_json(indent=1))


def read_last_changes(project: Project) -> LayerChanges:
    """What the last extraction that changed anything changed (empty when none is on record)."""
    try:
        return LayerChanges.model_validate_json(project.changes_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, ValidationError):
        return LayerChanges()


# -- the summary `explainer extract` prints -------------------------------------------------------

def report(changes: LayerChanges, review_hint: str) -> list[str]:
    """A line per kind that changed, naming a few facts, then the editors' side of it; with
    `review_hint`, the command that walks the held facts."""
    if changes.nothing:
        return ["nothing changed"]
    lines = []
    if changes.first:
        lines.append("a first extraction: every fact is new")
    else:
        lines.append("what this extraction changed:")
        touched = {*changes.new, *changes.changed, *changes.gone, *changes.more_evidence}
        for kind in sorted(touched, key=lambda kind: _KIND_ORDER.get(kind, len(_KIND_ORDER))):
            lines.append(f"  {kind}: {_kind_line(changes, kind)}")
    held = sum(len(ids) for ids in changes.held.values())
    if held:
        fresh = sum(len(set(ids) & set(changes.new.get(kind, []))) for kind, ids in changes.held.items())
        of_them = "" if changes.first else f", {fresh} of them new"
        lines.append(f"{held} fact{'s' if held != 1 else ''} held for review{of_them}; {review_hint}")
    dangling = sum(len(ids) for ids in changes.overridden.values())
    if dangling:
        lines.append(f"{dangling} gone fact{'s' if dangling != 1 else ''} had an editor's decision, which now "
                     "names nothing; `explainer check` lists them")
    if changes.conflicts:
        fixes = "editor's fix now conflicts" if changes.conflicts == 1 else "editors' fixes now conflict"
        lines.append(f"{changes.conflicts} {fixes} with the extraction; `explainer check` lists them")
    return lines


def _kind_line(changes: LayerChanges, kind: str) -> str:
    new, gone = changes.new.get(kind, []), changes.gone.get(kind, [])
    changed, more = changes.changed.get(kind, {}), changes.more_evidence.get(kind, [])
    overridden = changes.overridden.get(kind, {})
    # The gone facts an editor decided on come first: each leaves an override behind.
    gone = sorted(gone, key=lambda fact_id: fact_id not in overridden)
    parts = []
    if new:
        parts.append(f"{len(new)} new{_named(new, lambda fact_id: fact_id)}")
    if changed:
        values = changes.values.get(kind, {})
        parts.append(f"{len(changed)} changed{_named(list(changed), lambda i: _change(i, changed[i], values.get(i, {})))}")
    if gone:
        parts.append(f"{len(gone)} gone{_named(gone, lambda i: _gone(i, overridden.get(i, [])))}")
    if more:
        parts.append(f"{len(more)} with more evidence")
    return ", ".join(parts)


def _named(ids: list[str], name) -> str:
    shown = [name(fact_id) for fact_id in ids[:EXAMPLES]]
    rest = len(ids) - len(shown)
    return f" ({'; '.join(shown)}{f'; {rest} more' if rest else ''})"


def _change(fact_id: str, fields: list[str], values: dict[str, tuple[Any, Any]]) -> str:
    described = [f"{name} {_shown(values[name][0])} -> {_shown(values[name][1])}" if name in values else name
                 for name in fields]
    return f"{fact_id}: {', '.join(described)}"


def _gone(fact_id: str, decisions: list[str]) -> str:
    return f"{fact_id}, {' and '.join(decisions)} by an editor" if decisions else fact_id


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    return f"'{value}'" if isinstance(value, str) else _json(value)
