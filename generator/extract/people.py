"""People: named persons with their role and country, variants merged into one record.

The small English model tags names inconsistently ("Kyiv" as a person, "Trump" as an
organisation), so a name is trusted when it has the shape of a personal name and either the
tagger calls it a PERSON or a title stands before it ("French counterpart ..."). A bare
surname ("Starmer", "Le Pen") is linked to the full name it shortens; a surname never given in
full is a person of its own, at a lower confidence, only when something says it names one: a
title ("General Burkhard", "Mrs Le Pen"), an appositive role, the tagger's PERSON twice with
a speech verb, or a list with people named in full ("Macron, Starmer, Tusk and Merz"). Other names of person shape are kept as weak candidates for `combine` to confirm
against other articles; a name the stored text cuts off is left out.

Roles and countries are read from the words around each name (`roles`, `person_countries`);
what has the shape of a name, and what leaves one, is `name_tokens`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model.records import Evidence, Person
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.actors import LIST_SEPARATOR
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc, Mention
from generator.extract.names import given_name, same_name, same_surname, same_given_name, surname_key
from generator.extract.findings import extractor_name
from generator.extract.inflection import base_in
from generator.extract.name_tokens import (
    NON_NAME_WORDS, SINGLE_WORD_TITLES, clean_run, cut_off, is_name_token, joins_name, name_runs, words_of,
)
from generator.extract.person_countries import group_country
from generator.extract.roles import ROLE, ROLE_MEANINGS, role_around, role_context
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

EXTRACTOR = extractor_name("people")


# Verbs that report speech: a name as their subject is someone speaking ("Bardella told ...");
# quotes attributes quotations through them.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "post", "explain", "declare", "insist", "warn", "stress",
    "note", "describe", "lament", "urge", "acknowledge", "argue", "claim", "reply", "respond",
    "emphasize", "emphasise", "conclude", "admit", "tweet", "propose", "state", "remark",
    "continue", "announce", "predict", "caution", "recall", "observe", "ask",
})

_WEAK_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass
class _Name:
    tokens: list[str]
    start: int
    end: int
    sentence: Span
    strong: bool
    honorific: str | None = None
    role: str | None = None
    country: str | None = None
    label: str = "PERSON"       # the tagger's entity label
    titled: bool = False        # a title read around the name, or a place with a PERSON
    whole: bool = True          # the name is the tagger's whole entity
    speaks: bool = False        # the subject of a speech verb


@dataclass
class _Group:
    names: list[_Name] = field(default_factory=list)

    @property
    def canonical(self) -> list[str]:
        # A full name before the surname alone, however often the article shortens it.
        counts = Counter(tuple(n.tokens) for n in self.names)
        return list(max(counts, key=lambda form: (given_name(list(form)) is not None, counts[form], len(form),
                                                  -self._first(form))))

    def _first(self, form) -> int:
        return min(n.start for n in self.names if tuple(n.tokens) == form)

    @property
    def strong(self) -> bool:
        return any(n.strong for n in self.names)


def extract_people(context: ArticleDoc) -> tuple[list[Person], list[Person]]:
    """People and weak candidates of one article; fills `context.mentions` and `.people`."""
    full, surnames_only = _names_of_entities(context)
    full.extend(_untagged_names(context, full, surnames_only))
    groups: list[_Group] = []
    for name in sorted(full, key=lambda n: n.start):
        for group in groups:
            if same_name(group.names[0].tokens, name.tokens):
                group.names.append(name)
                break
        else:
            groups.append(_Group([name]))
    groups.extend(_surname_groups(context, surnames_only, groups))

    mentions: list[Mention] = []
    records: dict[str, tuple[Person, bool]] = {}
    for group in groups:
        canonical = group.canonical
        person_id = slugify(" ".join(canonical))
        with_role = [n for n in group.names if n.role]
        with_country = [n for n in group.names if n.country]
        anchor = (with_role or with_country or group.names)[0]
        role = Counter(n.role for n in with_role).most_common(1)[0][0] if with_role else None
        country = (Counter(n.country for n in with_country).most_common(1)[0][0]
                   if with_country else None)
        aliases = sorted({" ".join(n.tokens) for n in group.names} - {" ".join(canonical)})
        # "Mrs Le Pen": a surname with its honorific is how readers know someone named by
        # surname only.
        if given_name(canonical) is None:
            aliases = sorted(set(aliases) | {f"{n.honorific} {' '.join(n.tokens)}" for n in group.names if n.honorific})
        # A name the weak rules alone found; a given name and surname; a surname alone.
        basis, prior = (("people.weak", 0.4) if not group.strong else ("people.full-name", 0.9)
                        if given_name(canonical) else ("people.surname", 0.7))
        person = Person(
            id=person_id, name=" ".join(canonical), aliases=aliases, role=role, country=country,
            evidence=[Evidence(source=context.source, quote=context.quote_of(anchor.sentence))],
            extractor=EXTRACTOR, **rated(basis, prior),
        )
        if person_id in records:
            continue
        records[person_id] = (person, group.strong)
        for name in group.names:
            mentions.append(Mention(name.start, name.end, person_id, " ".join(name.tokens)))

    mentions.extend(_short_mentions(context, records, mentions))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        mention.strong = records[mention.person][1]
        span = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        mention.subject = span is not None and _is_subject(span)
    for mention in mentions:
        person = records[mention.person][0]
        if mention.text != person.name and mention.text not in person.aliases:
            person.aliases = sorted(set(person.aliases) | {mention.text})
    # A title is no name: it refers to the person, but is never one of their names.
    context.mentions = sorted(mentions + _title_mentions(context, records, mentions), key=lambda m: m.start)
    context.people = {pid: person for pid, (person, _) in records.items()}
    people = sorted((p for p, strong in records.values() if strong), key=lambda p: p.id)
    weak = sorted((p for p, strong in records.values() if not strong), key=lambda p: p.id)
    return people, weak


# "the Prime Minister", "the French president", "the PM": a title with the definite article and
# no name after it ("the Prime Minister Keir Starmer" is a name's mention; "the President of
# Finland" says whose title it is, which the rule does not read).
_THE_TITLE = compiled(rf"\b[Tt]he\s+(?:(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})\s+)?(?P<role>{ROLE})"
                      r"(?![\w-])(?!\s+(?:of|for|in)\b)(?!,?\s+[A-Z])")


def _title_mentions(context: ArticleDoc, records, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a person by title alone: "The Prime Minister co-hosted a press conference"
    is the one person the article gives the title (of that country, when an adjective names
    one); a title two of its people hold refers to neither."""
    holders = [(pid, person, _meanings(person.role)) for pid, (person, strong) in records.items()
               if strong and person.role]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for match in _THE_TITLE.finditer(context.text):
        if any(i in covered for i in range(match.start(), match.end())):
            continue
        place = gazetteer.place_by_adjective(match["adjective"]) if match["adjective"] else None
        meant = _meanings(match["role"])
        matches = [pid for pid, person, meanings in holders
                   if meanings & meant and (place is None or person.country == place.id)]
        if len(matches) == 1:
            span = context.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            found.append(Mention(match.start(), match.end(), matches[0], match.group(0),
                                 strong=records[matches[0]][1], subject=span is not None and _is_subject(span)))
    return found


def _meanings(role: str) -> set[str]:
    """A title and what it stands for: "PM" and "premier" are a prime minister."""
    title = role.lower()
    return {title, *ROLE_MEANINGS.get(title, ())}


def _is_subject(span: Span) -> bool:
    """The name is the subject of its clause, or stands in apposition to the subject ("Myanmar's
    military ruler Min Aung Hlaing said ...")."""
    inside = range(span.start, span.end)
    for token in span:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ == "appos" and token.head.i not in inside and token.head.dep_ in ("nsubj", "nsubjpass") \
                and token.head.i < span.start:
            return True
    return False


def _names_of_entities(context: ArticleDoc) -> tuple[list[_Name], list[_Name]]:
    """The names in the tagger's entities: full names, and surnames written alone ("Bardella",
    "Le Pen", "General Burkhard"), each with the role and country the words around it give."""
    doc = context.doc
    bylined = {name.lower() for name in context.article.byline}
    full: list[_Name] = []
    surnames_only: list[_Name] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and ent.label_ not in _WEAK_LABELS:
            continue
        # "Royal United Services Institute" is an institution, not a person; in "the Armed Forces
        # Sébastien Lecornu" only the words after the institution's may be a name, with a title.
        institution = [t.i for t in ent if t.text in NON_NAME_WORDS] if ent.label_ != "PERSON" else []
        for raw in name_runs(ent):
            if institution and raw[0].i < institution[-1]:
                continue
            run, honorific = clean_run(raw)
            if not run or cut_off(context, run):
                continue
            words = words_of(run)
            joined = " ".join(words)
            if joined.lower() in bylined or gazetteer.is_place_word(joined):
                continue
            if honorific in _GIVEN_NAME_HONORIFICS and given_name(words) is None:
                continue  # "Sir Keir": a given name, which the short mentions link to the full name
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            sentence = run[0].sent
            role, country, titled = role_around(context, sentence, start, end, read_parse=ent.label_ == "PERSON")
            if role is None and len(words) == 2 and words[0].lower() in SINGLE_WORD_TITLES:
                role = words[0]    # "King Charles": the title stays in a one-word name, and is its role
            # A place alone ("France's National Rally") does not make a person of an organisation.
            titled = titled or (country is not None and ent.label_ == "PERSON")
            if ent.label_ != "PERSON" and not titled and (institution or run[-1].lower_ in SINGLE_WORD_TITLES):
                continue  # "Special Presidential Envoy, General Keith Kellogg": a title, not a name
            if country is None:
                country = group_country(context, sentence, start)
            name = _Name(words, start, end, sentence, strong=ent.label_ == "PERSON" or titled,
                         honorific=honorific, role=role, country=country, label=ent.label_,
                         titled=titled, whole=[t.i for t in run] == [t.i for t in ent if t.lower_ != "the"],
                         speaks=_speaks(run[-1]))
            (full if given_name(words) else surnames_only).append(name)
    # "Ursula von der" + "Leyen": a part of a full name the tagger split off is no name of its own.
    surnames_only = [name for name in surnames_only
                     if not any(other.start <= name.start and name.end <= other.end for other in full)]
    return full, surnames_only


# Honorifics that stand before a surname, and those before a given name ("Sir Keir").
_SURNAME_HONORIFICS = {word for word in gazetteer.HONORIFICS if word.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr")}
_GIVEN_NAME_HONORIFICS = {"Sir", "Dame"}


def _surname_groups(context: ArticleDoc, surnames_only: list[_Name], groups: list[_Group]) -> list[_Group]:
    """Surnames written alone join the one full name they shorten (bringing the role an
    appositive gives: "Le Pen, the long-time ... leader"); a surname never given in full is a
    person of its own only with evidence that it names one: a title ("General Burkhard",
    "Mrs Le Pen"), an appositive role, the tagger's PERSON as the subject of a speech verb
    ("Bardella told ..."), or the tagger's PERSON in a list with people (`_listed_with_people`)."""
    alone: list[_Group] = []
    for name in surnames_only:
        shortened = [group for group in groups if same_name(group.names[0].tokens, name.tokens)]
        if not shortened and len(name.tokens) == 1:
            # Some are known by their given name ("Anwar Ibrahim" ... "Anwar said"): a word that
            # is one full name's given name and nobody's surname stands for that person.
            shortened = [group for group in groups if given_name(group.names[0].tokens) == name.tokens[0]
                         and not any(g.names[0].tokens[-1] == name.tokens[0] for g in groups)]
        if len(shortened) == 1:
            # The tagger's PERSON on a surname alone does not make the full name a person
            # ("River Lenka" ... "the Lenka floods"); a role read around it does.
            name.strong = name.role is not None
            shortened[0].names.append(name)
            continue
        if shortened:
            continue  # two people share the surname: no telling which is meant
        for group in alone:
            if same_name(group.names[0].tokens, name.tokens):
                group.names.append(name)
                break
        else:
            alone.append(_Group([name]))
    listed = _listed_with_people(context, [n for g in groups for n in g.names if g.strong],
                                 [n for g in alone for n in g.names])
    found = []
    for group in alone:
        told = [n for n in group.names if n.label == "PERSON" or n.whole]
        persons = [n for n in group.names if n.label == "PERSON"]
        if any(n.titled or n.honorific in _SURNAME_HONORIFICS for n in told) or (
                any(n.speaks for n in persons)) or any(id(n) in listed for n in persons):
            for name in group.names:
                name.strong = True
            found.append(group)
    return found


def _listed_with_people(context: ArticleDoc, people: list[_Name], candidates: list[_Name]) -> set[int]:
    """The candidates (by `id`) written in one list with a person the article names in full:
    in "Macron, Starmer, Tusk, and Merz arrived" Tusk and Merz are people like the two before
    them. A list is names one after the other with only commas and "and" between them."""
    names = sorted(people + candidates, key=lambda n: n.start)
    known = {id(n) for n in people}
    listed: set[int] = set()
    run: list[_Name] = []
    for name in [*names, None]:
        if name is not None and run and LIST_SEPARATOR.fullmatch(context.text[run[-1].end:name.start]):
            run.append(name)
            continue
        if any(id(n) in known for n in run):
            listed.update(id(n) for n in run if id(n) not in known)
        run = [name] if name is not None else []
    return listed


def _speaks(token: Token) -> bool:
    """The name is the subject of a speech verb ("Bardella told Europe 1 radio")."""
    return token.dep_ in ("nsubj", "nsubjpass") and base_in(token.head, SPEECH_VERBS)


def _untagged_names(context: ArticleDoc, found: list[_Name], surnames_only: list[_Name]) -> list[_Name]:
    """Full names the tagger missed ("Keir Starmer" untagged) whose surname it tags elsewhere,
    or writes alone elsewhere as the subject of a verb ("Le Pen maintained she was innocent")."""
    doc = context.doc
    tagged_surnames = {words_of(list(ent))[-1] for ent in doc.ents if ent.label_ == "PERSON"}
    for name in surnames_only:
        span = doc.char_span(name.start, name.end)
        if span is not None and span[-1].dep_ in ("nsubj", "nsubjpass"):
            tagged_surnames.add(name.tokens[-1])
    taken = {t.i for ent in doc.ents for t in ent}
    taken.update(t.i for name in found for t in doc.char_span(name.start, name.end) or [])
    names = []
    index = 0
    while index < len(doc):
        run = []
        while index < len(doc) and index not in taken and len(words_of(run)) < 3 and (
                (doc[index].tag_ == "NNP" and is_name_token(doc[index])) or (run and joins_name(doc[index]))):
            run.append(doc[index])
            index += 1
        if len(words_of(run)) >= 2 and words_of(run)[-1] in tagged_surnames:
            cleaned, honorific = clean_run(run)
            if len(words_of(cleaned)) >= 2 and given_name(words_of(cleaned)) and not cut_off(context, cleaned):
                start, end = cleaned[0].idx, cleaned[-1].idx + len(cleaned[-1].text)
                role, country = role_context(context, cleaned[0].sent, start, end)
                names.append(_Name(words_of(cleaned), start, end, cleaned[0].sent, True,
                                   honorific, role, country))
        if not run:
            index += 1
    return names


def _short_mentions(context: ArticleDoc, records, full_mentions: list[Mention]) -> list[Mention]:
    """Surname-only mentions ("Starmer") and honorific + given name ("Sir Keir")."""
    covered = set()
    for mention in full_mentions:
        covered.update(range(mention.start, mention.end))
    people = [(pid, person.name.split()) for pid, (person, _) in records.items()]
    words_of_person = dict(people)
    # A surname is compared only with the people of its key (every one it can match), and each
    # surname as written once: a long article names many people, and the same ones often.
    people_of_key: dict[str, list[tuple[str, list[str]]]] = {}
    for pid, tokens in people:
        people_of_key.setdefault(surname_key(tokens), []).append((pid, tokens))
    people_by_surname: dict[str, list[str]] = {}
    found = []
    for token in context.doc:
        if token.idx in covered or not token.text[:1].isupper() or len(token.text) < 3:
            continue
        if not re.fullmatch(r"[^\W\d_][\w-]*", token.text):
            continue
        previous = context.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.text in ("Sir", "Dame"):
            matches = [pid for pid, tokens in people if given_name(tokens)
                       and same_given_name(tokens[0], token.text) and tokens[0][0] == token.text[0]]
            text, start, end = f"{previous.text} {token.text}", previous.idx, token.idx + len(token.text)
        else:
            # "Kosiniak-Kamysz" is one surname, written as three tokens.
            last = token
            while last.i + 2 < len(context.doc) and joins_name(context.doc[last.i + 1]):
                last = context.doc[last.i + 2]
            start, end = token.idx, last.idx + len(last.text)
            surname = context.text[start:end]
            if surname not in people_by_surname:
                people_by_surname[surname] = [pid for pid, tokens in people_of_key.get(surname_key([surname]), [])
                                              if same_surname(tokens[-1], surname)]
            matches = people_by_surname[surname]
            # "von der Leyen", "Le Pen": keep the particles with the surname, a capitalised one
            # when the person's name has it.
            name_words = words_of_person.get(matches[0], []) if len(matches) == 1 else []
            index = token.i - 1
            while index >= 0 and context.doc[index].lower_ in gazetteer.NAME_PARTICLES and (
                    context.doc[index].text[:1].islower() or context.doc[index].text in name_words[:-1]):
                start = context.doc[index].idx
                index -= 1
            text = context.text[start:end]
        if len(matches) == 1:
            found.append(Mention(start, end, matches[0], text))
            covered.update(range(start, end))
    return found
