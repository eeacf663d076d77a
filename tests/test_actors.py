"""Who a phrase stands for: place names as newsrooms write them, people's countries, and the
noun phrase a subject governs."""

from __future__ import annotations

import pytest

from generator.extract import document, people
from generator.extract.actors import countries_of_people_in, phrase_span, places_in
from tests.test_extract_facts import article


@pytest.mark.parametrize("text, expected", [
    ("a 34% tariff on imports of all U.S. products", ["US"]),          # a name ending in a full stop
    ("funds from the European parliament", ["european-parliament"]),   # a body's name in sentence case
    ("the U.K. and the European Commission", ["GB", "european-commission"]),
    ("us and the who", []),                                            # acronyms only in capitals
    ("Ukrainian officials", []),                                       # adjectives only when asked
])
def test_places_in(text, expected):
    assert places_in(text) == expected


def parsed(nlp, text: str):
    context = document.build(article(text), nlp(" date 2025-03-03 " + text))
    people.extract_people(context)
    return context


def test_countries_of_people_by_mention_and_by_nationality_before_a_title(nlp):
    text = ("British Defence Minister John Healy and French Minister of the Armed Forces Sébastien Lecornu "
            "will hold a meeting.")
    context = parsed(nlp, text)
    assert countries_of_people_in(context, 0, len(context.text)) == ["GB", "FR"]


def test_a_subject_phrase_leaves_out_its_relative_clause(nlp):
    context = parsed(nlp, "Witkoff, who has led talks with Russia, said after the summit that the plan would work.")
    witkoff = next(token for token in context.doc if token.text == "Witkoff")
    start, end = phrase_span(witkoff, after=context.text.index("Witkoff"))
    assert context.text[start:end] == "Witkoff"
