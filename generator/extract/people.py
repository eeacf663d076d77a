"""People: named persons with their role and country, variants merged into one record.

The small English model tags names inconsistently ("Kyiv" as a person, "Trump" as an
organisation), so a name is trusted when it has the shape of a personal name and either the
tagger calls it a PERSON or a title stands before it ("French counterpart ..."). A bare
surname ("Starmer", "Le Pen") is linked to the full name it shortens; a surname never given in
full is a person of its own, at a lower confidence, only when something says it names one: a
title ("General Burkhard", "Mrs Le Pen"), an appositive role, or the tagger's PERSON twice with
a speech verb. Other names of person shape are kept as weak candidates for `combine` to confirm
against other articles; a name the stored text cuts off is left out.

Roles come from the role words of knowledge/roles.tsv around the name: before it, with a place
("Polish PM", "Myanmar's military ruler"), with what the title is of ("the Prime Minister of the
United Kingdom, ", "Minister of the Armed Forces ") or shared by a list ("US envoys A and B");
after it, as an appositive. A title the lexicon lacks is read from the dependency parse (a
compound title before the name, an appositive after it), within caps that keep a clause or a
list of names out of a role. A person's country is the place written with the title, an
institution named for a country or city ("judge at the Paris criminal court"), or the group the
name is listed in ("US representatives, including ...", "the French delegation was headed by").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model.records import Evidence, Person
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.model.lexicon import WEEKDAYS
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc, Mention
from generator.extract.names import given_name, same_name, same_surname, same_given_name
from generator.extract.findings import extractor_name
from generator.extract.inflection import base_in

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

EXTRACTOR = extractor_name("people")

_PLACE = rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})"


# Verbs that report speech: a name as their subject is someone speaking ("Bardella told ...");
# quotes attributes quotations through them.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "post", "explain", "declare", "insist", "warn", "stress",
    "note", "describe", "lament", "urge", "acknowledge", "argue", "claim", "reply", "respond",
    "emphasize", "emphasise", "conclude", "admit", "tweet", "propose", "state", "remark",
    "continue", "announce", "predict", "caution", "recall", "observe", "ask",
})


def _role_rows() -> list[dict[str, str]]:
    """The rows of knowledge/roles.tsv, for its `means` column, which gazetteer does not read."""
    return gazetteer._rows("roles.tsv")


# Abbreviated titles ("PM") are written in capitals in roles.tsv and read only in capitals; the
# others are read in any case ("Prime Minister", "prime minister").
ABBREVIATIONS = {row["role"].lower() for row in _role_rows() if row["role"].isupper()}
# What a role word stands for ("premier" -> prime minister, "head of state" -> president, ...).
ROLE_MEANINGS: dict[str, tuple[str, ...]] = {
    row["role"].lower(): tuple(item.strip() for item in row["means"].split(";") if item.strip())
    for row in _role_rows() if row.get("means")
}
_WORDED_ROLES = [role for role in gazetteer.ROLE_WORDS if role not in ABBREVIATIONS]
_ROLE = (rf"(?:{'|'.join(re.escape(role.upper()) for role in sorted(ABBREVIATIONS, key=len, reverse=True))}|"
         rf"(?i:{'|'.join(re.escape(role) for role in sorted(_WORDED_ROLES, key=len, reverse=True))}))")
_MODIFIER = "|".join(gazetteer.ROLE_MODIFIERS)
_RANK = "|".join(sorted(gazetteer.RANKS, key=len, reverse=True))
_CAPITALISED = r"[A-Z][\w'’.-]*"
# What a title is of: "of the Armed Forces", "for Defence of the United Kingdom", "in Europe".
_COMPLEMENT = rf"(?:\s+(?:of|for|in)\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:and\s+)?{_CAPITALISED}){{0,3}}){{1,3}}(?<!['’]s)"
# Lowercase words between a place and its title ("Myanmar's military ruler", "French far-right
# leader"); the parse must call them modifiers (see _describes).
_DESCRIBERS = r"(?:[a-z][a-z-]*[a-z]\s+){0,2}?"
# "outgoing Canadian Prime Minister ", "NATO Secretary-General ", "Finland's president, ",
# "the Prime Minister of the United Kingdom, ", "UN Special Envoy for Myanmar ", "US envoys ",
# "Special Presidential Envoy, General "
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?i:{_MODIFIER})\s+)?(?:\b(?P<place>{_PLACE})(?:['’]s)?\s+(?P<describers>{_DESCRIBERS}))?"
    rf"(?:\b(?i:{_MODIFIER})\s+)?"
    rf"\b(?P<role>{_ROLE})(?P<plural>s)?(?P<complement>{_COMPLEMENT})?(?:,?\s+(?i:{_RANK}))?\s*,?\s*$"
)
# The second of two names sharing a plural title: "US envoys Steve Witkoff and "
_SHARED_TITLE = re.compile(
    rf"(?:\b(?P<place>{_PLACE})(?:['’]s)?\s+)?\b(?P<role>{_ROLE})s\s+"
    rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}(?:,\s+{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})*,?\s+and\s+$"
)
# "The judge in the court hearing on Monday, ": a title with a phrase of its own, then the name
_ROLE_WITH_PHRASE = re.compile(
    rf"\b(?i:the|an?)\s+(?P<role>{_ROLE})(?P<phrase>\s+(?:in|of|at|for|on)\s+[^,;:.!?“”\"()]{{1,60}}?),\s*$"
)
# "Hungary, whose prime minister, "
_WHOSE_ROLE = re.compile(rf"\b(?P<place>{_PLACE}),\s+whose\s+(?P<role>{_ROLE}),\s*$")
# "Sir ", "Dr. " right before the name
_HONORIFIC_AT_END = re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in gazetteer.HONORIFICS)})\s+$")
# "France's "
_POSSESSIVE_PLACE = re.compile(rf"\b(?P<place>{_PLACE})['’]s\s+$")
# ", an associate fellow in ... at Chatham House, told ..."; ", the NATO secretary-general,";
# ", the long-time National Rally (RN) leader, who ..."
_ROLE_AFTER = re.compile(
    rf"^\s*,\s+(?:(?:the|an?)\s+(?P<describers>(?:(?:[a-z][\w-]*|{_CAPITALISED}|\([A-Z]+\))\s+){{0,4}}))?"
    rf"(?:(?P<place>{_PLACE})(?:['’]s)?\s+)?(?P<role>{_ROLE})\b"
    r"(?P<rest>[^.;:“”\"]{0,160}?)"
    r"(?=,\s+(?:in|told|said|says|added|according|who|which|has|had|is|was)\b|\s+(?:told|said|says)\b|[.;:]|$)"
)
# Groups whose members are named after them: "US representatives, including ...", "the French
# delegation was headed by ...". The group's country is each member's. A list holds names and
# their titles: capitalised words, "and", particles and the words of role titles.
_LIST_WORDS = sorted({word for role in gazetteer.ROLE_WORDS for word in role.split()}
                     | set(gazetteer.ROLE_MODIFIERS) | gazetteer.NAME_PARTICLES | {"and", "the"}, key=len, reverse=True)
_LIST = rf"(?P<list>(?:(?:{_CAPITALISED}|(?:{'|'.join(re.escape(word) for word in _LIST_WORDS)})\b),?\s+)*)$"
_GROUP_NOUNS = ("representatives|officials|delegates|lawmakers|legislators|senators|ministers|leaders|"
                "envoys|negotiators|diplomats|politicians|officers|generals|commanders|members")
_GROUP_INTRO = re.compile(
    rf"\b(?P<place>{_PLACE})\s+(?:[a-z][a-z-]*\s+)?(?:{_GROUP_NOUNS})\s*,?\s+(?:including|such as|among them|namely)\s+{_LIST}"
)
_LED_BY = re.compile(
    rf"\b(?P<place>{_PLACE})\s+(?:delegation|team|side|negotiators|negotiating team)\s*,?\s+"
    rf"(?:(?:was|is|were|are|will be)\s+)?(?:headed|led)\s+by\s+{_LIST}"
)
_NON_NAME_WORDS = {
    "House", "Street", "Office", "Social", "News", "TV", "Force", "Forces", "Programme",
    "Institute", "Council", "Commission", "Union", "Party", "Ministry", "Department", "Times",
    "Post", "Airport", "Square", "Palace", "Parliament", "Church", "University", "Group",
    "Agency", "Bank", "Fund", "Army", "Navy", "Company", "Corporation", "Club", "Foundation",
    "Day", "Minister", "President", "Chancellor", "Secretary", "General", "Prime", "Pic",
    "Image", "Images", "Photo", "Photos", "Pictures", "Press", "Video", *(day.title() for day in WEEKDAYS), "Commons", "Lords", "Brexit", "God", "War", "Kingdom", "States",
}
_HONORIFICS = set(gazetteer.HONORIFICS)
_SINGLE_WORD_TITLES = {role for role in gazetteer.ROLE_WORDS if " " not in role and "-" not in role}
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


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or not re.fullmatch(r"[^\W\d_][\w'’.-]*", text):
        return False
    if text.isupper() and len(text) > 2:       # NATO, LMM, RUSI: acronyms, not names
        return False
    return text not in _NON_NAME_WORDS and not gazetteer.is_place_word(text)


# The tokenizer splits "Kosiniak-Kamysz" into "Kosiniak", "-", "Kamysz"; a hyphen written
# without spaces between two parts of a name keeps them one name.
_HYPHENS = {"-", "\u2010", "\u2011"}


def _joins_name(token: Token) -> bool:
    """A hyphen inside a double-barrelled name: no space on either side, a name part after."""
    doc = token.doc
    return (token.text in _HYPHENS and token.i > 0 and not doc[token.i - 1].whitespace_
            and not token.whitespace_ and token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]))


def _words(run: list[Token]) -> list[str]:
    """The words of a run of tokens: tokens written together ("Kosiniak", "-", "Kamysz")
    make one word."""
    words: list[str] = []
    for index, token in enumerate(run):
        if index and not run[index - 1].whitespace_:
            words[-1] += token.text
        else:
            words.append(token.text)
    return words


_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
# A verb or adverb opening a sentence may be tagged into the name after it ("Hosting Zelensky at
# ..."), even as a proper noun after a header line: a long word in -ing is a participle there.
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB"})
_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")


def _name_runs(span: Span):
    """Runs of name-shaped tokens in an entity, split at commas, 'and', possessives; a
    hyphenated name stays whole."""
    run: list[Token] = []
    for token in span:
        joins = run and _joins_name(token) and token.i + 1 < span.end
        # "de Perthuis": a particle may open a surname written alone.
        opens = not run and token.text in gazetteer.NAME_PARTICLES and token.i + 1 < span.end \
            and _is_name_token(token.doc[token.i + 1])
        # "Charles III": a regnal number ends a name it follows.
        regnal = run and _REGNAL.fullmatch(token.text)
        if _is_name_token(token) or (run and token.lower_ in gazetteer.NAME_PARTICLES) or joins or opens or regnal:
            run.append(token)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _opens_a_line_or_sentence(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i else None
    # A date header may run straight into the first sentence (" date 2025-10-24 Hosting ...").
    return (before is None or token.is_sent_start or before.is_space or "\n" in before.whitespace_
            or before.text in (".", "!", "?") or (before.like_num and before.ent_type_ == "DATE"))


def _clean(run: list[Token]) -> tuple[list[Token], str | None]:
    honorific = None
    # The tagger often counts a title as part of the name ("Archbishop Justin Welby"): a role
    # word leaves the name, where the role readers find it before the name.
    while run and (run[0].tag_ == "MD" or run[0].text in _HONORIFICS
                   or (len(run) > 1 and (run[0].tag_ in _VERB_TAGS or (_PARTICIPLE.fullmatch(run[0].text)
                                                                       and _opens_a_line_or_sentence(run[0]))))
                   or (run[0].lower_ in _SINGLE_WORD_TITLES and len(_words(run[1:])) >= 2)):
        if run[0].text in _HONORIFICS:
            honorific = run[0].text
        run = run[1:]
    doc = run[0].doc if run else None
    if run and doc is not None:
        # "Ursula von der" + "Leyen": finish a name that the tagger cut after a particle.
        index = run[-1].i + 1
        tail = list(run)
        while index < len(doc) and doc[index].lower_ in gazetteer.NAME_PARTICLES:
            tail.append(doc[index])
            index += 1
        if index < len(doc) and (tail[-1].lower_ in gazetteer.NAME_PARTICLES) and _is_name_token(doc[index]):
            tail.append(doc[index])
            run = tail
    while run and run[-1].lower_ in gazetteer.NAME_PARTICLES:
        run = run[:-1]
    # A preceding honorific outside the entity ("Sir" tagged apart).
    if run and honorific is None and run[0].i > 0 and run[0].doc[run[0].i - 1].text in _HONORIFICS:
        honorific = run[0].doc[run[0].i - 1].text
    return run, honorific


def _role_context(context: ArticleDoc, sentence: Span, start: int, end: int, read_parse: bool = True):
    """The role and country the words around a name give. `read_parse` also reads a title the
    lexicon lacks from the parse: only for names known to be people, since a title found
    this way would otherwise turn an organisation's name into a person."""
    role, country, _ = _role_around(context, sentence, start, end, read_parse)
    if country is None:
        country = _group_country(context, sentence, start)
    return role, country


def _role_around(context: ArticleDoc, sentence: Span, start: int, end: int, read_parse: bool):
    """(role, country, titled): titled when a title stands around the name, even one that
    gives no role ("French counterpart ...")."""
    text = context.text
    window = max(sentence.start_char, start - 120)
    # "Prime Minister Sir Keir Starmer": the title stands before the honorific.
    before = _HONORIFIC_AT_END.sub("", text[window:start])
    after = text[end:min(sentence.end_char, end + 220)]
    titled = _written_title(context, window, before)
    if titled is not None:
        role, country = titled
        return role, country or _institution_country(role), True
    match = _ROLE_AFTER.match(after)
    if match and not _name_follows(context, end + match.end("role")) and (not match.group("describers") or _describes(
            context, end + match.start("describers"), end + match.end("describers"))):
        rest = _within_role(context.doc, end + match.start("rest"), end + match.end("rest"))
        # "the French far-right leader": a place among the describers is the country, and no
        # part of the role.
        describers = _describer_words(match.group("describers"))
        places = [_place_id(word) for word in describers if gazetteer.is_place_word(word)]
        describers = [word for word in describers if not gazetteer.is_place_word(word)]
        role = " ".join([*describers, match.group("role") + rest]).strip().rstrip(",")
        country = _place_id(match.group("place")) or next((place for place in places if place), None)
        return role, country or _institution_country(role), True
    # No role word of the lexicon: the parse may still show a title ("Flood-defence
    # commissioner Jane Roe", "Jane Roe, the airline's chief pilot, said").
    role, country = _parsed_role(context.doc, start, end) if read_parse else (None, None)
    match = _POSSESSIVE_PLACE.search(before)
    if match:
        country = _place_id(match.group("place"))
    return role, country or _institution_country(role), role is not None


# An institution a role is of, named for a country or city: "judge at the Paris criminal court",
# "leader of France's National Rally", "head of the French far-right party". A place the role
# is only in or for ("correspondent in Paris", "envoy for Myanmar", "head of the EU delegation
# in Kyiv") says nothing of the person's country.
_CITY = "|".join(re.escape(city) for city in sorted(gazetteer.CITIES, key=len, reverse=True))
_INSTITUTION_PLACE = re.compile(
    rf"\b(?:of|at)\s+(?:the\s+|an?\s+)?(?:[a-z][a-z-]*\s+)?"
    rf"(?:(?P<adjective>{gazetteer.PLACE_ADJECTIVES_PATTERN})|(?P<possessive>{gazetteer.PLACE_NAMES_PATTERN})['’]s"
    rf"|(?P<city>{_CITY}))\s+[A-Za-z]"
)


def _institution_country(role: str | None) -> str | None:
    """The country of the institution a role is of, if the role names it by a place."""
    match = _INSTITUTION_PLACE.search(role or "")
    if match is None:
        return None
    if match.group("city"):
        return gazetteer.country_of_city(match.group("city"))
    return _place_id(match.group("adjective") or match.group("possessive"))


def _written_title(context: ArticleDoc, window: int, before: str) -> tuple[str | None, str | None] | None:
    """(role, country) of a title written before the name, None when there is none; `before`
    is the text from `window` up to the name."""
    for pattern in (_WHOSE_ROLE, _SHARED_TITLE):
        match = pattern.search(before)
        if match:
            return _role_name(match.group("role")), _place_id(match.group("place"))
    match = _ROLE_BEFORE.search(before)
    if match and match.group("describers") and not _describes(
            context, window + match.start("describers"), window + match.end("describers")):
        # "Germany welcomed President ...": a verb is no part of a title, nor is the place before it.
        match = _ROLE_BEFORE.search(before, match.end("describers"))
    if match is None:
        return _title_with_phrase(context, window, before)
    place = _place_id(match.group("place"))
    role = match.group("role")
    if role.lower() in ABBREVIATIONS:
        role = ROLE_MEANINGS[role.lower()][0].title()
    # "of the United Kingdom" after the title is the country; "of the Armed Forces", "for
    # Myanmar" (an envoy for a country is not of it) and "in Europe" are part of the role.
    segments = re.findall(r"\s+(of|for|in)\s+(.+?)(?=\s+(?:of|for|in)\s+|$)", match.group("complement") or "")
    if segments and segments[-1][0] == "of" and _place_id(segments[-1][1]):
        place = place or _place_id(segments[-1][1])
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
    if match is None or re.search(_ROLE, match.group("phrase")):
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
        doc[index].ent_type_ == "PERSON" or (doc[index].tag_ == "NNP" and _is_name_token(doc[index])
                                             and index + 1 < len(doc) and _is_name_token(doc[index + 1])))


def _group_country(context: ArticleDoc, sentence: Span, start: int) -> str | None:
    """The country of a group a name is listed in: "US representatives, including ...", "the
    French delegation was headed by ..."; a whole-continent or organisation's group of leaders
    ("EU leaders, including ...") says nothing of each one's country."""
    window = _HONORIFIC_AT_END.sub("", context.text[max(sentence.start_char, start - 300):start])
    for pattern, countries_only in ((_GROUP_INTRO, True), (_LED_BY, False)):
        match = pattern.search(window)
        if match:
            place = gazetteer.place_by_name_or_adjective(match.group("place"))
            if place is not None and (place.kind == "country" or not countries_only):
                return place.id
    return None


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
_TITLE_MAX_WORDS = 4          # a title before the name: "flood-defence commissioner"
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
    return ((singular_noun or token.lower_ in _SINGLE_WORD_TITLES) and token.text.isalpha()
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
        joined_hyphen = token.text in _HYPHENS and not token.whitespace_ and index > 0 \
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
    while words and words[0].text in _HYPHENS:
        words.pop(0)
    if not words or len(_words(words)) > _TITLE_MAX_WORDS:
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
    if last.i > 0 and doc[last.i - 1].text in _HYPHENS and not doc[last.i - 1].whitespace_:
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
                or (previous.text in _HYPHENS and not previous.whitespace_)):
            first = previous
        else:
            break
    while first.text in _HYPHENS:
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
            country = _place_id(" ".join(t.text for t in parts))
    if before_a_name_is_a_list and _introduces_name(doc, last):
        return None, None
    return doc.text[first.idx:last.idx + len(last.text)], country


def _role_name(role: str) -> str | None:
    if role.lower() in gazetteer.RELATIONAL_ROLES:
        return None
    return role if any(c.isupper() for c in role) else role.title()


def _place_id(text: str | None) -> str | None:
    if not text:
        return None
    place = gazetteer.place_by_name_or_adjective(text)
    return place.id if place else None


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
    groups.extend(_surname_groups(surnames_only, groups))

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
    context.mentions = mentions
    for mention in mentions:
        person = records[mention.person][0]
        if mention.text != person.name and mention.text not in person.aliases:
            person.aliases = sorted(set(person.aliases) | {mention.text})
    context.people = {pid: person for pid, (person, _) in records.items()}
    people = sorted((p for p, strong in records.values() if strong), key=lambda p: p.id)
    weak = sorted((p for p, strong in records.values() if not strong), key=lambda p: p.id)
    return people, weak


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
        institution = [t.i for t in ent if t.text in _NON_NAME_WORDS] if ent.label_ != "PERSON" else []
        for raw in _name_runs(ent):
            if institution and raw[0].i < institution[-1]:
                continue
            run, honorific = _clean(raw)
            if not run or _cut_off(context, run):
                continue
            words = _words(run)
            joined = " ".join(words)
            if joined.lower() in bylined or gazetteer.is_place_word(joined):
                continue
            if honorific in _GIVEN_NAME_HONORIFICS and given_name(words) is None:
                continue  # "Sir Keir": a given name, which the short mentions link to the full name
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            sentence = run[0].sent
            role, country, titled = _role_around(context, sentence, start, end, read_parse=ent.label_ == "PERSON")
            # A place alone ("France's National Rally") does not make a person of an organisation.
            titled = titled or (country is not None and ent.label_ == "PERSON")
            if ent.label_ != "PERSON" and not titled and (institution or run[-1].lower_ in _SINGLE_WORD_TITLES):
                continue  # "Special Presidential Envoy, General Keith Kellogg": a title, not a name
            if country is None:
                country = _group_country(context, sentence, start)
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


def _surname_groups(surnames_only: list[_Name], groups: list[_Group]) -> list[_Group]:
    """Surnames written alone join the one full name they shorten (bringing the role an
    appositive gives: "Le Pen, the long-time ... leader"); a surname never given in full is a
    person of its own only with evidence that it names one: a title ("General Burkhard",
    "Mrs Le Pen"), an appositive role, or the tagger's PERSON twice with a speech verb
    ("Bardella told ...")."""
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
    found = []
    for group in alone:
        told = [n for n in group.names if n.label == "PERSON" or n.whole]
        persons = [n for n in group.names if n.label == "PERSON"]
        if any(n.titled or n.honorific in _SURNAME_HONORIFICS for n in told) or (
                len(persons) >= 2 and any(n.speaks for n in persons)):
            for name in group.names:
                name.strong = True
            found.append(group)
    return found


def _speaks(token: Token) -> bool:
    """The name is the subject of a speech verb ("Bardella told Europe 1 radio")."""
    return token.dep_ in ("nsubj", "nsubjpass") and base_in(token.head, SPEECH_VERBS)


def _cut_off(context: ArticleDoc, run: list[Token]) -> bool:
    """A name the stored text cuts off ("... prime minister Giorgia Mel"): the text stops inside
    its last word, with no punctuation after it."""
    end = run[-1].idx + len(run[-1].text)
    return not context.text[end:].strip() and context.text.rstrip()[-1:].isalnum()


def _untagged_names(context: ArticleDoc, found: list[_Name], surnames_only: list[_Name]) -> list[_Name]:
    """Full names the tagger missed ("Keir Starmer" untagged) whose surname it tags elsewhere,
    or writes alone elsewhere as the subject of a verb ("Le Pen maintained she was innocent")."""
    doc = context.doc
    tagged_surnames = {_words(list(ent))[-1] for ent in doc.ents if ent.label_ == "PERSON"}
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
        while index < len(doc) and index not in taken and len(_words(run)) < 3 and (
                (doc[index].tag_ == "NNP" and _is_name_token(doc[index])) or (run and _joins_name(doc[index]))):
            run.append(doc[index])
            index += 1
        if len(_words(run)) >= 2 and _words(run)[-1] in tagged_surnames:
            cleaned, honorific = _clean(run)
            if len(_words(cleaned)) >= 2 and given_name(_words(cleaned)) and not _cut_off(context, cleaned):
                start, end = cleaned[0].idx, cleaned[-1].idx + len(cleaned[-1].text)
                role, country = _role_context(context, cleaned[0].sent, start, end)
                names.append(_Name(_words(cleaned), start, end, cleaned[0].sent, True,
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
            while last.i + 2 < len(context.doc) and _joins_name(context.doc[last.i + 1]):
                last = context.doc[last.i + 2]
            start, end = token.idx, last.idx + len(last.text)
            matches = [pid for pid, tokens in people if same_surname(tokens[-1], context.text[start:end])]
            # "von der Leyen", "Le Pen": keep the particles with the surname, a capitalised one
            # when the person's name has it.
            name_words = dict(people).get(matches[0], []) if len(matches) == 1 else []
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
