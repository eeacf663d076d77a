"""Participants: countries and organisations taking part in the coalition or its summit.

Statuses, strongest first: "lead" (led by / spearheading / X and Y lead), "member" (X will
join the coalition), "attended" (leaders listed at the summit, "delegations from ...",
"plus Canada and Turkey ... gathered"), "likely" (likely involved / would likely include /
will sign up). A country merely named (a rival, a place) is not a participant.
"""

from __future__ import annotations

import re

from ..facts import Evidence, Participant
from .. import gazetteer
from .actors import places_in
from .document import ArticleDoc
from .records import extractor_name

EXTRACTOR = extractor_name("participants")
STATUS_RANK = {"lead": 4, "member": 3, "attended": 2, "likely": 1}
_LIST = rf"(?:the\s+)?(?:{gazetteer.PLACE_NAMES_PATTERN})(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?(?:{gazetteer.PLACE_NAMES_PATTERN}))*"
_LEAD = [
    re.compile(rf"\b[Ll]ed by (?P<list>{_LIST})"),
    re.compile(rf"(?P<list>{_LIST})\s+(?:are\s+|is\s+|will\s+)?(?:spearheading|spearhead|spearheads|lead|leads|leading|co-lead|co-leading)\b"),
]
_MEMBER = re.compile(rf"(?P<list>{_LIST})(?:\s*,?\s*and other countries)?\s+(?:will|would|have agreed to|agreed to)\s+join\s+the\s+coalition")
_LIKELY_CUE = re.compile(r"\b(?:likely|possibly|expected to (?:join|take part)|sign up|interest in (?:being part|joining))\b")
_SUMMIT = re.compile(r"\b(?:summit|talks|gathered|attendees|meeting of|delegations)\b", re.I)
_ATTEND_CUE = re.compile(r"\b(?:joined \w+ at|were also at|at the (?:security |emergency )?summit|attendees|delegations from|gathered in|plus)\b")
_DELEGATIONS = re.compile(rf"\b(?:delegations|representatives|leaders) from (?P<list>{_LIST})")
_PLUS = re.compile(rf"\bplus (?P<list>{_LIST})")
_LIST_INTRO = re.compile(r"^(?:They|These|Those) (?:were|are|included)\b")


def extract_participants(context: ArticleDoc) -> list[Participant]:
    found: dict[str, tuple[str, list[str]]] = {}

    def add(place_id: str, status: str, quote: str):
        place = gazetteer.place(place_id)
        if place is None:
            return
        current = found.get(place_id)
        if current is None:
            found[place_id] = (status, [quote])
            return
        best = status if STATUS_RANK[status] > STATUS_RANK[current[0]] else current[0]
        quotes = current[1] + ([quote] if quote not in current[1] else [])
        found[place_id] = (best, quotes)

    previous_attending = False
    for sentence in context.sentences:
        quote = context.quote_of(sentence)
        chunk = context.text[sentence.start_char:sentence.end_char]
        if context.in_quote(sentence.start_char + 1) or quote.endswith("?"):
            previous_attending = False
            continue
        for pattern in _LEAD:
            for match in pattern.finditer(chunk):
                if re.search(r"coalition|initiative|plan|effort|grouping|force|mission|alliance", chunk, re.I):
                    for place_id in places_in(match.group("list")):
                        add(place_id, "lead", quote)
        for match in _MEMBER.finditer(chunk):
            for place_id in places_in(match.group("list")):
                add(place_id, "member", quote)
        likely = _LIKELY_CUE.search(chunk)
        if likely and re.search(r"coalition|initiative|grouping|involved|include", chunk, re.I):
            for place_id in places_in(chunk):
                if not re.search(rf"\b(?:against|with|from)\s+(?:the\s+)?{re.escape(gazetteer.place(place_id).name)}", chunk):
                    add(place_id, "likely", quote)
        attending = bool(_SUMMIT.search(chunk) and _ATTEND_CUE.search(chunk))
        if attending or (previous_attending and _LIST_INTRO.match(quote)):
            for pattern in (_DELEGATIONS, _PLUS):
                for match in pattern.finditer(chunk):
                    for place_id in places_in(match.group("list")):
                        add(place_id, "attended", quote)
            for mention in context.mentions_in(sentence.start_char, sentence.end_char):
                person = context.people.get(mention.person)
                if person is not None and person.country and mention.strong:
                    add(person.country, "attended", quote)
        previous_attending = attending
    participants = []
    for place_id, (status, quotes) in found.items():
        place = gazetteer.place(place_id)
        participants.append(Participant(
            id=place_id, name=place.name, kind=place.kind, status=status,
            evidence=[Evidence(source=context.source, quote=q) for q in quotes],
            extractor=EXTRACTOR, confidence={"lead": 0.8, "member": 0.7, "attended": 0.7, "likely": 0.5}[status],
        ))
    return sorted(participants, key=lambda p: p.id)
