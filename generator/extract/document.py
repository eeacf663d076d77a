"""An article parsed once, with the lookups every extractor needs.

Sentences are trimmed to quotable text (a metadata header such as " date 2025-03-03" or a
byline is not part of the first sentence), direct-speech spans are located once, and people
mentions are attached after `people` has run, so later extractors resolve names by offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.files.articles import Article

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Doc, Span

_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+(By\s+[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*"
                     r"(\s+and\s+[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*)?\s+)?")
# Straight or typographic double quotes; single quotes are apostrophes too often to use.
_QUOTED = re.compile(r"“([^“”]*)”|\"([^\"\n]*)\"")


@dataclass
class Mention:
    start: int        # character offsets into the article text
    end: int
    person: str       # person id
    text: str
    strong: bool = True      # False for weak candidates (names the tagger doubted)
    subject: bool = False    # the name is the grammatical subject of its clause


@dataclass
class ArticleDoc:
    article: Article
    doc: Doc
    sentences: list[Span] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # inner char spans of quotes
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    people: dict = field(default_factory=dict)                   # id -> Person
    # (start, end, person id) of each quotation whose speaker `quotes` found; filled by that
    # extractor, so that "we" and "I" inside it can be read as the speaker.
    speakers: list[tuple[int, int, str]] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)            # char offset of each token
    _quote_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def source(self) -> str:
        return self.article.id

    def quote_of(self, sentence: Span) -> str:
        """The sentence as verbatim evidence, without a leading metadata header."""
        return sentence_text(self.text, sentence.start_char, sentence.end_char)

    def in_quote(self, char: int) -> bool:
        index = bisect_right(self._quote_starts, char) - 1
        return index >= 0 and self.quoted[index][0] <= char < self.quoted[index][1]

    def sentence_start(self, char: int) -> int | None:
        """Where the sentence holding `char` starts; a character just past a sentence's end
        (the opening mark of a quote that follows it) still counts as part of it."""
        index = bisect_right(self._sentence_starts, char)
        for sentence in self.sentences[max(index - 2, 0):index]:
            if char < sentence.end_char + 1:
                return sentence.start_char
        return None

    def sentences_before(self, char: int) -> Iterator[Span]:
        """The sentences that start before `char`, nearest first."""
        for index in range(bisect_left(self._sentence_starts, char) - 1, -1, -1):
            yield self.sentences[index]

    def paragraph_of(self, char: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= char < end:
                return start, end
        return 0, len(self.text)

    def speaker_at(self, char: int) -> str | None:
        """The person id of who speaks the quotation holding `char`, when it is known."""
        return next((speaker for start, end, speaker in self.speakers if start <= char < end), None)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def mentions_before(self, char: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= char and m.strong]

    def antecedent(self, char: int) -> Mention | None:
        """The person a pronoun at `char` most likely means: the last-named subject outside
        quotation marks, else the last-named person."""
        earlier = [m for m in self.mentions_before(char) if not self.in_quote(m.start)]
        subjects = [m for m in earlier if m.subject]
        if subjects and (not earlier or subjects[-1].start >= earlier[-1].start - 400):
            return subjects[-1]
        return earlier[-1] if earlier else None


def sentence_text(text: str, start: int, end: int) -> str:
    chunk = text[start:end]
    header = _HEADER.match(chunk)
    if header and chunk[header.end():].strip():
        chunk = chunk[header.end():]  # a sentence that is all header stays itself: never empty
    return chunk.strip()


def build(article: Article, doc: Doc) -> ArticleDoc:
    context = ArticleDoc(article=article, doc=doc)
    context.sentences = [s for s in doc.sents if article.text[s.start_char:s.end_char].strip()]
    context.quoted = [
        (m.start(1), m.end(1)) if m.group(1) is not None else (m.start(2), m.end(2))
        for m in _QUOTED.finditer(article.text)
    ]
    context._quote_starts = [start for start, _ in context.quoted]
    context._sentence_starts = [s.start_char for s in context.sentences]
    context.token_starts = [t.idx for t in doc]
    offset = 0
    for block in re.split(r"(\n\s*\n|\n)", article.text):
        if block.strip() and not re.fullmatch(r"\s+", block):
            context.paragraphs.append((offset, offset + len(block)))
        offset += len(block)
    return context
