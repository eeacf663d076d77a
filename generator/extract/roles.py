"""A person's role, and the country written with it, read from the words around their name.

Roles come from the role words of knowledge/roles.tsv around the name: before it, with a place
("Polish PM", "Myanmar's military ruler"), with what the title is of ("the Prime Minister of the
United Kingdom, ", "Minister of the Armed Forces ") or shared by a list ("US envoys A and B");
after it, as an appositive. A title the lexicon lacks is read from the dependency parse (a
compound title before the name, an appositive after it), within caps that keep a clause or a
list of names out of a role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from generator.model import gazetteer
from generator.model.patterns import alternation
from generator.extract.actors import LIST_SEPARATOR, places_in
from generator.extract.document import ArticleDoc
from generator.extract.name_tokens import (
    CAPITALISED, HONORIFIC_AT_END, HYPHENS, SINGLE_WORD_TITLES, is_name_token, words_of,
)
from generator.extract.person_countries import PLACE, group_country, institution_country, place_id_of
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token


def _role_rows() -> list[dict[str, str]]:
    """The rows of knowledge/roles.tsv, for its `means` column, which gazetteer does not read."""
    return gazetteer._rows("roles.tsv")


# Abbreviated titles ("PM", "Sen.") are read only as roles.tsv writes them (never the "pm" of a
# time or the "sen" of a word); the others are read in any case ("Prime Minister", "prime minister").
_WRITTEN_ABBREVIATIONS = {row["role"].lower(): row["role"] for row in _role_rows()
                          if row["role"][:1].isupper() or row["role"].endswith(".")}
ABBREVIATIONS = set(_WRITTEN_ABBREVIATIONS)
# What a role word stands for ("premier" -> prime minister, "head of state" -> president, ...).
ROLE_MEANINGS: dict[str, tuple[str, ...]] = {
    row["role"].lower(): tuple(item.strip() for item in row["means"].split(";") if item.strip())
    for row in _role_rows() if row.get("means")
}
_WORDED_ROLES = [role for role in gazetteer.ROLE_WORDS if role not in ABBREVIATIONS]
ROLE = (rf"(?:{alternation(_WRITTEN_ABBREVIATIONS.values())}|"
        rf"(?i:{alternation(_WORDED_ROLES, ignore_case=True)}))")
_MODIFIER = "|".join(gazetteer.ROLE_MODIFIERS)
_RANK = "|".join(sorted(gazetteer.RANKS, key=len, reverse=True))
# What a title is of: "of the Armed Forces", "for Defence of the United Kingdom", "in Europe".
_COMPLEMENT = rf"(?:\s+(?:of|for|in)\s+(?:the\s+)?{CAPITALISED}(?:\s+(?:and\s+)?{CAPITALISED}){{0,3}}){{1,3}}(?<!['’]s)"
# Lowercase words between a place and its title ("Myanmar's military ruler", "French far-right
# leader"); the parse must call them modifiers (see _describes).
_DESCRIBERS = r"(?:[a-z][a-z-]*[a-z]\s+){0,2}?"
# "outgoing Canadian Prime Minister ", "NATO Secretary-General ", "Finland's president, ",
# "the Prime Minister of the United Kingdom, ", "UN Special Envoy for Myanmar ", "US envoys ",
# "Special Presidential Envoy, General "
_ROLE_BEFORE = compiled(
    rf"(?:\b(?i:{_MODIFIER})\s+)?(?:\b(?P<place>{PLACE})(?:['’]s)?\s+(?P<describers>{_DESCRIBERS}))?"
    rf"(?:\b(?i:{_MODIFIER})\s+)?"
    rf"\b(?P<role>{ROLE})(?P<plural>s)?(?P<complement>{_COMPLEMENT})?(?:,?\s+(?i:{_RANK}))?\s*,?\s*$"
)
# The second of two names sharing a plural title: "US envoys Steve Witkoff and "
_SHARED_TITLE = compiled(
    rf"(?:\b(?P<place>{PLACE})(?:['’]s)?\s+)?\b(?P<role>{ROLE})s\s+"
    rf"{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}}(?:,\s+{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}})*,?\s+and\s+$"
)
# "British and Polish prime ministers Keir Starmer and ": one title for several people, each of
# a country in the order they are named.
_RESPECTIVE_TITLES = compiled(
    rf"\b(?P<places>{PLACE}(?:\s*,\s*{PLACE})*,?\s+and\s+{PLACE})\s+(?P<role>{ROLE})s\s+"
    rf"(?P<names>(?:{CAPITALISED}(?:\s+{CAPITALISED}){{0,3}}(?:\s*,\s*|,?\s+and\s+))*)$"
)
# "The judge in the court hearing on Monday, ": a title with a phrase of its own, then the name
_ROLE_WITH_PHRASE = compiled(
    rf"\b(?i:the|an?)\s+(?P<role>{ROLE})(?P<phrase>\s+(?:in|of|at|for|on)\s+[^,;:.!?“”\"()]{{1,60}}?),\s*$"
)
# "Hungary, whose prime minister, "
_WHOSE_ROLE = compiled(rf"\b(?P<place>{PLACE}),\s+whose\s+(?P<role>{ROLE}),\s*$")
# "France's "
_POSSESSIVE_PLACE = compiled(rf"\b(?P<place>{PLACE})['’]s\s+$")
# ", an associate fellow in ... at Chatham House, told ..."; ", the NATO secretary-general,";
# ", the long-time National Rally (RN) leader, who ..."
_ROLE_AFTER = compiled(
    rf"^\s*,\s+(?:(?:the|an?)\s+(?P<describers>(?:(?:[a-z][\w-]*|{CAPITALISED}|\([A-Z]+\))\s+){{0,4}}))?"
    rf"(?:(?P<place>{PLACE})(?:['’]s)?\s+)?(?P<role>{ROLE})\b"
    r"(?P<rest>[^.;:“”\"]{0,160}?)"
    r"(?=,\s+(?:in|told|said|says|added|according|who|which|has|had|is|was)\b|\s+(?:told|said|says)\b|[.;:]|$)"
)


def role_context(context: ArticleDoc, sentence: Span, start: int, end: int, read_parse: bool = True):
    """The role and country the words around a name give. `read_parse` also reads a title the
    lexicon lacks from the parse: only for names known to be people, since a title found
    this way would otherwise turn an organisation's name into a person."""
    role, country, _ = role_around(context, sentence, start, end, read_parse)
    if country is None:
        country = group_country(context, sentence, start)
    return role, country


def role_around(context: ArticleDoc, sentence: Span, start: int, end: int, read_parse: bool):
    """(role, country, titled): titled when a title stands around the name, even one that
    gives no role ("French counterpart ...")."""
    text = context.text
    window = max(_title_start(text, sentence.start_char), start - 120)
    # "Prime Minister Sir Keir Starmer": the title stands before the honorific.
    before = HONORIFIC_AT_END.sub("", text[window:start])
    after = text[end:min(sentence.end_char, end + 220)]
    titled = _written_title(context, window, before)
    # A rank alone before the name gives way to a title after it: "Retired Lt. Gen. Keith
    # Kellogg, Trump's special envoy" is an envoy.
    rank = titled is not None and _is_rank(titled[0])
    match = _ROLE_AFTER.match(after) if titled is None or rank else None
    if titled is not None and match is None:
        if rank and read_parse:
            role, country = _parsed_role(context.doc, start, end)
            if role is not None:
                return role, country or titled[1] or institution_country(role), True
        role, country = titled
        return role, country or institution_country(role) or _city_before_title(before, role), True
    if match and not _name_follows(context, end + match.end("role")) and (not match.group("describers") or _describes(
            context, end + match.start("describers"), end + match.end("describers"))):
        rest = _within_role(context.doc, end + match.start("rest"), end + match.end("rest"))
        # "the French far-right leader": a place among the describers is the country, and no
        # part of the role.
        describers = _describer_words(match.group("describers"))
        places = [place_id_of(word) for word in describers if gazetteer.is_place_word(word)]
        describers = [word for word in describers if not gazetteer.is_place_word(word)]
        role = " ".join([*describers, match.group("role") + rest]).strip().rstrip(",")
        country = place_id_of(match.group("place")) or next((place for place in places if place), None)
        return role, country or institution_country(role), True
    # No role word of the lexicon: the parse may still show a title ("Flood-defence
    # inspector Jane Roe", "Jane Roe, the airline's chief pilot, said").
    role, country = _parsed_role(context.doc, start, end) if read_parse else (None, None)
    match = _POSSESSIVE_PLACE.search(before)
    if match:
        country = place_id_of(match.group("place"))
    return role, country or institution_country(role), role is not None


# A city, or a seat of government the cities list holds, written before a title: "Kremlin
# spokesman Dmitry Peskov", "Kyiv Mayor Vitali Klitschko". Those who report from a city are
# not of it ("Paris correspondent").
_CITY_BEFORE_TITLE = compiled(rf"(?<![\w-])(?P<city>{gazetteer.CITIES_PATTERN})['’]?s?\s+(?:[\w-]+\s+){{1,3}}$")
_REPORTING_ROLES = frozenset({"correspondent", "reporter", "journalist", "editor", "bureau chief", "columnist"})


def _city_before_title(before: str, role: str | None) -> str | None:
    if role is None or role.lower() in _REPORTING_ROLES:
        return None
    match = _CITY_BEFORE_TITLE.search(before)
    if match is None:
        return None
    title = re.sub(r"^['’]s?\s+", "", before[match.end("city"):]).strip().lower()
    # Only the title itself after the city: "talks in Paris and Foreign Secretary David Lammy" is no title of Paris.
    return gazetteer.country_of_city(match.group("city")) if title == role.lower() else None


def _title_start(text: str, sentence_start: int) -> int:
    """Where a title before a name may start: its sentence's start, or its line's when the
    parser cut the sentence in mid-line with no end mark before it ("UK | Prime Minister Keir
    Starmer will host ...", after a headline it ran into)."""
    line_start = text.rfind("\n", 0, sentence_start) + 1
    before = text[line_start:sentence_start]
    return line_start if before.strip() and not re.search(r"[.!?:;”\"’)]\s*$", before) else sentence_start


def _is_rank(role: str | None) -> bool:
    return role is not None and role.lower() in gazetteer.RANKS


def _written_title(context: ArticleDoc, window: int, before: str) -> tuple[str | None, str | None] | None:
    """(role, country) of a title written before the name, None when there is none; `before`
    is the text from `window` up to the name."""
    match = _RESPECTIVE_TITLES.search(before)
    if match:
        places = [place for place in LIST_SEPARATOR.split(match.group("places")) if place]
        named_before = len([name for name in LIST_SEPARATOR.split(match.group("names")) if name])
        if named_before < len(places):
            return _role_name(match.group("role")), place_id_of(places[named_before])
    for pattern in (_WHOSE_ROLE, _SHARED_TITLE):
        match = pattern.search(before)
        if match:
            return _role_name(match.group("role")), place_id_of(match.group("place"))
    match = _ROLE_BEFORE.search(before)
    if match and match.group("describers") and not _describes(
            context, window + match.start("describers"), window + match.end("describers")):
        # "Germany welcomed President ...": a verb is no part of a title, nor is the place before it.
        match = _ROLE_BEFORE.search(before, match.end("describers"))
    if match is None:
        return _title_with_phrase(context, window, before)
    place = place_id_of(match.group("place"))
    role = match.group("role")
    if role.lower() in ROLE_MEANINGS and role.lower() in ABBREVIATIONS:
        role = ROLE_MEANINGS[role.lower()][0].title()   # "PM": Prime Minister; "Sen." stays as written
    # "of the United Kingdom" after the title is the country; "of the Armed Forces", "for
    # Myanmar" (an envoy for a country is not of it) and "in Europe" are part of the role.
    segments = re.findall(r"\s+(of|for|in)\s+(.+?)(?=\s+(?:of|for|in)\s+|$)", match.group("complement") or "")
    if segments and segments[-1][0] == "of" and place_id_of(segments[-1][1]):
        place = place or place_id_of(segments[-1][1])
        segments = segments[:-1]
    describers = _describer_words(match.group("describers"))
    words = [*describers, role, *(f"{preposition} {words}" for preposition, words in segments)]
    if describers and " ".join(words).lower() not in gazetteer.RELATIONAL_ROLES:
        return " ".join(words), place
    return _role_name(" ".join(words)), place


def _title_with_phrase(context: ArticleDoc, window: int, before: str) -> tuple[str | None, str | None] | None:
    """ "The judge in the court hearing on Monday, Jane Roe": the title is the role when its
    phrase holds no other title and no verb, which would make it a clause about someone else
    ("the minister who met the president, ...")."""
    match = _ROLE_WITH_PHRASE.search(before)
    if match is None or re.search(ROLE, match.group("phrase")):
        return None
    span = context.doc.char_span(window + match.start("phrase"), window + match.end("phrase"), alignment_mode="expand")
    if span is None or any(token.pos_ in ("VERB", "AUX", "PRON") for token in span):
        return None
    return _role_name(match.group("role")), None


def _describer_words(text: str | None) -> list[str]:
    """The words of a title's describers without modifiers ("new") and abbreviations ("(RN)")."""
    return [word for word in (text or "").split()
            if word.lower() not in _ROLE_MODIFIERS and not word.startswith("(")]


# Describers are adjectives, nouns and names ("military", "long-time", "National Rally"), never
# a verb, article, preposition or pronoun.
_NOT_DESCRIBING = {"VERB", "AUX", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}


def _describes(context: ArticleDoc, start: int, end: int) -> bool:
    """True when the words between these offsets may describe a title."""
    if start >= end:
        return True
    span = context.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(token.pos_ not in _NOT_DESCRIBING or token.dep_ in ("amod", "compound")
                                    or token.tag_ == "HYPH" or token.text in "()" for token in span if not token.is_space)


def _name_follows(context: ArticleDoc, char: int) -> bool:
    """True when a person's name starts right after `char`: ", General Keith Kellogg" or ", the
    French President Emmanuel Macron" after a name gives the next name's title, not this one's."""
    following = re.match(r"\s+(?=[A-Z])", context.text[char:char + 3])
    if following is None:
        return False
    index = bisect_left(context.token_starts, char + following.end())
    doc = context.doc
    return index < len(doc) and doc[index].idx == char + following.end() and (
        doc[index].ent_type_ == "PERSON" or (doc[index].tag_ == "NNP" and is_name_token(doc[index])
                                             and index + 1 < len(doc) and is_name_token(doc[index + 1])))



# Words that end the text of a role read after a role word: a relative clause or another
# person's name is never part of it (", the foreign minister, Anna Berg and Tom Smith said").
_CLAUSE_WORDS = {"who", "whom", "whose", "which", "that"}
_CONNECTIVES = {"", "and", "or", "of", "in", "at", "for", "the", "a", "an"}


def _within_role(doc, start: int, end: int) -> str:
    """The part of the text after a role word that still belongs to it: it stops before a verb,
    a relative clause or a person's name, and drops the loose words such a cut leaves."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    for token in span:
        if token.idx >= start and ((token.pos_ in ("VERB", "AUX") and token.dep_ != "amod")
                                   or token.lower_ in _CLAUSE_WORDS or token.ent_type_ == "PERSON"):
            words = doc.text[start:token.idx].split()
            while words and words[-1].strip(",").lower() in _CONNECTIVES:
                words.pop()
            return " " + " ".join(words) if words else ""
    return doc.text[start:end]



# How much of the parse may make a role, so that a misparse never yields a clause or a list.
_TITLE_MAX_WORDS = 4          # a title before the name: "flood-defence inspector"
_APPOSITIVE_MAX_WORDS = 8     # an appositive: "marine biologist at the University of Leeds"
_MODIFIER_DEPENDENCIES = {"compound", "amod", "nmod"}
_ROLE_PREPOSITIONS = {"of", "at", "for", "in", "to", "with"}
_ROLE_MODIFIERS = {word.lower() for word in gazetteer.ROLE_MODIFIERS}
# Nouns that describe a person without being a role: relations, family, modifiers, honorifics.
_NOT_ROLES = (gazetteer.RELATIONAL_ROLES | gazetteer.KINSHIP_WORDS | _ROLE_MODIFIERS
              | {word.lower().rstrip(".") for word in gazetteer.HONORIFICS})


def _parsed_role(doc, start: int, end: int) -> tuple[str | None, str | None]:
    """A role the lexicon lacks, read from the dependency parse: a title compounded onto the
    name, an appositive of the name, or a noun the name stands in apposition to ("The
    prosecutor, Jean Dupont, ..."). Returns (role, country of a possessive place)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None
    name = span.root
    title = _title_before(doc, span, name)
    if title:
        return _role_name(title), None
    for child in name.children:
        # "Jane Roe, the airline's chief pilot, said": the appositive follows a comma.
        if child.dep_ == "appos" and child.i > span.end and doc[span.end].text == "," \
                and child.left_edge.i == span.end + 1:
            return _appositive_role(doc, child, before_a_name_is_a_list=True)
    head = name.head
    if name.dep_ == "appos" and head.i == span.start - 2 and doc[span.start - 1].text == ",":
        return _appositive_role(doc, head)
    return None, None


def _introduces_name(doc, last: Token) -> bool:
    """True when a phrase is followed by a comma and a person's name: in a list ("Emmanuel
    Macron, Volodymyr Zelenskyy, Canada's new prime minister, Mark Carney") the phrase is the
    title of the name after it, not an appositive of the name before."""
    after = last.i + 2
    return after < len(doc) and doc[last.i + 1].text == "," and doc[after].ent_type_ == "PERSON"


def _is_role_noun(token: Token) -> bool:
    """A singular common noun that can head a role, or a role word of the lexicon the tagger
    calls a proper noun ("the company's CEO"): not a name, place, plural or relation."""
    singular_noun = token.pos_ == "NOUN" and token.tag_ == "NN"
    return ((singular_noun or token.lower_ in SINGLE_WORD_TITLES) and token.text.isalpha()
            and token.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG")
            and token.lower_ not in _NOT_ROLES)


def _title_before(doc, span: Span, name: Token) -> str | None:
    """The words compounded onto the name from the left ("Presiding judge", "Fisheries
    Commissioner"), up to a determiner, comma, verb, place or another name."""
    inside = {token.i for token in span}
    words: list[Token] = []
    index = span.start - 1
    while index >= span.sent.start:
        token = doc[index]
        joined_hyphen = token.text in HYPHENS and not token.whitespace_ and index > 0 \
            and not doc[index - 1].whitespace_
        attached = token.head.i in inside or token.head.i in {word.i for word in words}
        if joined_hyphen:
            words.insert(0, token)
            index -= 1
            continue
        if not attached or token.dep_ not in _MODIFIER_DEPENDENCIES or not token.text.isalpha() \
                or token.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB") or token.ent_type_ \
                or token.lower_ in _NOT_ROLES or gazetteer.is_place_word(token.text):
            break
        words.insert(0, token)
        index -= 1
    while words and words[0].text in HYPHENS:
        words.pop(0)
    if not words or len(words_of(words)) > _TITLE_MAX_WORDS:
        return None
    last = words[-1]
    # The title's head sits right before the name: a common noun, or a capitalised title the
    # tagger calls a proper noun ("Commissioner") as long as no entity claims it.
    if last.i != span.start - 1 or last.lower_ in _NOT_ROLES:
        return None
    # "head of state Volodymyr ...": a title cut out of a longer phrase is no title.
    if words[0].i > span.sent.start and doc[words[0].i - 1].pos_ == "ADP":
        return None
    if not (_is_role_noun(last) or (last.pos_ == "PROPN" and not last.ent_type_ and last.is_title)):
        return None
    if any(word.pos_ == "VERB" and word.dep_ != "amod" for word in words):
        return None
    if last.i > 0 and doc[last.i - 1].text in HYPHENS and not doc[last.i - 1].whitespace_:
        return None     # "long-time Jane Roe": a hyphenated word before a name describes her
    return doc.text[words[0].idx:last.idx + len(last.text)]


def _appositive_role(doc, noun: Token, before_a_name_is_a_list: bool = False) -> tuple[str | None, str | None]:
    """The role an appositive noun phrase names: the noun with the modifiers right before it
    and a short prepositional phrase after it ("chief pilot", "head of the flood agency"),
    never a determiner, a possessor or a clause. A possessive place gives the country. With
    `before_a_name_is_a_list`, a phrase followed by ", <name>" is the next name's title."""
    if not _is_role_noun(noun):
        return None, None
    first = noun
    while first.i > 0:
        previous = doc[first.i - 1]
        if previous.head.i >= first.i and previous.head.i <= noun.i and (
                (previous.dep_ in _MODIFIER_DEPENDENCIES and previous.text.isalpha() and not previous.ent_type_)
                or (previous.text in HYPHENS and not previous.whitespace_)):
            first = previous
        else:
            break
    while first.text in HYPHENS:
        first = doc[first.i + 1]
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.i == noun.i + 1 and child.lower_ in _ROLE_PREPOSITIONS:
            phrase = list(child.subtree)
            clean = all(t.pos_ not in ("VERB", "AUX", "CCONJ", "PUNCT", "PRON") and t.ent_type_ != "PERSON"
                        for t in phrase)
            contiguous = phrase[-1].i - phrase[0].i + 1 == len(phrase)
            if clean and contiguous and phrase[-1].i - first.i + 1 <= _APPOSITIVE_MAX_WORDS:
                last = phrase[-1]
        break
    country = None
    for child in noun.children:
        if child.dep_ == "poss":
            # "the United States' chief negotiator": the possessor with its compounds.
            parts = [t for t in child.lefts if t.dep_ == "compound"] + [child]
            country = place_id_of(" ".join(t.text for t in parts))
            if country is None:
                # "U.S. President Donald Trump's special envoy": the country of the title possessing.
                named = places_in(" ".join(t.text for t in child.subtree), adjectives=True)
                country = named[0] if len(named) == 1 else None
    if before_a_name_is_a_list and _introduces_name(doc, last):
        return None, None
    return doc.text[first.idx:last.idx + len(last.text)], country


def _role_name(role: str) -> str | None:
    if role.lower() in gazetteer.RELATIONAL_ROLES:
        return None
    return role if any(c.isupper() for c in role) else role.title()
