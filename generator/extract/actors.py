"""Who a phrase stands for, as participant ids: countries, organisations, people's countries."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.model import gazetteer
from generator.model.patterns import alternation
from generator.extract.clauses import heads
from generator.extract.document import ArticleDoc
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token


def _sentence_case(name: str) -> str:
    """"European parliament" for "European Parliament": how many newsrooms write a body's name."""
    first, _, rest = name.partition(" ")
    return f"{first} {rest.lower()}" if rest and not rest.isupper() else name


_NAMES = {name for place in [*gazetteer.COUNTRIES.values(), *gazetteer.ORGANISATIONS.values()]
          for name in place.names}
# Every name of a country or organisation, and its sentence-case form, as a regex alternative.
PLACE_NAMES_PATTERN = alternation(_NAMES | {_sentence_case(n) for n in _NAMES})
# Words that continue an organisation's name in lower case ("the European parliament", "the
# UN security council"), for rules that read names by their shape; longest first, then in
# alphabetical order, so that the patterns built of them are the same text in every process.
NAME_CONTINUATIONS = sorted({word for place in gazetteer.ORGANISATIONS.values() for name in place.names
                             for word in _sentence_case(name).split()[1:] if word.islower()}
                            - {"and", "the", "of", "for", "in"}, key=lambda word: (-len(word), word))
# Not inside a word on either side; "U.S." ends in a full stop, so a word boundary would miss it.
PLACE_NAME = compiled(rf"(?<!\w)(?:{PLACE_NAMES_PATTERN})(?!\w)")
_ADJECTIVE = compiled(rf"\b(?:{gazetteer.PLACE_ADJECTIVES_PATTERN})\b")
# A nationality before a title or a body stands for that country: "the French president",
# "British Defence Minister John Healy", "the Austrian head of state", "Chinese officials".
_NATIONAL_TITLE = compiled(
    rf"\b(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{gazetteer.ROLES_PATTERN}|head|heads|leaders|delegation|delegations|envoy|envoys|officials|"
    r"representatives|ambassador|counterpart|government|chief|chiefs|ministry|authorities)\b")
# A list of nationalities before the plural of a title: "the British, Polish and Italian prime
# ministers", "French and German leaders". The shape is matched, the words checked after.
_NATIONALITIES_TITLE = re.compile(
    r"\b(?P<list>[A-Z][\w-]+(?:\s*,\s*[A-Z][\w-]+)*,?\s+and\s+[A-Z][\w-]+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[Pp]rime [Mm]inisters|[Pp]residents|[Cc]hancellors|[Pp]remiers|[Mm]inisters|leaders|heads of (?:state|government)|"
    r"delegations|envoys|officials|representatives|ambassadors|counterparts|governments|chiefs)\b")


def places_in(text: str, adjectives: bool = False) -> list[str]:
    """Participant ids named in the text, in order, without repeats."""
    found: list[tuple[int, str]] = []
    for match in PLACE_NAME.finditer(text):
        place = gazetteer.place_by_name(match.group(0))
        if place:
            found.append((match.start(), place.id))
    if adjectives:
        for match in _ADJECTIVE.finditer(text):
            place = gazetteer.place_by_adjective(match.group(0))
            if place:
                found.append((match.start(), place.id))
    return _in_order(found)


def _in_order(found: list[tuple[int, str]]) -> list[str]:
    """The ids of (offset, id) pairs in the order of their offsets, each once."""
    return list(dict.fromkeys(place_id for _, place_id in sorted(found)))


def countries_of_people_in(context: ArticleDoc, start: int, end: int) -> list[str]:
    """The countries or organisations of the people a stretch of the article names, by their
    mentions or by a nationality before their title, in order, without repeats."""
    found: list[tuple[int, str]] = []
    for mention in context.mentions_in(start, end):
        person = context.people.get(mention.person)
        if mention.strong and person is not None and person.country and gazetteer.place(person.country):
            found.append((mention.start, person.country))
    found += _nationalities(context.text, start, end)
    return _in_order(found)


def nationalities_in(text: str) -> list[str]:
    """The countries whose nationality the text puts before a title or a body, in order."""
    return _in_order(_nationalities(text, 0, len(text)))


def _nationalities(text: str, start: int, end: int) -> list[tuple[int, str]]:
    found = []
    for match in _NATIONAL_TITLE.finditer(text, start, end):
        place = gazetteer.place_by_adjective(match.group("adjective"))
        if place:
            found.append((match.start(), place.id))
    for match in _NATIONALITIES_TITLE.finditer(text, start, end):
        # Only a list of nationalities, every word of it: not "Starmer, Macron and German leaders".
        places = [gazetteer.place_by_adjective(word) for word in re.findall(r"[A-Z][\w-]+", match.group("list"))]
        if all(places):
            found += [(match.start(), place.id) for place in places]
    return found


def phrase_span(head: Token, after: int = 0) -> tuple[int, int]:
    """The characters of the noun phrase a head word governs, without the clauses that hang
    from it ("officials who surveyed the damage in X": only "officials"), its punctuation at
    either end, or anything before character `after` (a metadata header the parser joined to it)."""
    kept = {head.i}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in ("relcl", "acl", "advcl") and child.idx >= after:
                kept.add(child.i)
                stack.append(child)
    doc = head.doc
    if head.idx < after:      # the header was taken for the head: the phrase starts after it
        kept.discard(head.i)
        if not kept:
            return head.idx, head.idx
        head = doc[min(kept)]
    first = last = head.i
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    while first < head.i and doc[first].is_punct:
        first += 1
    while last > head.i and doc[last].is_punct:
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through control and gerund clauses
    ("has sought to ... by pledging", "Starmer committing to ...")."""
    head = verb
    for _ in range(5):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - head.i))
            if subject.tag_ in ("WP", "WDT") and head.dep_ == "relcl":
                return head.head     # "Sir Keir, who committed to ...": the noun the clause is about
            return subject
        if head.tag_ == "VBG" and head.i > 0 and head.doc[head.i - 1].text[:1].isupper() \
                and head.doc[head.i - 1].pos_ in ("PROPN", "NOUN"):
            return head.doc[head.i - 1]
        if head.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acl", "acomp") or head.head.i == head.i:
            return None
        if head.dep_ == "conj" and head.tag_ == "VBD" and (_reported_clause(head.head) or (
                head.head.tag_ in ("VBZ", "VBP", "VB") and head.head.dep_ in ("ccomp", "advcl", "acl", "relcl"))):
            # "He said the alliance would enforce a deal, and announced a plan", "He stressed
            # that Europe depends on it and promised pressure", "stressed the need for Kosovo
            # to resist and proposed ...": the parser joins the past verb to the clause inside,
            # but its tense belongs to the verb that governs that clause.
            past = _past_governor(head.head)
            if past is not None:
                head = past
                continue
        head = head.head
    return None


def _past_governor(verb: Token) -> Token | None:
    """The nearest verb in the simple past above this one."""
    return next((token for token in heads(verb, 4) if token.tag_ == "VBD"), None)


def _reported_clause(verb: Token) -> bool:
    """A clause reported by a speech verb with a modal: "(said) the alliance would enforce"."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


# Stands before a person's id where an actor is a person whose country the article does not give.
# Between the names of a list: "Paris and London", "France, Italy, and the UK".
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\b|,|\band\b|&)\s*")

PERSON_PREFIX = "person:"


def person_actor(person) -> str:
    """A person stands for their country; one whose country this article does not give is
    kept as "person:<id>" for `combine` to resolve from other articles."""
    return person.country or PERSON_PREFIX + person.id


def _antecedent_actor(context: ArticleDoc, pronoun: Token) -> list[str]:
    mention = context.antecedent(pronoun.idx)
    person = context.people.get(mention.person) if mention else None
    return [person_actor(person)] if person else []


def actors_of(context: ArticleDoc, head: Token) -> list[str]:
    """Countries/organisations a subject phrase stands for: "the UK and France" -> GB, FR;
    "Starmer" -> GB (his country); "London" -> GB; "he" -> the person last named."""
    if head.lower_ in ("he", "she"):
        return _antecedent_actor(context, head)
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if owner is not None and head.lower_ in ("government", "country", "administration", "cabinet"):
        return _antecedent_actor(context, owner)     # "her government would provide ..."
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    ids: list[tuple[int, str]] = []
    for mention in context.mentions_in(start, end):
        person = context.people.get(mention.person)
        if person:
            ids.append((mention.start, person_actor(person)))
    text = context.text[start:end]
    covered = [(m.start - start, m.end - start) for m in context.mentions_in(start, end)]
    # "Anwar Ibrahim, this year's rotating chair of ASEAN": what an appositive says of a
    # person describes the person; it adds no actor.
    aside = [(c.left_edge.idx - start, c.right_edge.idx + len(c.right_edge.text) - start)
             for c in head.children if c.dep_ == "appos"] if ids else []
    for match in PLACE_NAME.finditer(text):
        if any(s <= match.start() < e for s, e in covered + aside):
            continue
        place = gazetteer.place_by_name(match.group(0))
        if place:
            ids.append((start + match.start(), place.id))
    for token in head.subtree:
        city = gazetteer.country_of_city(token.text)
        if city and token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "") \
                and not any(s <= token.idx - start < e for s, e in aside):
            ids.append((token.idx, city))
    result: list[str] = []
    for _, place_id in sorted(ids):
        if place_id not in result:
            result.append(place_id)
    return result
