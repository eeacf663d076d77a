"""Who a passage names as taking part: lists of names in the shape of places, and the places
and people's countries a phrase names, less those it names as a venue, a topic, a modifier or
a group of an organisation's members.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.actors import (
    NAME_CONTINUATIONS, PERSON_PREFIX, PLACE_NAME, PLACE_NAMES_PATTERN, countries_of_people_in, person_actor, phrase_span,
    places_in, subject_of,
)
from generator.extract.document import ArticleDoc
from generator.extract.passages import NEGATED, clause_at, clauses_of
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token

CITY = gazetteer.CITIES_PATTERN
# A list of names in the shape of places ("the UK, France and Italy"); the rules read the places
# in it with `places_in`. The shape, not the gazetteer's names, keeps the many rules that embed
# it quick to compile.
_NAME_WORD = rf"(?:[A-Z][\w.'’-]*|(?:{'|'.join(re.escape(word) for word in NAME_CONTINUATIONS)})(?![\w-]))"
_NAME_SHAPE = rf"(?<![\w-])[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?{_NAME_WORD}){{0,5}}"
LIST = rf"(?:the\s+)?{_NAME_SHAPE}(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?{_NAME_SHAPE})*"
# A place used as a modifier names a topic, not a participant: "US-brokered", "the Gaza war".
_MODIFIER = re.compile(r"-\w|\s+(?:war|conflict|crisis|peace|ceasefire|truce|deal|border|front|question|policy)\b")
# An organisation before a group of its members, or its own body, is not there itself: "30 EU
# and NATO countries", "EU leaders", "the EU parliament", "EU funds".
ITS_MEMBERS = compiled(rf"(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:non-)?(?:{PLACE_NAMES_PATTERN}))*\s+(?:countries|nations|"
                       r"states|member states|members|leaders|capitals|allies|governments|partners|parliament|"
                       r"parliamentary|funds|money|budget)\b")
# A country's friends are not the country: "Serbia's allies met"; nor are its war, its acts or
# its forces the country taking part: "the anniversary of Serbia's attack", "in light of Serbia's
# recent actions".
_ITS_FRIENDS = re.compile(r"[’']s\s+(?:[a-z-]+\s+)?(?:(?:allies|partners|backers|supporters|friends|neighbours|neighbors)\b|"
                          r"(?:war|attack|attacks|invasion|"
                          r"aggression|assault|offensive|occupation|bombardment|actions?|moves?|threats?|demands|"
                          r"forces|soldiers|army|military|missiles|drones)\b)")
# Words before a place that make it the venue ("talks in Saudi Arabia", "leaving for India"),
# the topic ("support for Moldova", "pressure on Russia") or the other side of a fight or a
# ceasefire ("a ceasefire with Russia", "peace between Armenia and Azerbaijan"), not a participant.
_NOT_PRESENT_BEFORE = re.compile(
    r"(?:\b(?:in|to|for|into|across|on|about|over|against|regarding|help|helping|helped|support|supporting|"
    r"supported|defend|defending|protect|protecting|reassure|reassuring)\s+(?:the\s+)?"
    r"|\b(?:in|at)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+,\s+"
    r"|\b(?:ceasefire|cease-fire|truce|armistice|peace|war|conflict|fighting|hostilities|invasion|aggression)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:with|between|against|by|of)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
    r"(?:and\s+(?:the\s+)?)?)$")


def listed(pattern: re.Pattern, chunk: str, negation: bool = False) -> list[str]:
    ids = []
    for match in pattern.finditer(chunk):
        if negation and NEGATED.search(clause_at(clauses_of(chunk), match.start())):
            continue
        ids += [place_id for place_id in places_in(match.group("list")) if place_id not in ids]
    return ids


def places_outside_negation(clauses: list[tuple[int, str]]) -> list[str]:
    """Places named in the sentence's clauses as present, except in a clause that negates them."""
    found: list[str] = []
    for _, clause in clauses:
        if NEGATED.search(clause):
            continue
        for match in PLACE_NAME.finditer(clause):
            place = gazetteer.place_by_name(match.group(0))
            if place and place.id not in found and _present(clause, match, place):
                found.append(place.id)
    return found


def _present(text: str, match: re.Match, place: gazetteer.Place) -> bool:
    """Whether a place named in a list of those present is one of them, not their venue, their
    topic, a modifier ("US-brokered") or a group of its members ("EU leaders")."""
    if _NOT_PRESENT_BEFORE.search(text[:match.start()]):
        return False
    if _MODIFIER.match(text, match.end()) or _ITS_FRIENDS.match(text, match.end()):
        return False
    return not (place.kind == "organisation" and ITS_MEMBERS.match(text, match.end()))


def people_countries(context: ArticleDoc, start: int, end: int) -> list[str]:
    """The countries of the people a stretch names (`countries_of_people_in`), and
    "person:<id>" for each person there whose country the article does not give."""
    ids = countries_of_people_in(context, start, end)
    for mention in context.mentions_in(start, end):
        person = context.people.get(mention.person)
        if mention.strong and person is not None and not person.country:
            ids.append(PERSON_PREFIX + person.id)
    return list(dict.fromkeys(ids))


def present_in(context: ArticleDoc, start: int, end: int) -> list[str]:
    """Places and people's countries a phrase of the article names as actors."""
    text = context.text[start:end]
    ids = people_countries(context, start, end)
    for match in PLACE_NAME.finditer(text):
        place = gazetteer.place_by_name(match.group(0))
        if place and place.id not in ids and _present(text, match, place):
            ids.append(place.id)
    return ids


def subject_ids(context: ArticleDoc, verb: Token) -> tuple[list[str], list[str]]:
    """The people's countries and the places a verb's subject names: (people, places)."""
    subject = subject_of(verb)
    if subject is None or context.in_quote(subject.idx) != context.in_quote(verb.idx):
        return [], []
    if subject.lower_ in ("he", "she"):
        mention = context.antecedent(subject.idx)
        person = context.people.get(mention.person) if mention else None
        return ([person_actor(person)] if person is not None else []), []
    sentence = verb.sent
    start, end = phrase_span(subject, after=context.text.index(context.quote_of(sentence), sentence.start_char))
    people = people_countries(context, start, end)
    text = context.text[start:end]
    places = [place.id for match in PLACE_NAME.finditer(text)
              if (place := gazetteer.place_by_name(match.group(0))) and _present(text, match, place)]
    return people, [p for p in places if p not in people]
