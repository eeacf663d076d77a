"""The review queue: the machine facts waiting for an editor, each with its evidence in context.

First the facts held for review (confidence below the site's `review_below`, or a quote whose
speaker is held), kind by kind in the site's order; then the unreviewed facts that are new
since the previous extraction. Each item has the machine record as content/extracted/ has it
(a held fact is not among the published ones), why it waits, and each piece of its evidence
where its article has it: the passage, found by the same test `check` makes
(`model.evidence.locate`), with the sentence before and the one after, and the article's
title, outlet, date and file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.content.reader import ContentReader
from generator.files.articles import read_article
from generator.files.project import Project
from generator.model.evidence import locate
from generator.model.facts import FACT_TYPES, Facts
from generator.model.records import Conflict, Fact, Quote, Record, Source

# The record types an editor can decide on, by the stem of their files: sources have no
# confidence and are never held, but an editor may fix or confirm one like any fact.
DECIDABLE = {**FACT_TYPES, "sources": Source}

# A sentence ends at a full stop, question or exclamation mark (with the quotes or brackets
# closing after it) before white space, and at every line break: articles keep a paragraph
# a line. A full stop after a single capital ("U.S.", "J. D. Vance") or a title does not.
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+|\n\s*")
_NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|No|vs))\.$")


@dataclass(frozen=True)
class InContext:
    """One piece of evidence where its article has it."""

    source: Source | None   # None: the source id is unknown (`check` says so)
    quote: str              # as the fact gives it
    before: str = ""        # the sentence before the passage, and its own sentence up to it
    passage: str = ""       # the passage as the article writes it; empty when not found
    after: str = ""         # the rest of its sentence, and the sentence after
    start: int = -1         # the passage's offsets in the article's text (-1: not found)
    end: int = -1

    @property
    def found(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class QueueItem:
    kind: str
    record: Record          # the machine record, as content/extracted/ has it
    why: str                # why it waits, in an editor's words
    held: bool              # held for review (else: new since the last extraction)
    evidence: list[InContext] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return f"{self.kind}:{self.record.id}"


class UnknownFact(LookupError):
    """An id the editor gave that names no machine fact, or more than one."""


@dataclass
class MachineFacts:
    """The records of content/extracted/, by kind and id; and where the articles are."""

    project: Project
    by_kind: dict[str, dict[str, Record]]
    _texts: dict[str, str | None] = field(default_factory=dict)

    def find(self, reference: str) -> tuple[str, Record]:
        """The kind and record `reference` names: an id, or `kind:id` for an id that more
        than one kind has."""
        kind, _, fact_id = reference.rpartition(":") if ":" in reference else ("", "", reference)
        if kind and kind not in self.by_kind:
            close = difflib.get_close_matches(kind, list(self.by_kind), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}:{fact_id}'?" if close else f"the kinds are {', '.join(self.by_kind)}"
            raise UnknownFact(f"no kind '{kind}' in this project; {hint}")
        kinds = [kind] if kind else [name for name, records in self.by_kind.items() if fact_id in records]
        found = [(name, self.by_kind[name][fact_id]) for name in kinds if fact_id in self.by_kind[name]]
        if len(found) == 1:
            return found[0]
        if found:
            choices = " or ".join(f"'{name}:{fact_id}'" for name, _ in found)
            raise UnknownFact(f"'{fact_id}' is an id in {', '.join(name for name, _ in found)}; say which: {choices}")
        ids = [record_id for name in kinds or self.by_kind for record_id in self.by_kind[name]]
        close = difflib.get_close_matches(fact_id, ids, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; `explainer review --list` lists the facts waiting"
        where = f"{kind} fact" if kind else "fact"
        raise UnknownFact(f"no {where} with id '{fact_id}' in content/extracted/{hint}")

    def article_text(self, source: Source) -> str | None:
        """The text of a source's article as `check` reads it, read once; None if unreadable."""
        if source.id not in self._texts:
            path = self.project.root / source.file
            article = read_article(path)[0] if path.is_file() else None
            self._texts[source.id] = article.text if article is not None else None
        return self._texts[source.id]


def machine_facts(project: Project, kinds: list[str]) -> MachineFacts:
    """The machine records of a project's kinds (problems in them are `check`'s to report)."""
    reader = ContentReader(project, problems=[], kinds=kinds)
    names = ["sources", *kinds]
    return MachineFacts(project, {name: {fact_id: placed.record for fact_id, placed in
                                         reader.extracted(name, DECIDABLE[name]).items()}
                                  for name in names})


def review_queue(facts: Facts, machine: MachineFacts, new: dict[str, list[str]]) -> list[QueueItem]:
    """The facts waiting for review: held ones first, then the new ones nobody reviewed."""
    sources = {source.id: source for source in facts.sources}
    threshold = facts.site.review_below
    items: list[QueueItem] = []
    queued: set[tuple[str, str]] = set()
    for kind in facts.kinds:
        for fact_id in facts.held.get(kind, []):
            record = machine.by_kind.get(kind, {}).get(fact_id)
            if record is not None:
                items.append(QueueItem(kind, record, _why_held(record, threshold), True,
                                       evidence_in_context(record, sources, machine)))
                queued.add((kind, fact_id))
    for kind in facts.kinds:
        published = {record.id for record in getattr(facts, kind)}
        for fact_id in new.get(kind, []):
            record = machine.by_kind.get(kind, {}).get(fact_id)
            # A rejected fact is not published; a reviewed one has been seen.
            if record is None or (kind, fact_id) in queued or fact_id in facts.reviewed or fact_id not in published:
                continue
            items.append(QueueItem(kind, record, "new since the last extraction", False,
                                   evidence_in_context(record, sources, machine)))
            queued.add((kind, fact_id))
    return items


def _why_held(record: Record, threshold: float) -> str:
    confidence = getattr(record, "confidence", None)
    if confidence is not None and confidence < threshold:
        rule = f" (rule {record.basis})" if getattr(record, "basis", None) else ""
        return f"held for review: confidence {confidence:g} is below review_below {threshold:g}{rule}"
    if isinstance(record, Quote):
        return f"held for review: its speaker '{record.speaker}' is held; decide on the speaker first"
    return "held for review"


def evidence_of(record: Record) -> list[tuple[str, str]]:
    """The (source id, quoted text) pairs a record rests on: a quote's own words, a
    conflict's claims, any other fact's evidence."""
    if isinstance(record, Quote):
        return [(record.source, record.text)]
    if isinstance(record, Conflict):
        return [(claim.source, claim.quote) for claim in record.claims]
    if isinstance(record, Fact):
        return [(item.source, item.quote) for item in record.evidence]
    return []


def evidence_in_context(record: Record, sources: dict[str, Source], machine: MachineFacts) -> list[InContext]:
    found = []
    for source_id, quote in evidence_of(record):
        source = sources.get(source_id)
        text = machine.article_text(source) if source is not None else None
        span = locate(text, quote) if text is not None else None
        if span is None:
            found.append(InContext(source, quote))
            continue
        before, after = context_of(text, *span)
        found.append(InContext(source, quote, before, text[span[0]:span[1]], after, *span))
    return found


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The text around a passage: from the start of the sentence before the one it starts
    in, and to the end of the sentence after the one it ends in."""
    starts = sentence_starts(text)
    current = max((offset for offset in starts if offset <= start), default=0)
    previous = max((offset for offset in starts if offset < current), default=current)
    following = min((offset for offset in starts if offset >= end), default=len(text))
    final = min((offset for offset in starts if offset > following), default=len(text))
    return text[previous:start], text[end:final]


def sentence_starts(text: str) -> list[int]:
    """The offsets where a sentence of `text` starts, the first included."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("\n") or not _NOT_AN_END.search(text[max(0, match.start() - 12):match.start() + 1]):
            starts.append(match.end())
    return starts
