"""Who a phrase stands for, as participant ids: countries, organisations, people's countries."""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.model import gazetteer
from generator.extract.document import ArticleDoc

PLACE_NAME = re.compile(rf"\b(?:{gazetteer.PLACE_NAMES_PATTERN})\b")
_ADJECTIVE = re.compile(rf"\b(?:{gazetteer.PLACE_ADJECTIVES_PATTERN})\b")


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
    ids: list[str] = []
    for _, place_id in sorted(found):
        if place_id not in ids:
            ids.append(place_id)
    return ids


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
        if head.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acl", "acomp") or head.head is head:
            return None
        if head.dep_ == "conj" and _reported_clause(head.head) and head.tag_ == "VBD":
            # "He said the alliance would enforce a deal, and announced a plan": the parser
            # joins "announced" to the reported "enforce", but its tense belongs to "said".
            head = head.head.head
            continue
        head = head.head
    return None


def _reported_clause(verb: Token) -> bool:
    """A clause reported by a speech verb with a modal: "(said) the alliance would enforce"."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _person_actor(person) -> str:
    """A person stands for their country; one whose country this article does not give is
    kept as "person:<id>" for `combine` to resolve from other articles."""
    return person.country or f"person:{person.id}"


def _antecedent_actor(context: ArticleDoc, pronoun: Token) -> list[str]:
    mention = context.antecedent(pronoun.idx)
    person = context.people.get(mention.person) if mention else None
    return [_person_actor(person)] if person else []


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
            ids.append((mention.start, _person_actor(person)))
    text = context.text[start:end]
    covered = [(m.start - start, m.end - start) for m in context.mentions_in(start, end)]
    for match in PLACE_NAME.finditer(text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        place = gazetteer.place_by_name(match.group(0))
        if place:
            ids.append((start + match.start(), place.id))
    for token in head.subtree:
        city = gazetteer.country_of_city(token.text)
        if city and token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", ""):
            ids.append((token.idx, city))
    result: list[str] = []
    for _, place_id in sorted(ids):
        if place_id not in result:
            result.append(place_id)
    return result
