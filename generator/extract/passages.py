"""A sentence as the participant rules read it: the passage outside the quotation it may open
with, its clauses, and the words that keep a clause's countries out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.document import ArticleDoc
from generator.files.articles import is_caption

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span

# A clause that keeps its countries out: "the United States was not invited", "ruled out sending".
NEGATED = re.compile(r"\b(?:not|never|ruled out|rule out|refused|declined|against|without|rather than|except)\b|n[’']t\b")
_CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while|but|whereas|although|as(?!\s+well))\b|;|\.\s|\bwhile\b|\bbut\b")
OPENS_ASIDE = re.compile(r"(?:[;,]\s+(?:while|but|whereas|although|as(?!\s+well))|\bwhile|\bbut)$")


@dataclass
class Passage:
    """The part of a sentence outside the quotation it may open with: `text` starts at `offset`."""
    sentence: Span
    offset: int
    text: str
    quote: str
    tokens: list = field(default_factory=list)



def passage_of(context: ArticleDoc, sentence: Span) -> Passage | None:
    """The sentence without the quotation it opens with ("“...,” said X after the meeting"
    keeps "said X after the meeting"); None for a question or a sentence all in quotes."""
    quote = context.quote_of(sentence)
    if quote.endswith("?") or is_caption(quote):
        return None     # a question, or a caption or link line ("READ MORE: ...")
    start = context.text.index(quote, sentence.start_char)     # after a metadata header
    if context.in_quote(start + 1):
        inner_end = next((end for begin, end in context.quoted if begin <= start + 1 < end), None)
        if inner_end is None or inner_end + 1 >= sentence.end_char:
            return None
        start = inner_end + 1
    text = context.text[start:sentence.end_char]
    if len(text.split()) < 3:
        return None
    tokens = [t for t in sentence if t.idx >= start and not context.in_quote(t.idx)]
    return Passage(sentence=sentence, offset=start, text=text, quote=quote, tokens=tokens)


def spoken_passage(context: ArticleDoc, sentence: Span) -> Passage | None:
    """A sentence of direct speech as a passage, with the quotation mark it may open with
    dropped from its start."""
    quote = context.quote_of(sentence)
    if quote.endswith("?") or is_caption(quote):
        return None
    start = context.text.index(quote, sentence.start_char)
    start += 1 if context.text[start] in "“\"" else 0
    return Passage(sentence=sentence, offset=start, text=context.text[start:sentence.end_char], quote=quote,
                   tokens=[t for t in sentence if t.idx >= start])


def clauses_of(chunk: str) -> list[tuple[int, str]]:
    """The sentence split at ";", "while", "but": (offset, clause) pairs."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(chunk)] + [len(chunk)]
    return [(start, chunk[start:end]) for start, end in zip(starts, starts[1:]) if end > start]


def clause_at(clauses: list[tuple[int, str]], offset: int) -> str:
    return next((clause for start, clause in reversed(clauses) if start <= offset), "")


def clause_holding(clauses: list[tuple[int, str]], offset: int) -> str | None:
    return next((clause for start, clause in clauses if start <= offset < start + len(clause)), None)
