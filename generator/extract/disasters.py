"""Participants of a disaster: the countries it strikes, and who sends help or calls for it.
"""

from __future__ import annotations

import re

from generator.extract.actors import phrase_span, places_in
from generator.extract.document import ArticleDoc
from generator.extract.inflection import base_in
from generator.extract import involvement
from generator.extract.passages import NEGATED, Passage, clause_at, clauses_of
from generator.extract.presence import CITY, LIST, subject_ids
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

# A disaster strikes a country: "the earthquake in Myanmar", "the Myanmar quake", "flood-hit X".
# In lower case: "Storm Shadow" is a missile, and a headline's capitals are repeated in its text.
_DISASTER = rf"(?:{involvement.DISASTER_PATTERN})"
_STRUCK = [
    compiled(rf"\b{_DISASTER}\b(?:[\s-]+(?i:damage|survivors|victims|zone|relief|response|recovery|aftermath))?\s+"
             r"(?:in|across|struck|hit|hits|strikes|ravaged|devastated|jolted|rocked|shook|"
             r"(?:that|which)\s+(?:struck|hit|ravaged|devastated|jolted|rocked|shook))\s+"
             r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-western|south-western|"
             rf"north-eastern|south-eastern|coastal|rural)\s+)?(?P<list>{LIST})"),
    compiled(rf"\b(?P<list>{LIST})(?:[’']s)?\s+{_DISASTER}\b"),
    compiled(rf"\b{_DISASTER}[-\s](?:hit|struck|stricken|ravaged|affected|battered|devastated)\s+"
             rf"(?P<list>{LIST})"),
    # "The earthquake on 28 March flattened buildings across Myanmar"
    compiled(rf"\b{_DISASTER}\b(?:\s+[^\s,;.]+){{1,8}}?\s+(?:across|throughout)\s+(?:the\s+)?(?P<list>{LIST})"),
    # "The quake, which was also felt in neighbouring Thailand", "the quake killed 20 people in Bangkok"
    # (counts may have commas: "killed 2,056 people in war-torn Myanmar")
    compiled(rf"\b{_DISASTER}\b(?:[\s,]+[^\s,;.]+){{0,6}}?\s+(?:shook|felt|struck|hit|damaged|destroyed|flattened|"
             r"toppled|killed|injured|collapsed|rocked|jolted)\b(?:\s+(?:\d[\d,.]*\d|[^\s,;.]+)){0,5}?\s+in\s+(?:the\s+)?"
             r"(?:neighbouring\s+|neighboring\s+)?(?:[a-z]+-[a-z]+\s+)?"
             rf"(?:(?P<list>{LIST})|(?P<city>{CITY})\b)"),
]
# "a political storm in France", "a diplomatic earthquake": words of news about other things.
_FIGURATIVE = re.compile(rf"\b(?:political|diplomatic|electoral|media|financial|market|economic)\s+{_DISASTER}\b")
_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s+$")
_YEAR_AFTER = re.compile(r"\s+(?:of|in)\s+(?:1[89]|20)\d\d\b")
_HELP = {word.lower() for word in involvement.HELP_WORDS}
# Verbs of sending help or calling for it; "make a call for help" through the noun.
_RESPONDING = frozenset(involvement.HELP_VERBS)
_MAKING = frozenset({"make", "issue", "renew"})
_APPEAL_NOUNS = {"call", "calls", "appeal", "appeals", "plea", "pleas"}


def is_disaster_story(text: str) -> bool:
    """A story about a disaster names it more than once, and not as a figure of speech."""
    return len(re.findall(rf"\b{_DISASTER}\b", text)) - len(_FIGURATIVE.findall(text)) >= 2


def struck_countries(chunk: str) -> list[str]:
    """Countries a disaster strikes, unless it is a past one ("the 2015 earthquake in Nepal")."""
    ids: list[str] = []
    for pattern in _STRUCK:
        for match in pattern.finditer(chunk):
            if _YEAR_BEFORE.search(chunk, 0, match.start()) or _YEAR_AFTER.match(chunk, match.end()) \
                    or _FIGURATIVE.search(chunk, max(0, match.start() - 20), match.end()) \
                    or NEGATED.search(clause_at(clauses_of(chunk), match.start())):
                continue
            if match.group("list"):
                struck = places_in(match.group("list"))
            else:
                struck = [gazetteer.country_of_city(match.group("city"))]
            ids += [place_id for place_id in struck if place_id and place_id not in ids]
    return ids


def responders(context: ArticleDoc, passage: Passage) -> list[str]:
    """Who sends help after a disaster or calls for it, and the country it goes to: "Croatia
    and Austria sent rescue boats", "United Nations officials ... urged the global community
    to ramp up aid", "China sent rescue teams to Myanmar"."""
    ids: list[str] = []
    for token in passage.tokens:
        if token.lower_ not in _HELP:
            continue
        node, through_appeal = token, False
        for _ in range(8):
            through_appeal = through_appeal or node.lower_ in _APPEAL_NOUNS
            appealing = through_appeal or any(c.dep_ == "dobj" and c.lower_ in _APPEAL_NOUNS for c in node.children)
            if node.pos_ == "VERB" and (base_in(node, _RESPONDING) or appealing and base_in(node, _MAKING)):
                if not NEGATED.search(clause_at(clauses_of(passage.text), node.idx - passage.offset)):
                    people, places = subject_ids(context, node)
                    ids += people + places
                    for preposition in [*node.children, *token.children]:
                        if preposition.dep_ == "prep" and preposition.lower_ in ("to", "for"):
                            for recipient in preposition.children:
                                if recipient.dep_ == "pobj":
                                    ids += places_in(context.text[slice(*phrase_span(recipient))])
                break
            if node.head.i == node.i:
                break
            node = node.head
    return list(dict.fromkeys(ids))
