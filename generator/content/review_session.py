"""`explainer review`: the editors' review loop in the terminal, and its forms for scripts.

In a terminal the queue (`review_queue`) is walked one fact per screen: its kind and id, its
fields, why it waits, and each piece of evidence in its article, the passage marked, with the
article's title, outlet, date and file. One key decides: `c` confirm, `r` reject (with a
reason), `f` fix a field (the value checked against the record's model before it is taken),
`s` skip, `o` open the article in a pager, `u` undo the last decision, `q` quit and save, `?`
help. Decisions stay in memory until the session ends with `q` or at the end of the queue;
then they are written together (`decisions.write_decisions`), or, if the content would not
pass `check`, not at all, and the session goes on so that a decision can be undone. Ctrl-C,
end of input, a hang-up or a kill midway writes nothing.

Without a terminal, the queue is listed; `--confirm`, `--reject` and `--fix` decide from the
command line with the same writing and the same checks.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import textwrap
from dataclasses import dataclass
from typing import Any, Iterator

import click
from pydantic import BaseModel

from generator.content.decisions import (
    Decision, DecisionsRefused, Written, extracted_value, field_named, fixable_fields, parse_fix, write_decisions,
)
from generator.content.reader import read_content
from generator.content.review_queue import (
    DECIDABLE, InContext, MachineFacts, QueueItem, UnknownFact, machine_facts, review_queue,
)
from generator.files.project import Project
from generator.files.yaml_edits import flow_text
from generator.model.errors import Problem
from generator.model.facts import Facts
from generator.model.records import Source

# Fields the screen does not list among the fact's own: the id heads it, the evidence has its
# own part, and how extraction found the fact is in why it waits.
_NOT_SHOWN = ("id", "evidence", "extractor", "confidence", "basis")
OPEN, CLOSE = "\u00bb", "\u00ab"  # around a passage, kept when colours are not
KEYS = (
    ("c", "confirm: right as extracted"),
    ("r", "reject: not to be published (asks why)"),
    ("f", "fix a field (asks which, then the new value)"),
    ("s", "skip: decide later"),
    ("o", "open the article, the passage marked"),
    ("u", "undo the last decision"),
    ("q", "quit and save the decisions"),
    ("?", "this help"),
)
HINT = "c confirm · r reject · f fix · s skip · o open article · u undo · q quit and save · ? help"
HOW_TO_DECIDE = (
    "Decide in a terminal with `explainer review`, one fact per screen, or from a script:\n"
    "  explainer review --confirm ID [ID...]\n"
    "  explainer review --reject ID [ID...] --why TEXT\n"
    "  explainer review --fix ID FIELD=VALUE [FIELD=VALUE...]\n"
    "An id that two kinds have is written KIND:ID."
)


class ReviewProblem(Exception):
    """Something that stops a review command; nothing was written. The message says what."""


@dataclass
class Review:
    """What a review starts from: the content as `check` reads it, and the queue."""

    project: Project
    facts: Facts
    problems: list[Problem]   # as `check` reports them now; decisions may not add any
    machine: MachineFacts
    queue: list[QueueItem]


def open_review(project: Project, new: dict[str, list[str]]) -> Review:
    """Read the content and make the queue; `new` holds the ids of the facts the last
    extraction added, by kind."""
    facts, problems = read_content(project)
    machine = machine_facts(project, facts.kinds)
    return Review(project, facts, problems, machine, review_queue(facts, machine, new))


# -- without a terminal -------------------------------------------------------------------------


def list_queue(review: Review) -> str:
    """The queue as text: each fact with what it says and why it waits, then how to decide."""
    if not review.queue:
        return "Nothing waits for review: no fact is held, and none is new since the last extraction."
    count = len(review.queue)
    lines = [f"{count} fact{'s' if count != 1 else ''} wait{'s' if count == 1 else ''} for review:"]
    for item in review.queue:
        lines.append(f"  {item.reference}  {_label(item.record)}")
        lines.append(f"      {item.why}")
        for piece in item.evidence:
            lines.append(f"      {piece.source.id if piece.source else '?'}: \"{_short(piece.quote, 90)}\"")
    return "\n".join(lines + ["", HOW_TO_DECIDE])


def decide(review: Review, action: str, operands: list[str], why: str | None) -> str:
    """Make the decisions a command line asks for and write them; the lines to print, one per
    decision. ReviewProblem, with every problem found, when any is wrong: nothing is written."""
    decisions: list[Decision] = []
    problems: list[str] = []
    if not operands:
        raise ReviewProblem(f"--{action} needs the id of a fact")
    if action == "reject" and not (why and why.strip()):
        raise ReviewProblem("--reject needs the reason: --why TEXT (it stays in the file for the next editor)")
    references = operands[:1] if action == "fix" else operands
    found: list[tuple[str, BaseModel]] = []
    for reference in references:
        try:
            found.append(review.machine.find(reference))
        except UnknownFact as error:
            problems.append(str(error))
    if action == "fix" and found:
        kind, record = found[0]
        assignments = operands[1:]
        if not assignments:
            problems.append("--fix needs the new values after the id: FIELD=VALUE ...")
        fields, problems_of_fix = _assignments(DECIDABLE[kind], record, assignments)
        problems.extend(problems_of_fix)
        if fields:
            decisions.append(Decision(kind=kind, id=record.id, action="fix", fields=fields,
                                      extracted={name: extracted_value(record, name) for name in fields}))
    elif action != "fix":
        decisions.extend(Decision(kind=kind, id=record.id, action=action, reason=why if action == "reject" else None)
                         for kind, record in found)
    if problems:
        raise ReviewProblem("\n".join(problems) + "\nNothing was written.")
    try:
        written = write_decisions(review.project, decisions, review.problems)
    except DecisionsRefused as error:
        raise ReviewProblem(str(error)) from None
    return written_report(written, review.project)


def _assignments(model: type[BaseModel], record: BaseModel, assignments: list[str]) -> tuple[dict[str, Any], list[str]]:
    fields: dict[str, Any] = {}
    problems: list[str] = []
    current = record
    for assignment in assignments:
        name, equals, typed = assignment.partition("=")
        if not equals:
            problems.append(f"'{assignment}' is not FIELD=VALUE")
            continue
        field, problem = field_named(model, name)
        if field is not None:
            value, problem = parse_fix(model, current, field, typed)
        if problem:
            problems.append(f"{record.id}: {problem}")
            continue
        fields[field] = value
        current = current.model_copy(update={field: value})
    return fields, problems


def written_report(written: Written, project: Project) -> str:
    """What was written: one line per decision, then the counts and the files."""
    lines = []
    for outcome in written.outcomes:
        reference = outcome.decision.reference
        lines.append(f"{outcome.note} {reference}" if outcome.done else f"{reference}: {outcome.note}")
    files = ", ".join(path.relative_to(project.root).as_posix() for path in written.files)
    lines.append(f"{written.summary()}; wrote {files}" if written.files else
                 f"{written.summary()}; nothing needed writing")
    return "\n".join(lines)


# -- in a terminal --------------------------------------------------------------------------------


class Session:
    """One walk through the queue; `run` returns the exit status."""

    def __init__(self, review: Review):
        self.review = review
        self.queue = review.queue
        self.position = 0
        self.decisions: list[tuple[int, Decision]] = []   # with the position of the fact decided
        self.message = ""
        self.refused: str | None = None
        self.written: Written | None = None

    def run(self) -> int:
        if not self.queue:
            click.echo(list_queue(self.review))
            return 0
        try:
            with _stops_as_interrupts():
                return self._walk()
        except (KeyboardInterrupt, EOFError, click.Abort):
            if self.written is not None:  # stopped after the files were written, before saying so
                click.echo(written_report(self.written, self.review.project))
                return 0
            count = len(self.decisions)
            dropped = f"; the {count} decision{'s' if count != 1 else ''} of this session {'were' if count != 1 else 'was'} dropped" if count else ""
            click.echo(f"\nInterrupted: nothing was written{dropped}.", err=True)
            return 1

    def _walk(self) -> int:
        while True:
            if self.position >= len(self.queue) and self.refused is None:
                status = self._finish()
                if status is not None:
                    return status
            if self.position >= len(self.queue):
                self._draw(self._end_screen())
            else:
                self._draw(self._item_screen(self.queue[self.position]))
            key = click.getchar().lower()
            if key == "q":
                status = self._finish()
                if status is not None:
                    return status
            elif key == "u":
                self._undo()
            elif key == "?":
                self._help()
            elif self.position >= len(self.queue):
                self.message = "The queue is done: u undoes the last decision, q writes the decisions."
            elif key in ("c", "r", "f", "s", "o"):
                getattr(self, f"_key_{key}")(self.queue[self.position])
            else:
                self.message = "Not a key of the review; ? lists them."

    # -- the keys ---------------------------------------------------------------------------

    def _key_c(self, item: QueueItem) -> None:
        self._decided(Decision(kind=item.kind, id=item.record.id, action="confirm"), "Confirmed")

    def _key_r(self, item: QueueItem) -> None:
        reason = click.prompt("Why reject it? (kept in the file for the next editor; an empty line cancels)",
                              default="", show_default=False).strip()
        if not reason:
            self.message = f"{item.reference} was not rejected: a rejection needs a reason."
            return
        self._decided(Decision(kind=item.kind, id=item.record.id, action="reject", reason=reason), "Rejected")

    def _key_f(self, item: QueueItem) -> None:
        model = DECIDABLE[item.kind]
        record = item.record
        fields: dict[str, Any] = {}
        click.echo(f"Fields: {', '.join(fixable_fields(model))}")
        while True:
            typed = click.prompt("Field to fix (an empty line ends the fix)", default="", show_default=False)
            if not typed.strip():
                break
            name, problem = field_named(model, typed)
            if name is None:
                click.echo(click.style(problem, fg="red"))
                continue
            while True:
                now = _shown(getattr(record, name))
                typed = click.prompt(f"New {name} (now: {now}; an empty line cancels)", default="", show_default=False)
                if not typed.strip():
                    break
                value, problem = parse_fix(model, record, name, typed)
                if problem:
                    click.echo(click.style(problem, fg="red"))
                    continue
                fields[name] = value
                record = record.model_copy(update={name: value})
                click.echo(f"{name}: {_shown(value)}")
                break
        if not fields:
            self.message = f"{item.reference} was not fixed."
            return
        self._decided(Decision(kind=item.kind, id=item.record.id, action="fix", fields=fields,
                               extracted={name: extracted_value(item.record, name) for name in fields}),
                      f"Fixed ({', '.join(fields)})")

    def _key_s(self, item: QueueItem) -> None:
        self.message = f"Skipped {item.reference}."
        self.position += 1

    def _key_o(self, item: QueueItem) -> None:
        sources = list(dict.fromkeys(piece.source.id for piece in item.evidence if piece.source is not None))
        if not sources:
            self.message = "This fact names no known article."
            return
        chosen = sources[0]
        if len(sources) > 1:
            for number, source_id in enumerate(sources, 1):
                click.echo(f"  {number}  {source_id}")
            number = click.prompt("Which article?", type=click.IntRange(1, len(sources)), default=1)
            chosen = sources[number - 1]
        source = next(piece.source for piece in item.evidence if piece.source and piece.source.id == chosen)
        text = self.review.machine.article_text(source)
        if text is None:
            self.message = f"{source.file} cannot be read; `explainer check` says why."
            return
        spans = [(piece.start, piece.end) for piece in item.evidence if piece.source and piece.source.id == chosen and piece.found]
        click.echo_via_pager(f"{_article_heading(source)}\n\n{_marked(text, spans)}\n")

    def _undo(self) -> None:
        if not self.decisions:
            self.message = "Nothing to undo."
            return
        position, decision = self.decisions.pop()
        self.position, self.refused = position, None
        self.message = f"Undone: {decision.action} {decision.reference}."

    def _help(self) -> None:
        self._draw("The keys of the review:\n\n" + "\n".join(f"  {key}  {meaning}" for key, meaning in KEYS) +
                   "\n\nCtrl-C leaves without writing anything. Decisions are written when you press q, "
                   "or at the end of the queue.\n\nPress any key to go back.")
        click.getchar()

    def _decided(self, decision: Decision, verb: str) -> None:
        self.decisions.append((self.position, decision))
        self.position += 1
        self.message = f"{verb}: {decision.reference}."

    def _finish(self) -> int | None:
        """Write the decisions; the exit status, or None when they were refused (the session goes on)."""
        if not self.decisions:
            click.echo("No decisions were made: nothing was written.")
            return 0
        try:
            written = write_decisions(self.review.project, [decision for _, decision in self.decisions],
                                      self.review.problems)
        except DecisionsRefused as error:
            self.refused = str(error)
            self.message = ""
            return None
        self.written = written
        click.echo(written_report(written, self.review.project))
        return 0

    # -- the screens --------------------------------------------------------------------------

    def _draw(self, screen: str) -> None:
        click.clear()
        click.echo(screen)

    def _item_screen(self, item: QueueItem) -> str:
        width = _width()
        heading = f"{item.kind} · {item.record.id}"
        position = f"{self.position + 1} of {len(self.queue)}"
        lines = [click.style(heading, bold=True) + " " * max(2, width - len(heading) - len(position)) + position, ""]
        names = [name for name in type(item.record).model_fields if name not in _NOT_SHOWN]
        label_width = max((len(name) for name in names), default=0)
        for name in names:
            value = _shown(getattr(item.record, name))
            lines.extend(_wrap(value, width, f"  {name.ljust(label_width)}  ", " " * (label_width + 4))
                         or [f"  {name}"])
        lines += ["", *_wrap(f"Why it waits: {item.why}", width), ""]
        for number, piece in enumerate(item.evidence, 1):
            lines += _evidence_lines(piece, number, len(item.evidence), width)
        lines += self._footer()
        return "\n".join(lines)

    def _end_screen(self) -> str:
        count = len(self.decisions)
        lines = [click.style("End of the queue", bold=True), "",
                 f"All {len(self.queue)} facts seen; {count} decision{'s' if count != 1 else ''} made."]
        return "\n".join(lines + self._footer())

    def _footer(self) -> list[str]:
        lines = [""]
        if self.refused:
            lines += [click.style(line, fg="red") for line in self.refused.splitlines()]
            lines += ["u undoes a decision, q tries again, Ctrl-C leaves without writing.", ""]
        if self.message:
            lines += [self.message]
        pending = len(self.decisions)
        lines += [click.style(HINT, dim=True), f"{pending} decision{'s' if pending != 1 else ''} to write"]
        return lines


def _evidence_lines(piece: InContext, number: int, count: int, width: int) -> list[str]:
    source = piece.source
    lines = _wrap(f"Evidence {number} of {count}" + (f": {source.title}" if source else ""), width, "", "  ")
    if source is None:
        return lines + [f"  from an unknown source: \"{piece.quote}\"", ""]
    lines += _wrap(" · ".join(_article_facts(source)), width, "  ", "  ")
    if not piece.found:
        return lines + [click.style(f"  not found in the article: \"{piece.quote}\"", fg="red"), ""]
    text = f"{_flat(piece.before)}{OPEN}{_flat(piece.passage)}{CLOSE}{_flat(piece.after)}"
    return lines + _highlighted(_wrap(text, width, "  ", "  ")) + [""]


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most `width`, broken at spaces only: ids, dates and hyphenated words stay whole."""
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=False)


def _article_facts(source: Source) -> list[str]:
    return [source.outlet or "outlet not stated", source.published or "no date", source.file]


def _article_heading(source: Source) -> str:
    return f"{source.title}\n{' · '.join(_article_facts(source))}"


def _highlighted(lines: list[str]) -> list[str]:
    """Wrapped lines with the text between the passage marks in bold and reverse video."""
    out, inside = [], False
    for line in lines:
        parts, rest = [], line
        while rest:
            mark = CLOSE if inside else OPEN
            before, found, rest = rest.partition(mark)
            parts.append(click.style(before, bold=True, reverse=True) if inside and before else before)
            if found:
                parts.append(mark)
                inside = not inside
        out.append("".join(parts))
    return out


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The article's text with each passage between marks (in the pager, which may show no colour)."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [text[last:start], OPEN, text[start:end], CLOSE]
        last = end
    return "".join(out + [text[last:]])


def _flat(text: str) -> str:
    """Text on one line: the article's line breaks and runs of spaces as single spaces."""
    return re.sub(r"\s+", " ", text)


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value) if value else "—"
    return flow_text(value)


def _label(record: BaseModel) -> str:
    """What a record says, in a few words, for the list."""
    for name in ("name", "title", "text", "about", "summary"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return _short(value, 70)
    return ""


def _short(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 30)).columns, 120) - 1)


@contextlib.contextmanager
def _stops_as_interrupts() -> Iterator[None]:
    """A hang-up or a kill asking politely ends the session as Ctrl-C does: nothing written."""
    def interrupt(number: int, frame: Any) -> None:
        raise KeyboardInterrupt

    names = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {number: signal.signal(number, interrupt) for number in names}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
