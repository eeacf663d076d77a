"""The tokens of a personal name: which words have the shape of a name, how the tagger's
entities split into names, and what leaves a name (a title or honorific the tagger counted in
it, a verb tagged into it, a particle it ends on).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.model import gazetteer
from generator.model.lexicon import WEEKDAYS
from generator.extract.document import ArticleDoc

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

CAPITALISED = r"[A-Z][\w'’.-]*"
# "Sir ", "Dr. " right before the name
HONORIFIC_AT_END = re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in gazetteer.HONORIFICS)})\s+$")
NON_NAME_WORDS = {
    "House", "Street", "Office", "Social", "News", "TV", "Force", "Forces", "Programme",
    "Institute", "Council", "Commission", "Union", "Party", "Ministry", "Department", "Times",
    "Post", "Airport", "Square", "Palace", "Parliament", "Church", "University", "Group",
    "Agency", "Bank", "Fund", "Army", "Navy", "Company", "Corporation", "Club", "Foundation",
    "Day", "Minister", "President", "Chancellor", "Secretary", "General", "Prime", "Pic",
    "Image", "Images", "Photo", "Photos", "Pictures", "Press", "Video", *(day.title() for day in WEEKDAYS), "Commons", "Lords", "Brexit", "God", "War", "Kingdom", "States",
}
_HONORIFICS = set(gazetteer.HONORIFICS)
SINGLE_WORD_TITLES = {role for role in gazetteer.ROLE_WORDS if " " not in role and "-" not in role}


def is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or not re.fullmatch(r"[^\W\d_][\w'’.-]*", text):
        return False
    if text.isupper() and len(text) > 2:       # NATO, LMM, RUSI: acronyms, not names
        return False
    return text not in NON_NAME_WORDS and not gazetteer.is_place_word(text)


# The tokenizer splits "Kosiniak-Kamysz" into "Kosiniak", "-", "Kamysz"; a hyphen written
# without spaces between two parts of a name keeps them one name.
HYPHENS = {"-", "\u2010", "\u2011"}


def joins_name(token: Token) -> bool:
    """A hyphen inside a double-barrelled name: no space on either side, a name part after."""
    doc = token.doc
    return (token.text in HYPHENS and token.i > 0 and not doc[token.i - 1].whitespace_
            and not token.whitespace_ and token.i + 1 < len(doc) and is_name_token(doc[token.i + 1]))


def words_of(run: list[Token]) -> list[str]:
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


def name_runs(span: Span):
    """Runs of name-shaped tokens in an entity, split at commas, 'and', possessives; a
    hyphenated name stays whole."""
    run: list[Token] = []
    for token in span:
        joins = run and joins_name(token) and token.i + 1 < span.end
        # "de Perthuis": a particle may open a surname written alone.
        opens = not run and token.text in gazetteer.NAME_PARTICLES and token.i + 1 < span.end \
            and is_name_token(token.doc[token.i + 1])
        # "Charles III": a regnal number ends a name it follows.
        regnal = run and _REGNAL.fullmatch(token.text)
        if is_name_token(token) or (run and token.lower_ in gazetteer.NAME_PARTICLES) or joins or opens or regnal:
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


def clean_run(run: list[Token]) -> tuple[list[Token], str | None]:
    honorific = None
    # The tagger often counts a title as part of the name ("Archbishop Justin Welby"): a role
    # word leaves the name, where the role readers find it before the name.
    while run and (run[0].tag_ == "MD" or run[0].text in _HONORIFICS
                   or (len(run) > 1 and (run[0].tag_ in _VERB_TAGS or (_PARTICIPLE.fullmatch(run[0].text)
                                                                       and _opens_a_line_or_sentence(run[0]))))
                   or (run[0].lower_ in SINGLE_WORD_TITLES and len(words_of(run[1:])) >= 2)):
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
        if index < len(doc) and (tail[-1].lower_ in gazetteer.NAME_PARTICLES) and is_name_token(doc[index]):
            tail.append(doc[index])
            run = tail
    while run and run[-1].lower_ in gazetteer.NAME_PARTICLES:
        run = run[:-1]
    # A preceding honorific outside the entity ("Sir" tagged apart).
    if run and honorific is None and run[0].i > 0 and run[0].doc[run[0].i - 1].text in _HONORIFICS:
        honorific = run[0].doc[run[0].i - 1].text
    return run, honorific


def cut_off(context: ArticleDoc, run: list[Token]) -> bool:
    """A name the stored text cuts off ("... prime minister Giorgia Mel"): the text stops inside
    its last word, with no punctuation after it."""
    end = run[-1].idx + len(run[-1].text)
    return not context.text[end:].strip() and context.text.rstrip()[-1:].isalnum()
