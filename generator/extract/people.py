"""People: named persons with their role and country, variants merged into one record.

The small English model tags names inconsistently ("Kyiv" as a person, "Trump" as an
organisation), so a name is trusted when it has the shape of a personal name and either the
tagger calls it a PERSON or a title stands before it ("Ukrainian counterpart ..."). A bare
surname is linked to the full name it shortens; a surname never given in full is dropped.
Other names of person shape are kept as weak candidates for `combine` to confirm against other
articles. Roles come from the role words of knowledge/roles.tsv around the name; a title the
lexicon lacks is read from the dependency parse (a compound title before the name, an
appositive after it), within caps that keep a clause or a list of names out of a role.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.model.facts import Evidence, Person
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.model.lexicon import WEEKDAYS
from generator.extract.document import ArticleDoc, Mention
from generator.extract.names import same_name, same_surname, same_given_name
from generator.extract.records import extractor_name

EXTRACTOR = extractor_name("people")

_PLACE = rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})"
_ROLE = rf"(?i:{gazetteer.ROLES_PATTERN})"
_MODIFIER = "|".join(gazetteer.ROLE_MODIFIERS)
# "outgoing Canadian Prime Minister ", "NATO Secretary-General ", "Finland's president, "
_RANK = "|".join(sorted(gazetteer.RANKS, key=len, reverse=True))
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?i:{_MODIFIER})\s+)?(?:\b(?P<place>{_PLACE})(?:['’]s)?\s+)?(?:\b(?i:{_MODIFIER})\s+)?"
    rf"\b(?P<role>{_ROLE})(?:\s+(?i:{_RANK}))?\s*,?\s*$"
)
# "Hungary, whose prime minister, "
_WHOSE_ROLE = re.compile(rf"\b(?P<place>{_PLACE}),\s+whose\s+(?P<role>{_ROLE}),\s*$")
# "Sir ", "Dr. " right before the name
_HONORIFIC_AT_END = re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in gazetteer.HONORIFICS)})\s+$")
# "France's "
_POSSESSIVE_PLACE = re.compile(rf"\b(?P<place>{_PLACE})['’]s\s+$")
# ", an associate fellow in ... at Chatham House, told ..."; ", the NATO secretary-general,"
_ROLE_AFTER = re.compile(
    rf"^\s*,\s+(?:the\s+|an?\s+)?(?:(?P<place>{_PLACE})(?:['’]s)?\s+)?(?P<role>{_ROLE})\b"
    r"(?P<rest>[^.;:“”\"]{0,160}?)"
    r"(?=,\s+(?:in|told|said|says|added|according|who|which|has|had|is|was)\b|\s+(?:told|said|says)\b|[.;:]|$)"
)
_NON_NAME_WORDS = {
    "House", "Street", "Office", "Social", "News", "TV", "Force", "Forces", "Programme",
    "Institute", "Council", "Commission", "Union", "Party", "Ministry", "Department", "Times",
    "Post", "Airport", "Square", "Palace", "Parliament", "Church", "University", "Group",
    "Agency", "Bank", "Fund", "Army", "Navy", "Company", "Corporation", "Club", "Foundation",
    "Day", "Minister", "President", "Chancellor", "Secretary", "General", "Prime", "Pic",
    "Image", "Photo", "Video", *(day.title() for day in WEEKDAYS), "Commons", "Lords", "Brexit", "God", "War", "Kingdom", "States",
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


@dataclass
class _Group:
    names: list[_Name] = field(default_factory=list)

    @property
    def canonical(self) -> list[str]:
        counts = Counter(tuple(n.tokens) for n in self.names)
        return list(max(counts, key=lambda form: (counts[form], len(form), -self._first(form))))

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


def _name_runs(span: Span):
    """Runs of name-shaped tokens in an entity, split at commas, 'and', possessives; a
    hyphenated name stays whole."""
    run: list[Token] = []
    for token in span:
        joins = run and _joins_name(token) and token.i + 1 < span.end
        if _is_name_token(token) or (run and token.lower_ in gazetteer.NAME_PARTICLES) or joins:
            run.append(token)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _clean(run: list[Token]) -> tuple[list[Token], str | None]:
    honorific = None
    # The tagger often counts a title as part of the name ("Archbishop Justin Welby"): a role
    # word leaves the name, where the role readers find it before the name.
    while run and (run[0].tag_ == "MD" or run[0].text in _HONORIFICS
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
    text = context.text
    # "Prime Minister Sir Keir Starmer": the title stands before the honorific.
    before = _HONORIFIC_AT_END.sub("", text[max(sentence.start_char, start - 90):start])
    after = text[end:min(sentence.end_char, end + 220)]
    for pattern in (_WHOSE_ROLE, _ROLE_BEFORE):
        match = pattern.search(before)
        if match:
            return _role_name(match.group("role")), _place_id(match.group("place"))
    match = _ROLE_AFTER.match(after)
    if match:
        rest = _within_role(context.doc, end + match.start("rest"), end + match.end("rest"))
        role = (match.group("role") + rest).strip().rstrip(",")
        return role, _place_id(match.group("place"))
    # No role word of the lexicon: the parse may still show a title ("Flood-defence
    # commissioner Jane Roe", "Jane Roe, the airline's chief pilot, said").
    role, country = _parsed_role(context.doc, start, end) if read_parse else (None, None)
    match = _POSSESSIVE_PLACE.search(before)
    if match:
        country = _place_id(match.group("place"))
    return role, country


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
    doc = context.doc
    bylined = {name.lower() for name in context.article.byline}
    full: list[_Name] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and ent.label_ not in _WEAK_LABELS:
            continue
        if ent.label_ != "PERSON" and any(t.text in _NON_NAME_WORDS for t in ent):
            continue  # "Royal United Services Institute": an institution, not a person
        for raw in _name_runs(ent):
            run, honorific = _clean(raw)
            words = _words(run)
            joined = " ".join(words)
            if len(words) < 2 or joined.lower() in bylined or gazetteer.is_place_word(joined):
                continue
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            sentence = run[0].sent
            role, country = _role_context(context, sentence, start, end, read_parse=ent.label_ == "PERSON")
            titled = role is not None or country is not None
            full.append(_Name(words, start, end, sentence,
                              strong=ent.label_ == "PERSON" or titled,
                              honorific=honorific, role=role, country=country))
    full.extend(_untagged_names(context, full))
    groups: list[_Group] = []
    for name in sorted(full, key=lambda n: n.start):
        for group in groups:
            if same_name(group.names[0].tokens, name.tokens):
                group.names.append(name)
                break
        else:
            groups.append(_Group([name]))

    mentions: list[Mention] = []
    records: dict[str, tuple[Person, bool]] = {}
    surnames: dict[str, list[str]] = {}
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
        person = Person(
            id=person_id, name=" ".join(canonical), aliases=aliases, role=role, country=country,
            evidence=[Evidence(source=context.source, quote=context.quote_of(anchor.sentence))],
            extractor=EXTRACTOR, confidence=0.9 if group.strong else 0.4,
        )
        if person_id in records:
            continue
        records[person_id] = (person, group.strong)
        for name in group.names:
            mentions.append(Mention(name.start, name.end, person_id, " ".join(name.tokens)))
        surnames.setdefault(canonical[-1], []).append(person_id)

    mentions.extend(_short_mentions(context, records, mentions))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        mention.strong = records[mention.person][1]
        span = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        mention.subject = span is not None and any(
            t.dep_ in ("nsubj", "nsubjpass") or (t.head.dep_ in ("nsubj", "nsubjpass") and t.head.i in range(span.start, span.end))
            for t in span) and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)
    context.mentions = mentions
    for mention in mentions:
        person = records[mention.person][0]
        if mention.text != person.name and mention.text not in person.aliases:
            person.aliases = sorted(set(person.aliases) | {mention.text})
    context.people = {pid: person for pid, (person, _) in records.items()}
    people = sorted((p for p, strong in records.values() if strong), key=lambda p: p.id)
    weak = sorted((p for p, strong in records.values() if not strong), key=lambda p: p.id)
    return people, weak


def _untagged_names(context: ArticleDoc, found: list[_Name]) -> list[_Name]:
    """Full names the tagger missed ("Keir Starmer" untagged) whose surname it tags elsewhere."""
    doc = context.doc
    tagged_surnames = {_words(list(ent))[-1] for ent in doc.ents if ent.label_ == "PERSON"}
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
            if len(_words(cleaned)) >= 2:
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
            matches = [pid for pid, tokens in people if same_given_name(tokens[0], token.text)
                       and tokens[0][0] == token.text[0]]
            text, start, end = f"{previous.text} {token.text}", previous.idx, token.idx + len(token.text)
        else:
            # "Kosiniak-Kamysz" is one surname, written as three tokens.
            last = token
            while last.i + 2 < len(context.doc) and _joins_name(context.doc[last.i + 1]):
                last = context.doc[last.i + 2]
            start, end = token.idx, last.idx + len(last.text)
            matches = [pid for pid, tokens in people if same_surname(tokens[-1], context.text[start:end])]
            # "von der Leyen": keep the particles with the surname.
            index = token.i - 1
            while index >= 0 and context.doc[index].lower_ in gazetteer.NAME_PARTICLES and \
                    context.doc[index].text[:1].islower():
                start = context.doc[index].idx
                index -= 1
            text = context.text[start:end]
        if len(matches) == 1:
            found.append(Mention(start, end, matches[0], text))
            covered.update(range(start, end))
    return found
