"""Editors' decisions on machine facts, written into `content/editorial/<kind>.yaml`.

`explainer review` gathers decisions (confirm a fact, reject it with a reason, fix some of its
fields) and writes them in one go: each file is edited in place (`files.yaml_edits`: comments,
order, quoting and style kept), the whole content is read again as `explainer check` reads it,
and only when that finds no problem it did not find before is each file replaced, atomically
and durably (Ctrl-C while they are replaced waits for the last).

An id sits in one decision: confirming a rejected fact, fixing a rejected or confirmed one, or
rejecting a confirmed or fixed one moves it, and the outcome says so. A fix also records under
`fixed_from` what extraction gave for each field it sets (null: no value), so that a later
extraction changing such a field can be noticed.
"""

from __future__ import annotations

import collections
import contextlib
import difflib
import shutil
import signal
import tempfile
import typing
from dataclasses import dataclass
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.content.reader import describe, read_content
from generator.content.schemas import EDITORIAL_SECTIONS, modeline
from generator.files.atomic import write_text
from generator.files.project import Project
from generator.files.yaml_edits import EditRefused, YamlText
from generator.files.yamlfile import load_yaml_text
from generator.model.errors import Problem

# Fields only extraction sets: the id names the fact, and the others say how it was found.
MACHINE_FIELDS = ("id", "extractor", "confidence", "basis")


class Decision(BaseModel):
    """One editor's decision on one fact."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(description="The fact's kind: the stem of its files (people, events, ...).")
    id: str = Field(description="The fact's id.")
    action: Literal["confirm", "reject", "fix"]
    reason: str | None = Field(default=None, description="Why it is rejected (a rejection needs one).")
    fields: dict[str, Any] = Field(default_factory=dict, description="A fix's new values, by field.")
    extracted: dict[str, Any] = Field(default_factory=dict, description=(
        "What extraction gave for each fixed field (None: no value), written under `fixed_from`."))

    @property
    def reference(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Outcome:
    """What a decision did to its file: `done` is False when the file said so already."""

    decision: Decision
    done: bool
    note: str  # "confirmed", "rejected (moved from confirm)", "confirmed already", ...


@dataclass(frozen=True)
class Written:
    outcomes: list[Outcome]
    files: list[Path]   # each file written, once

    def summary(self) -> str:
        """`2 confirmed, 1 rejected, 0 fixed`: the decisions that changed a file."""
        done = collections.Counter(outcome.decision.action for outcome in self.outcomes if outcome.done)
        return f"{done['confirm']} confirmed, {done['reject']} rejected, {done['fix']} fixed"


class DecisionsRefused(Exception):
    """The decisions cannot be written as they are; nothing was written. The message says why."""


# -- one file ---------------------------------------------------------------------------------


def edit_editorial(text: str, decisions: list[Decision]) -> tuple[str, list[Outcome]]:
    """The new text of one editorial file with `decisions` made in it, and each one's outcome."""
    document = YamlText(text, EDITORIAL_SECTIONS)
    outcomes = [_decide(document, decision) for decision in decisions]
    return document.full_text, outcomes


def _decide(document: YamlText, decision: Decision) -> Outcome:
    fact_id = decision.id
    confirmed = fact_id in _section(document, "confirm", list)
    fixed = fact_id in _section(document, "fix", dict)
    rejected = _section(document, "reject", dict)
    moved: list[str] = []

    def unreject() -> None:
        if fact_id in rejected:
            document.delete(("reject", fact_id))
            moved.append("moved from reject")

    def unconfirm() -> None:
        while fact_id in _section(document, "confirm", list):
            document.remove(("confirm",), fact_id)
        moved.append("moved from confirm")

    if decision.action == "confirm":
        if confirmed and fact_id not in rejected:
            return Outcome(decision, False, "confirmed already")
        if fixed and fact_id not in rejected:
            return Outcome(decision, False, "fixed already; the fix stands as reviewed")
        unreject()
        if not confirmed:
            document.append(("confirm",), fact_id)
        return Outcome(decision, True, _note("confirmed", moved))

    if decision.action == "reject":
        if not decision.reason or not decision.reason.strip():
            raise DecisionsRefused(f"rejecting {decision.reference} needs a reason")
        if rejected.get(fact_id) == decision.reason and not confirmed and not fixed:
            return Outcome(decision, False, "rejected already, for that reason")
        if confirmed:
            unconfirm()
        if fixed:
            document.delete(("fix", fact_id))
            if fact_id in _section(document, "fixed_from", dict):
                document.delete(("fixed_from", fact_id))
            moved.append("moved from fix; the fix is dropped")
        document.set(("reject", fact_id), decision.reason)
        return Outcome(decision, True, _note("rejected", moved))

    if not decision.fields:
        raise DecisionsRefused(f"a fix of {decision.reference} needs at least one field")
    unreject()
    if confirmed:
        unconfirm()
    for name, value in decision.fields.items():
        document.set(("fix", fact_id, name), value)
    for name in decision.fields:
        document.set(("fixed_from", fact_id, name), decision.extracted.get(name))
    return Outcome(decision, True, _note(f"fixed ({', '.join(decision.fields)})", moved))


def _section(document: YamlText, name: str, shape: type) -> Any:
    """A section of the file as data, empty when missing; a section of another shape is a
    mistake `explainer check` reports, and no decision is written over it."""
    value = document.data.get(name)
    if value is None:
        return shape()
    if not isinstance(value, shape):
        raise EditRefused(f"'{name}' is not {'a list' if shape is list else 'a mapping'}; "
                          "correct it as `explainer check` says")
    return value


def _note(done: str, moved: list[str]) -> str:
    return f"{done} ({'; '.join(moved)})" if moved else done


# -- every file, checked, then written ---------------------------------------------------------


def write_decisions(project: Project, decisions: list[Decision], problems_before: list[Problem]) -> Written:
    """Make `decisions` in the editorial files and write them, or raise DecisionsRefused and
    write nothing: when a file cannot be edited precisely, or when the content would have a
    problem `explainer check` did not report before (`problems_before`)."""
    by_kind: dict[str, list[Decision]] = {}
    for decision in decisions:
        by_kind.setdefault(decision.kind, []).append(decision)
    texts: dict[Path, str] = {}
    outcomes: list[Outcome] = []
    for kind, kind_decisions in by_kind.items():
        path = project.editorial_dir / f"{kind}.yaml"
        original = _read(path, project)
        try:
            text, kind_outcomes = edit_editorial(original if original is not None else _new_file(kind),
                                                 kind_decisions)
        except EditRefused as error:
            raise DecisionsRefused(f"{_shown(path, project)}: cannot edit it: {error}\nNothing was written.") from None
        outcomes.extend(kind_outcomes)
        if text != original and any(outcome.done for outcome in kind_outcomes):
            texts[path] = text
    new_problems = _new_problems(project, texts, problems_before)
    if new_problems:
        report = "\n".join(problem.format(project.root) for problem in new_problems)
        raise DecisionsRefused(f"{report}\nThese decisions would make the content invalid, so nothing was written.")
    with _signals_deferred():
        for path, text in texts.items():
            write_text(path, text, durable=True)
    return Written(outcomes, list(texts))


def _read(path: Path, project: Project) -> str | None:
    if not path.is_file():
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise DecisionsRefused(f"{_shown(path, project)}: not UTF-8; re-save it as UTF-8. Nothing was written.") from None


def _new_file(kind: str) -> str:
    """The start of an editorial file made for a first decision: its schema line and what it holds."""
    return modeline(f"editorial/{kind}") + f"# Editors' review of content/extracted/{kind}.yaml, by id.\n"


def _shown(path: Path, project: Project) -> str:
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class _Staged(Project):
    """The project as it would be with new editorial files: they are read from a copy."""

    staged_editorial: Path = Path()

    @property
    def editorial_dir(self) -> Path:
        return self.staged_editorial


def _new_problems(project: Project, texts: dict[Path, str], before: list[Problem]) -> list[Problem]:
    """The problems `explainer check` would find with `texts` in place that it does not find
    now (a problem is the same when its file and message are: the lines may have moved)."""
    if not texts:
        return []
    with tempfile.TemporaryDirectory(prefix="explainer-review-") as folder:
        staged = Path(folder) / "editorial"
        if project.editorial_dir.is_dir():
            shutil.copytree(project.editorial_dir, staged, symlinks=True)
        staged.mkdir(exist_ok=True)
        for path, text in texts.items():
            (staged / path.name).write_text(text, encoding="utf-8")
        _, problems = read_content(_Staged(project.root, staged))
        moved = [Problem(project.editorial_dir / Path(problem.path).relative_to(staged), problem.line,
                         problem.column, problem.message) if _inside(Path(problem.path), staged) else problem
                 for problem in problems]
    known = collections.Counter((str(problem.path), problem.message) for problem in before)
    new = []
    for problem in sorted(moved):
        key = (str(problem.path), problem.message)
        if known[key]:
            known[key] -= 1
        else:
            new.append(problem)
    return new


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C, a hang-up or a kill asking politely, while the files are replaced, waits for
    the last one to be in place: the files are written all together or not at all."""
    received: list[int] = []
    names = [signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    try:
        previous = {number: signal.signal(number, lambda number, frame: received.append(number)) for number in names}
    except ValueError:  # not the main thread: signals go elsewhere anyway
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


# -- fixes --------------------------------------------------------------------------------------


def fixable_fields(model: type[BaseModel]) -> list[str]:
    """The fields an editor may fix, in the model's order."""
    return [name for name in model.model_fields if name not in MACHINE_FIELDS]


def field_named(model: type[BaseModel], typed: str) -> tuple[str | None, str | None]:
    """The field `typed` names, else None and what is wrong."""
    fields = fixable_fields(model)
    typed = typed.strip()
    if typed in fields:
        return typed, None
    close = difflib.get_close_matches(typed, fields, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"the fields are {', '.join(fields)}"
    return None, f"no field '{typed}' to fix; {hint}"


def parse_fix(model: type[BaseModel], record: BaseModel, field: str, typed: str) -> tuple[Any, str | None]:
    """The value an editor typed for `field` of `record`, and None; or None and what is wrong
    with it, as `explainer check` would say. A text field takes the text as typed (`~`, or
    nothing, empties a field that may be empty); any other field reads it as a YAML value
    (`[a, b]`, `2032`, `{value: 5000, unit: missiles}`)."""
    typed = typed.strip()
    annotation = model.model_fields[field].annotation
    if typed in ("", "~") and _may_be_empty(annotation):
        value: Any = None
    elif not typed:
        return None, f"{field} needs a value"
    elif _takes_text(annotation):
        value = typed
    else:
        document, problems = load_yaml_text(f"value: {typed}\n")
        if problems or document is None:
            return None, f"not a value YAML can read: {problems[0].message if problems else typed}"
        value = document.data.get("value") if isinstance(document.data, dict) else None
    current = record.model_dump(exclude_unset=True)
    if field in current and current[field] == value:
        return None, f"{field} is that already"
    try:
        model.model_validate({**current, field: value})
    except ValidationError as error:
        return None, "; ".join(describe(detail, model, tuple(detail["loc"])) for detail in error.errors())
    return value, None


def extracted_value(record: BaseModel, field: str) -> Any:
    """What extraction gave for `field`, as written in content/extracted/ (None: no value)."""
    if field not in record.model_fields_set:
        return None
    return record.model_dump(mode="json", include={field})[field]


def _takes_text(annotation: Any) -> bool:
    """Whether a field holds text (or a choice of words), which an editor types as it is."""
    choices = [argument for argument in _alternatives(annotation) if argument is not NoneType]
    return bool(choices) and all(
        choice is str or (typing.get_origin(choice) is Literal and all(isinstance(word, str) for word in typing.get_args(choice)))
        for choice in choices)


def _may_be_empty(annotation: Any) -> bool:
    return NoneType in _alternatives(annotation)


def _alternatives(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, UnionType):
        return [inner for argument in typing.get_args(annotation) for inner in _alternatives(argument)]
    if typing.get_origin(annotation) is typing.Annotated:
        return _alternatives(typing.get_args(annotation)[0])
    return [annotation]
