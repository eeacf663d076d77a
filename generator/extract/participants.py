"""Participants: countries and organisations involved in the story: leading, joining or
attending its joint efforts and meetings.

Statuses, strongest first: "lead" (led by / spearheading / co-chaired by / X and Y lead),
"member" (X will join the effort, take part, sign up to it, contribute to it), "attended"
(leaders listed at a meeting, "delegations from ...", hosted, "plus Canada and Turkey ...
gathered"), "likely" (likely involved / would likely include / will sign up). A country
merely named (a rival, a place) is not a participant. The nouns for meetings and joint
efforts are data, in involvement.yaml.
"""

from __future__ import annotations

import re

from generator.extract.involvement import EFFORT_PATTERN, MEETING_PATTERN
from generator.model.facts import Evidence, Participant
from generator.model import gazetteer
from generator.extract.actors import PLACE_NAME, places_in
from generator.extract.document import ArticleDoc
from generator.extract.records import extractor_name

EXTRACTOR = extractor_name("participants")
STATUS_RANK = {"lead": 4, "member": 3, "attended": 2, "likely": 1}
_MEETING_NOUNS = MEETING_PATTERN
_EFFORT_NOUNS = EFFORT_PATTERN
_LIST = rf"(?:the\s+)?(?:{gazetteer.PLACE_NAMES_PATTERN})(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?(?:{gazetteer.PLACE_NAMES_PATTERN}))*"
_LEAD = [
    re.compile(rf"\b(?:[Ll]ed|[Cc]o-led|[Ll]aunched|[Hh]eaded|[Ss]pearheaded|[Cc]onvened|[Cc]o-chaired|[Cc]haired) "
               rf"by (?P<list>{_LIST})"),
    re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:which|who)\s+)?(?:are\s+|is\s+|will\s+|would\s+)?"
               r"(?:spearheading|spearhead|spearheads|lead|leads|leading|co-lead|co-leads|co-leading|"
               r"co-chair|co-chairs|co-chairing|chair|chairs|chairing)\b"),
]
_MEMBER = re.compile(rf"(?P<list>{_LIST})(?:\s*,?\s*and other countries)?\s+(?:(?:will|would|have|has)\s+)?"
                     rf"(?:agreed to\s+|signed up to\s+)?(?:(?:join|joined)\s+the\s+(?:[\w-]+\s+)?(?:{_EFFORT_NOUNS})\b"
                     # Done, not promised: "will sign up" is a likely member (_LIKELY_CUE below).
                     rf"|signed\s+(?:up\s+to\s+|on\s+to\s+)?the\s+(?:[\w-]+\s+)?(?:{_EFFORT_NOUNS})\b"
                     rf"|(?:contributed|contributes|contributing)\s+to\s+the\s+(?:[\w-]+\s+)?(?:{_EFFORT_NOUNS})\b"
                     r"|take part\b|participate\b)")
# "a plan launched by the UK, in collaboration with France, Italy and others"
_PARTNERS = re.compile(rf"\bin (?:collaboration|cooperation|partnership|coordination) with (?P<list>{_LIST})")
_LIKELY = re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:have|has)\s+)?(?:(?:signalled|signaled|indicated|said)\s+)?"
                     r"(?:(?:that\s+)?(?:they|it)\s+(?:are|is|were|was|would be)\s+)?"
                     r"(?:likely|ready|willing|expected|prepared)\s+to\s+(?:contribute|join|take part|participate)")
_LIKELY_CUE = re.compile(r"\b(?:likely|possibly|expected to (?:join|take part)|sign up|interest in (?:being part|joining))\b")
_COMMON_EFFORT = re.compile(_EFFORT_NOUNS, re.I)
_INVOLVEMENT = re.compile(rf"{_EFFORT_NOUNS}|involved|include", re.I)
# A meeting is being reported: its attendees are participants.
_MEETING = re.compile(rf"\b(?:{_MEETING_NOUNS}|attendees|delegations)\b", re.I)
# Words that say who was at it: on their own (attended, took part), or with a meeting named (included).
_ATTENDED = re.compile(r"\b(?:attended|attending|took part|taking part|participated|were present|was present|"
                       rf"those present|on the call|joined (?:the |a )?(?:{_MEETING_NOUNS})|brought together|"
                       r"gathered|convened|met in|met at|dialled in|dialed in|sent (?:leaders|ministers|delegations))\b")
_ATTEND_LIST = re.compile(r"\b(?:included|including|among|along with|alongside|as well as|plus|"
                          r"(?:leaders|ministers|officers|chiefs|representatives|delegations|officials) (?:of|from)|"
                          rf"joined \w+ at|were also at|at the (?:\w+ )?(?:{_MEETING_NOUNS})|delegations from|"
                          r"hosted|hosting|hosts)\b")
# A clause that keeps its countries out: "the United States was not invited", "ruled out sending".
_NEGATED = re.compile(r"\b(?:not|never|ruled out|rule out|refused|declined|against|without|rather than|except)\b|n[’']t\b")
_CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while|but|whereas|although|as(?!\s+well))\b|;|\.\s|\bwhile\b|\bbut\b")
# A place used as a modifier names a topic, not a participant: "US-brokered", "the Gaza war".
_MODIFIER = re.compile(r"-\w|\s+(?:war|conflict|crisis|peace|ceasefire|truce|deal|border|front|question|policy)\b")
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
        if _COMMON_EFFORT.search(chunk):
            for pattern in _LEAD:
                for place_id in _listed(pattern, chunk):
                    add(place_id, "lead", quote)
            for place_id in _listed(_PARTNERS, chunk):
                add(place_id, "member", quote)
        for place_id in _listed(_MEMBER, chunk):
            add(place_id, "member", quote)
        for place_id in _listed(_LIKELY, chunk):
            add(place_id, "likely", quote)
        if _LIKELY_CUE.search(chunk) and _INVOLVEMENT.search(chunk):
            for place_id in _places_outside_negation(_clauses(chunk)):
                add(place_id, "likely", quote)
        attending = bool(_ATTENDED.search(chunk) or (_MEETING.search(chunk) and _ATTEND_LIST.search(chunk)))
        if attending or (previous_attending and _LIST_INTRO.match(quote)):
            clauses = _clauses(chunk)
            for place_id in _places_outside_negation(clauses):
                add(place_id, "attended", quote)
            for mention in context.mentions_in(sentence.start_char, sentence.end_char):
                person = context.people.get(mention.person)
                if person is not None and person.country and mention.strong \
                        and not _NEGATED.search(_clause_at(clauses, mention.start - sentence.start_char)):
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


def _listed(pattern: re.Pattern, chunk: str) -> list[str]:
    return [place_id for match in pattern.finditer(chunk) for place_id in places_in(match.group("list"))]


def _clauses(chunk: str) -> list[tuple[int, str]]:
    """The sentence split at ";", "while", "but": (offset, clause) pairs."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(chunk)] + [len(chunk)]
    return [(start, chunk[start:end]) for start, end in zip(starts, starts[1:]) if end > start]


def _clause_at(clauses: list[tuple[int, str]], offset: int) -> str:
    return next((clause for start, clause in reversed(clauses) if start <= offset), "")


def _places_outside_negation(clauses: list[tuple[int, str]]) -> list[str]:
    """Places named in the sentence's clauses, except in a clause that negates them."""
    found: list[str] = []
    for _, clause in clauses:
        if _NEGATED.search(clause):
            continue
        for match in PLACE_NAME.finditer(clause):
            place = gazetteer.place_by_name(match.group(0))
            where = re.search(r"\b(?:in|to)\s+(?:the\s+)?$", clause[:match.start()])   # "talks in Saudi Arabia"
            if place and place.id not in found and not where and not _MODIFIER.match(clause, match.end()):
                found.append(place.id)
    return found
