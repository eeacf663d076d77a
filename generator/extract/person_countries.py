"""A person's country from the words around their name: the place written with the title
(which `roles` reads), an institution named for a country or city ("judge at the Paris
criminal court"), or the group the name is listed in ("US representatives, including ...",
"the French delegation was headed by").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.model import gazetteer
from generator.extract.document import ArticleDoc
from generator.extract.name_tokens import CAPITALISED, HONORIFIC_AT_END
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span

PLACE = rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})"

# Groups whose members are named after them: "US representatives, including ...", "the French
# delegation was headed by ...". The group's country is each member's. A list holds names and
# their titles: capitalised words, "and", particles and the words of role titles (longest
# first, then alphabetical: the same pattern text in every process).
_LIST_WORDS = sorted({word for role in gazetteer.ROLE_WORDS for word in role.split()}
                     | set(gazetteer.ROLE_MODIFIERS) | gazetteer.NAME_PARTICLES | {"and", "the"},
                     key=lambda word: (-len(word), word))
_LIST = rf"(?P<list>(?:(?:{CAPITALISED}|(?:{'|'.join(re.escape(word) for word in _LIST_WORDS)})\b),?\s+)*)$"
_GROUP_NOUNS = ("representatives|officials|delegates|lawmakers|legislators|senators|ministers|leaders|"
                "envoys|negotiators|diplomats|politicians|officers|generals|commanders|members")
_GROUP_INTRO = compiled(
    rf"\b(?P<place>{PLACE})\s+(?:[a-z][a-z-]*\s+)?(?:{_GROUP_NOUNS})\s*,?\s+(?:including|such as|among them|namely)\s+{_LIST}"
)
_LED_BY = compiled(
    rf"\b(?P<place>{PLACE})\s+(?:delegation|team|side|negotiators|negotiating team)\s*,?\s+"
    rf"(?:(?:was|is|were|are|will be)\s+)?(?:headed|led)\s+by\s+{_LIST}"
)


# An institution a role is of, named for a country or city: "judge at the Paris criminal court",
# "leader of France's National Rally", "head of the French far-right party". A place the role
# is only in or for ("correspondent in Paris", "envoy for Myanmar", "head of the EU delegation
# in Kyiv") says nothing of the person's country.
_CITY = gazetteer.CITIES_PATTERN
_INSTITUTION_PLACE = compiled(
    rf"\b(?:of|at)\s+(?:the\s+|an?\s+)?(?:[a-z][a-z-]*\s+)?"
    rf"(?:(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})|(?P<possessive>{gazetteer.PLACE_NAMES_PATTERN})['’]s"
    rf"|(?P<city>{_CITY}))\s+[A-Za-z]"
)


# A role for a country's body: "spokesperson for the Russian foreign ministry"; not "envoy for
# the Serbian question", which is what the role is about.
_FOR_A_BODY = compiled(
    rf"\bfor\s+the\s+(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})\s+(?:[a-z]+\s+)?"
    r"(?:ministry|government|presidency|president|prime minister|army|military|armed forces|parliament|"
    r"delegation|embassy|cabinet|foreign office|defence ministry|defense ministry)\b", re.I)

_OF_NAMED = re.compile(rf"\bof\s+(?:the\s+)?(?P<name>{CAPITALISED}(?:\s+{CAPITALISED}){{0,4}})$")


def institution_country(role: str | None) -> str | None:
    """The country of the institution a role is of, if the role names it by a place."""
    body = _FOR_A_BODY.search(role or "")
    if body is not None:
        return place_id_of(body.group("adjective"))
    match = _INSTITUTION_PLACE.search(role or "")
    if match is None:
        # "President of the European Council", "Prime Minister of Greenland": what it is of.
        named = _OF_NAMED.search(role or "")
        return place_id_of(named.group("name")) if named else None
    if match.group("city"):
        return gazetteer.country_of_city(match.group("city"))
    return place_id_of(match.group("adjective") or match.group("possessive"))


def group_country(context: ArticleDoc, sentence: Span, start: int) -> str | None:
    """The country of a group a name is listed in: "US representatives, including ...", "the
    French delegation was headed by ..."; a whole-continent or organisation's group of leaders
    ("EU leaders, including ...") says nothing of each one's country."""
    window = HONORIFIC_AT_END.sub("", context.text[max(sentence.start_char, start - 300):start])
    for pattern, countries_only in ((_GROUP_INTRO, True), (_LED_BY, False)):
        match = pattern.search(window)
        if match:
            place = gazetteer.place_by_name_or_adjective(match.group("place"))
            if place is not None and (place.kind == "country" or not countries_only):
                return place.id
    return None


def place_id_of(text: str | None) -> str | None:
    if not text:
        return None
    place = gazetteer.place_by_name_or_adjective(text)
    return place.id if place else None
