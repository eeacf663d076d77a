"""Participants of a court case: the country whose court tries it, the body a wrong was done
to, and the organisations accused.
"""

from __future__ import annotations

import re

from generator.extract.actors import PLACE_NAMES_PATTERN, places_in
from generator.extract import involvement
from generator.extract.document import ArticleDoc
from generator.extract.passages import NEGATED, Passage, clause_at, clauses_of
from generator.extract.presence import CITY, ITS_MEMBERS, LIST, listed
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

_ADJECTIVE = gazetteer.PLACE_ADJECTIVES_PATTERN
# A court named by its country or city tries the case: "a French appeals court", "the Paris
# Court of Appeal", "a court in Paris".
_COURT = compiled(rf"\b(?:(?P<adjective>{_ADJECTIVE})|(?P<city>{CITY}))\s+(?:[\w-]+\s+){{0,2}}?[Cc]ourt\b"
                  # lower case: "the International Court of Justice in The Hague" is not the Netherlands' court
                  rf"|\bcourts?\s+(?:[\w-]+\s+){{0,3}}?in\s+(?:the\s+)?(?:(?P<place>{PLACE_NAMES_PATTERN})"
                  rf"|(?P<city_in>{CITY}))\b")
_COURT_CASE = re.compile(rf"\b(?i:{involvement.COURT_CASE_PATTERN})\b")
_ACCUSED = compiled(rf"(?P<list>{LIST})[^.;]{{0,60}}?\b(?:(?:was|were|is|are|had been|has been|have been)\s+)?"
                    r"(?:accused|convicted|found guilty|charged|prosecuted|put on trial|(?:illegally|fraudulently|"
                    r"unlawfully|improperly)\s+[a-z]+ed)\b")
# What a wrong took from whom: "embezzling funds from the European parliament".
_WRONGED = compiled(rf"\b(?i:{involvement.WRONG_PATTERN})\b(?:\s+[^\s,;.]+){{0,8}}?\s+(?:from|at|of)\s+"
                    rf"(?P<list>{LIST})")


def court_case_statuses(chunk: str):
    """(place id, status) pairs of the parties to a court case the passage speaks of: the
    country whose court tries it leads; the body wronged and the organisations accused are
    members."""
    if _COURT_CASE.search(chunk):
        for place_id in _courts(chunk):
            yield place_id, "lead"
        for place_id in _wronged(chunk):
            yield place_id, "member"
        for place_id in _accused(chunk):
            yield place_id, "member"


def accused_parties(context: ArticleDoc, passage: Passage) -> list[str]:
    """The organisations of the people a case is brought against, as their role names them ("Le
    Pen, the long-time National Rally leader, was found guilty ..."): parties to the case, like
    organisations accused by name."""
    if not _COURT_CASE.search(passage.text):
        return []
    ids: list[str] = []
    for match in _ACCUSED.finditer(passage.text):
        start, end = passage.offset + match.start("list"), passage.offset + match.end("list")
        for mention in context.mentions_in(start, end):
            person = context.people.get(mention.person)
            if person is None:
                continue
            # The organisation is the person's, or one their role names ("National Rally leader").
            for place_id in [*([person.country] if person.country else []), *places_in(person.role or "")]:
                if gazetteer.place(place_id).kind == "organisation" and place_id not in ids:
                    ids.append(place_id)
    return ids


def _accused(chunk: str) -> list[str]:
    """Organisations a case is brought against: "her party, the National Rally, illegally used
    ...", "officials from the National Front were accused of ...". A country named so is
    usually the setting, not the defendant, and is left out."""
    return [place_id for place_id in listed(_ACCUSED, chunk, negation=True)
            if gazetteer.place(place_id).kind == "organisation"]


def _wronged(chunk: str) -> list[str]:
    """The bodies a wrong was done to: "embezzling funds from the European parliament"; "the
    misuse of EU funds" names money, not a party to the case."""
    ids: list[str] = []
    for match in _WRONGED.finditer(chunk):
        if NEGATED.search(clause_at(clauses_of(chunk), match.start())) or ITS_MEMBERS.match(chunk, match.end()):
            continue
        ids += [place_id for place_id in places_in(match.group("list")) if place_id not in ids]
    return ids


def _courts(chunk: str) -> list[str]:
    ids: list[str] = []
    for match in _COURT.finditer(chunk):
        if match.group("adjective"):
            place = gazetteer.place_by_adjective(match.group("adjective"))
            place_id = place.id if place else None
        elif match.group("place"):
            place = gazetteer.place_by_name(match.group("place"))
            place_id = place.id if place else None
        else:
            place_id = gazetteer.country_of_city(match.group("city") or match.group("city_in"))
        if place_id and place_id not in ids:
            ids.append(place_id)
    return ids
