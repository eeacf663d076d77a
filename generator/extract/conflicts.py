"""Figures that sources may give differently, and the conflicts between them.

Per article, `count_claims` records how many leaders/nations a summit sentence counts;
pledges add their quantities. `find_conflicts` groups claims about the same thing (same
normalised key) and reports those on which at least two sources give different values.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from generator.model.facts import Claim, Conflict, slugify
from generator.extract.document import ArticleDoc
from generator.model.gazetteer import NUMBER_WORDS
from generator.extract.records import FigureClaim, extractor_name

EXTRACTOR = extractor_name("conflicts")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT = re.compile(
    rf"(?P<qualifier>\b(?:more than|over|at least|about|around|some|nearly|almost|fewer than|up to)\s+)?"
    rf"\b(?P<number>\d+|{_NUMBER_WORD})\s+(?:(?:European|world|foreign|other|national|western|allied)\s+)*"
    r"(?P<noun>leaders|nations|countries|states|heads of state|representatives|delegations)\b", re.I)
_EVENT = re.compile(r"\b(?P<event>summit|talks|meeting|conference|gathered|convening)\b", re.I)
_GROUP = {"leaders": "leaders", "heads of state": "leaders", "representatives": "leaders",
          "delegations": "leaders", "nations": "leaders", "countries": "leaders", "states": "leaders"}
_PAST_YEAR = re.compile(r"\b(19\d{2}|20[01]\d)\b")


def count_claims(context: ArticleDoc) -> list[FigureClaim]:
    claims = []
    for sentence in context.sentences:
        chunk = context.text[sentence.start_char:sentence.end_char]
        event = _EVENT.search(chunk)
        if not event or _PAST_YEAR.search(chunk) or context.in_quote(sentence.start_char + 1):
            continue
        for match in _COUNT.finditer(chunk):
            if context.in_quote(sentence.start_char + match.start()):
                continue
            number_text = match.group("number").lower()
            number = float(number_text) if number_text.isdigit() else float(NUMBER_WORDS[number_text])
            noun = match.group("noun").lower()
            qualifier = (match.group("qualifier") or "").strip().lower()
            value = " ".join(f"{qualifier} {match.group('number')} {noun}".split())
            claims.append(FigureClaim(
                key=f"count|{_GROUP[noun]}|summit", about="number of leaders at the summit",
                value=value, number=number, source=context.source, quote=context.quote_of(sentence)))
            break
    return claims


def find_conflicts(claims: list[FigureClaim]) -> list[Conflict]:
    groups: "OrderedDict[str, list[FigureClaim]]" = OrderedDict()
    for claim in sorted(claims, key=lambda c: (c.key, c.source)):
        groups.setdefault(claim.key, []).append(claim)
    conflicts = []
    for key, group in groups.items():
        values = {_normal(c.value) for c in group}
        sources = {c.source for c in group}
        if len(values) < 2 or len(sources) < 2:
            continue
        seen = set()
        unique = []
        for claim in group:
            marker = (claim.source, _normal(claim.value))
            if marker not in seen:
                seen.add(marker)
                unique.append(Claim(value=claim.value, source=claim.source, quote=claim.quote))
        about = group[0].about
        conflicts.append(Conflict(id=slugify(about, 6), about=about, claims=unique,
                                  extractor=EXTRACTOR, confidence=0.6))
    return sorted(conflicts, key=lambda c: c.id)


def _normal(value: str) -> str:
    return " ".join(value.lower().replace(",", "").split())
