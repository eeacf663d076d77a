"""The spaCy pipeline's rule component: where `paragraph_sentences` starts a sentence."""

from __future__ import annotations

import pytest


def marked_starts(nlp, text: str) -> list[str]:
    """The first word of every sentence the component starts, before the parser adds its own."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "paragraph_sentences":
            break
    return [token.text for token in doc[1:] if token.is_sent_start]


@pytest.mark.parametrize("text, starts", [
    ("Leaders meet in London\n\nKeir Starmer hosted the summit. He spoke.", ["Keir"]),   # a paragraph break
    ("Leaders meet in London\nKeir Starmer hosted the summit.", ["Keir"]),                 # a heading line
    ("Macron spoke first.\nStarmer spoke next.", ["Starmer"]),                             # a line ending a sentence
    ("The plan has two points\n1) keep aid flowing\n2) defend any deal", ["1", "2"]),      # numbered items
    ("What was agreed\n• Keep aid flowing\n• Defend any deal", ["•", "•"]),                # bulleted items
    ("By Jane Smith\nMarch 3, 2025\n\nLONDON (Reuters) - Leaders met.", ["March", "LONDON"]),
    # Hard-wrapped running text: after a preposition, before a lower-case word, or after a
    # line too long to be a heading, the line break is left to the parser.
    ("The prime minister said the plan would go to\nParliament next week.", []),
    ("The prime minister said the plan would\ngo to Parliament next week.", []),
    ("Ministers from more than thirty countries met in Paris on Thursday to discuss the plans\n"
     "Starmer laid out on Sunday.", []),
])
def test_sentences_start_at_paragraphs_headings_and_list_items(nlp, text, starts):
    assert marked_starts(nlp, text) == starts


def test_every_heading_of_a_long_article_starts_a_sentence(nlp):
    text = "".join(f"Update {number}\nLeaders met in Paris again.\n\n" for number in range(400))
    assert marked_starts(nlp, text) == ["Leaders", "Update"] * 399 + ["Leaders"]


def test_the_parser_keeps_the_starts_the_component_set(nlp):
    doc = nlp("Leaders meet in London\nKeir Starmer hosted the summit on Sunday.")
    assert [sentence.text for sentence in doc.sents] == ["Leaders meet in London\n",
                                                         "Keir Starmer hosted the summit on Sunday."]


def test_no_component_is_loaded_that_does_not_run(nlp):
    # A disabled component (the model's senter) is still read from disk at every load.
    assert nlp.component_names == nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names   # `inflection` stands in for it
