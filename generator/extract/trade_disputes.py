"""Participants of a trade dispute: the countries imposing a trade measure and those it targets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.actors import places_in, subject_of
from generator.extract.document import ArticleDoc
from generator.extract.inflection import base_in
from generator.extract import involvement
from generator.extract.passages import NEGATED, Passage, clause_at, clauses_of
from generator.extract.presence import LIST, subject_ids
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token

_ADJECTIVE = gazetteer.PLACE_ADJECTIVES_PATTERN
# The parties to a trade dispute: who imposes a measure and whom it targets.
_TRADE = rf"(?i:{involvement.TRADE_PATTERN})"
_TRADE_TARGET = compiled(
    rf"\b{_TRADE}\b(?:\s+(?:of\s+)?(?:up\s+to\s+|as\s+much\s+as\s+)?[\d.,]+\s*(?:%|percent|per\s+cent))?"
    r"\s+(?:on|against|for)\s+(?:all\s+)?(?:(?:imports|goods|products|exports|shipments)\s+(?:of|from)\s+)?"
    r"(?:all\s+)?"
    rf"(?:the\s+)?(?:(?P<list>{LIST})|(?P<adjective>{_ADJECTIVE})\b)")
# The last word of each measure, with the words that must come before it ("export controls").
_TRADE_HEADS: dict[str, set[str | None]] = {}
for _measure in involvement.TRADE_MEASURES:
    _TRADE_HEADS.setdefault(_measure.split()[-1].lower(), set()).add(
        _measure.split()[0].lower() if " " in _measure else None)
_IMPOSING = frozenset({"impose", "raise", "increase", "hike", "slap", "levy", "announce", "retaliate", "lift", "cut",
                       "lower", "reduce", "pause", "suspend", "launch", "escalate", "introduce", "threaten", "unveil",
                       "respond", "extend"})



def trade_parties(context: ArticleDoc, passage: Passage) -> list[str]:
    """The countries a passage has imposing a trade measure ("China's tariffs", "the U.S.
    “reciprocal” tariff", "the US-China trade war", "China will impose ...") or targeted by
    one ("a 34% tariff on imports of all U.S. products", "tariffs for China")."""
    chunk = passage.text
    if not re.search(rf"\b{_TRADE}\b", chunk):
        return []
    clauses = clauses_of(chunk)
    ids: list[str] = []
    for match in _TRADE_TARGET.finditer(chunk):
        if NEGATED.search(clause_at(clauses, match.start())):
            continue
        if match.group("list"):
            ids += places_in(match.group("list"))
        else:
            place = gazetteer.place_by_adjective(match.group("adjective"))
            ids += [place.id] if place else []
    for measure in passage.tokens:
        if not _is_trade_measure(measure) or NEGATED.search(clause_at(clauses, measure.idx - passage.offset)):
            continue
        modifiers = [c for c in measure.children
                     if c.i < measure.i and c.dep_ in ("compound", "poss", "amod", "nmod")]
        if modifiers:
            start = min(c.left_edge.idx for c in modifiers)
            ids += places_in(context.text[start:measure.idx], adjectives=True)
    for verb in passage.tokens:
        if verb.pos_ != "VERB" or not base_in(verb, _IMPOSING):
            continue
        if not any(_is_trade_measure(t) for t in verb.subtree if t.dep_ not in ("nsubj", "nsubjpass")):
            continue
        if NEGATED.search(clause_at(clauses, verb.idx - passage.offset)):
            continue
        people, places = subject_ids(context, verb)
        subject = subject_of(verb)
        city = gazetteer.country_of_city(subject.text) if subject is not None else None   # "Beijing raised ..."
        ids += people + places + ([city] if city else [])
    return list(dict.fromkeys(ids))


def _is_trade_measure(token: Token) -> bool:
    if token.lower_ not in _TRADE_HEADS:
        return False
    firsts = _TRADE_HEADS[token.lower_]
    return None in firsts or token.i > 0 and token.doc[token.i - 1].lower_ in firsts
