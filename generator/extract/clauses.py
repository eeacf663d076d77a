"""Short plain descriptions built from a parsed sentence: subject + verb + object.

Phrases are cut from the original text (never re-joined tokens), so "1.6-billion-pound"
keeps its form; parentheticals, relative clauses and appositions are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

_DROPPED = {"relcl", "appos", "advcl", "parataxis", "acl", "cc", "conj", "mark"}
_OBJECTS = ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "dative", "prep", "agent")
_WEAK_ENDINGS = {"ADP", "DET", "CCONJ", "PRON", "PART", "PUNCT", "SCONJ", "AUX"}
_RELATIVE = {"who", "which", "that", "whom"}


def heads(token: Token, limit: int):
    """The words above `token`, nearest first, at most `limit` of them, up to the root."""
    for _ in range(limit):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


def text_of(tokens: list[Token]) -> str:
    """The original text of the tokens; a gap in their indices becomes a single space."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    pieces, start = [], tokens[0]
    for previous, token in zip(tokens, tokens[1:] + [None]):
        if token is None or token.i != previous.i + 1:
            pieces.append(doc[start.i:previous.i + 1].text)   # a slice: `doc.text` rebuilds the whole text
            start = token
    text = " ".join(pieces)
    text = re.sub(r"\s*\([^)]*\)?", "", text)
    return " ".join(text.split()).strip(" ,;:—–-")


def phrase(head: Token, skip: set[int], limit: int = 8) -> list[Token]:
    """The contiguous phrase around `head`, without clauses, capped at about `limit` tokens."""
    keep: set[int] = set()

    def walk(token: Token, top: bool):
        if not top and _parenthesised(token):
            keep.update(range(token.left_edge.i - 1, token.right_edge.i + 2))
            return
        if token.i in skip or (not top and token.dep_ in _DROPPED and token.head.i == head.i
                               and token.dep_ not in ("cc", "conj")):
            return
        if not top and token.dep_ in ("relcl", "appos", "advcl", "parataxis", "acl"):
            return
        keep.add(token.i)
        for child in token.children:
            walk(child, False)

    walk(head, True)
    start = end = head.i
    while start - 1 in keep or (start - 1 in skip and start - 2 in keep):
        start -= 1
    while end + 1 in keep or (end + 1 in skip and any(end + k in keep for k in range(2, 6))):
        end += 1
    tokens = [head.doc[i] for i in range(start, end + 1) if i not in skip]
    if _counted(tokens) > limit:
        # Drop trailing prepositional phrases of the head before cutting blindly.
        for child in sorted(head.children, key=lambda c: -c.i):
            if child.dep_ == "prep" and child.i > head.i and _counted(tokens) > limit:
                tokens = [t for t in tokens if t.i < child.i]
        while _counted(tokens) > max(limit, head.i - start + 1):
            tokens.pop()
    while tokens and (tokens[-1].pos_ in _WEAK_ENDINGS or tokens[-1].is_punct):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _parenthesised(token: Token) -> bool:
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    return left > 0 and right + 1 < len(doc) and doc[left - 1].text == "(" and doc[right + 1].text == ")"


def _counted(tokens: list[Token]) -> int:
    """Length in words, not counting a parenthetical ("($2bn)") or punctuation."""
    depth = count = 0
    for token in tokens:
        depth += token.text == "("
        count += depth == 0 and not token.is_punct
        depth -= token.text == ")" and depth > 0
    return count


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if subject is None and verb.dep_ in ("conj", "xcomp", "pcomp", "advcl"):
        # Tokens are compared by index: spaCy makes a new Token object at every access, so
        # `is` never finds the root (its own head) and the walk would never end.
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            return _subject(head)
    return subject


def describe(verb: Token, skip: set[int], subject_text=None, words: int = 16) -> str | None:
    """'A meeting between Trump and Zelenskyy soured' from the verb of a clause."""
    subject = _subject(verb)
    if subject is None:
        return None
    if callable(subject_text):
        subject_text = subject_text(subject)
    if subject_text is None:
        subject_text = text_of(phrase(subject, skip | {verb.i}, 7))
        if not subject_text:
            return None
    verb_tokens = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    verb_tokens.append(verb)
    verb_tokens += [c for c in verb.children if c.dep_ == "prt"]
    object_text = ""
    obj = next((c for c in verb.children if c.dep_ in _OBJECTS and c.i > verb.i and c.i not in skip
                and not (c.dep_ == "prep" and all(t.i in skip for t in c.subtree if t is not c))), None)
    if obj is not None:
        object_text = text_of(phrase(obj, skip, 10 if obj.dep_ in ("ccomp", "xcomp") else 8))
    verb_text = " ".join(t.text for t in sorted(verb_tokens, key=lambda t: t.i))
    return capitalise(" ".join(f"{subject_text} {verb_text} {object_text}".split()[:words]))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def governing_verb(sentence: Span, char: int) -> Token:
    """The verb that a token at `char` depends on (the sentence root as a fallback)."""
    token = next((t for t in sentence if t.idx >= char), sentence.root)
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < 8:
        token = token.head
        steps += 1
    return token if token.pos_ in ("VERB", "AUX") else sentence.root


def attached_noun(sentence: Span, start: int, end: int) -> Token | None:
    """The noun a date expression modifies ("a meeting two weeks ago", "talks on Thursday")."""
    inside = [t for t in sentence if start <= t.idx < end]
    if not inside:
        return None
    top = next((t for t in inside if not (start <= t.head.idx < end)), inside[0])
    head = top.head
    if head.dep_ == "prep" and head.idx < start:
        head = head.head
    if head.pos_ in ("NOUN",) and head.i != top.i and not (start <= head.idx < end):
        return head
    return None
