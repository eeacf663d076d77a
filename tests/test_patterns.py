"""Alternations as prefix trees match exactly what the plain longest-first alternations match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.extract import actors, roles
from generator.model import gazetteer
from generator.model.patterns import alternation

ROOT = Path(__file__).resolve().parent.parent
# Every development article (never the held-out ones) and the seeds: real news copy.
TEXTS = "\n".join(path.read_text(encoding="utf-8") for folder in
                  [ROOT / "seeds", ROOT / "tests" / "corpus" / "dev" / "articles",
                   *sorted((ROOT / "tests" / "corpus" / "real").glob("*/dev/articles"))]
                  for path in sorted(folder.iterdir()) if path.suffix in (".txt", ".md"))


def plain(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


WORD_LISTS = {
    "place names": actors._NAMES | {actors._sentence_case(name) for name in actors._NAMES},
    "gazetteer names": gazetteer._BY_NAME,
    "adjectives": gazetteer._BY_ADJECTIVE,
    "roles": gazetteer.ROLE_WORDS + [word.title() for word in gazetteer.ROLE_WORDS],
    "cities": gazetteer.CITIES,
}
# What follows the alternation decides which of its words the engine settles on: a shorter
# word when the longer one leaves the rest unmatched.
CONTEXTS = [
    r"(?<!\w)(?:{})(?!\w)",
    r"\b(?P<word>{})['’]s\s+[A-Z]",
    r"\b(?P<word>{})s?\s+(?:[\w-]+\s+){{0,2}}?(?:said|minister|leaders|and)\b",
    r"(?P<word>{})(?P<rest>[\w ]{{0,3}})-",
]


def matches(pattern: str) -> list[tuple]:
    return [(match.span(), match.groupdict()) for match in re.finditer(pattern, TEXTS)]


@pytest.mark.parametrize("name", WORD_LISTS)
def test_the_tree_matches_what_the_plain_alternation_matches(name):
    words, compared = WORD_LISTS[name], 0
    for context in CONTEXTS:
        expected = matches(context.format(plain(words)))
        assert matches(context.format(alternation(words))) == expected, context
        compared += len(expected)
    assert compared > 100   # the words occur in the articles: the comparison says something


def test_case_folded_words_match_as_the_plain_alternation_does_under_ignore_case():
    words, compared = [word for word in gazetteer.ROLE_WORDS if word not in roles.ABBREVIATIONS], 0
    for context in CONTEXTS:
        expected = matches(f"(?i:{context.format(plain(words))})")
        assert matches(f"(?i:{context.format(alternation(words, ignore_case=True))})") == expected, context
        compared += len(expected)
    assert compared > 100


@pytest.mark.parametrize("words, text, expected", [
    (["UN", "United Nations", "United", "Unity"], "the United Nations and the UN, United, Unity",
     ["United Nations", "UN", "United", "Unity"]),
    (["a", "ab", "abc"], "abcd abc ab a", ["abc", "ab", "a"]),      # not inside a longer word
    (["x.y", "x"], "x.y x", ["x.y", "x"]),            # metacharacters are literal
])
def test_the_longest_word_is_found_first(words, text, expected):
    assert re.findall(rf"\b(?:{alternation(words)})\b", text) == expected


def test_a_word_the_rest_refuses_gives_way_to_the_next_shorter_one():
    # "Unity" leaves " Nations", which "y Nations" does not match; "Unit" leaves "y Nations".
    words = ["Uni", "Unit", "Unity"]
    for pattern in (plain(words), alternation(words)):
        assert re.match(rf"(?P<word>{pattern})y Nations", "Unity Nations").group("word") == "Unit"


def test_words_outside_ascii_are_written_plainly_under_ignore_case():
    assert alternation(["Zürich", "Zug"], ignore_case=True) == plain(["Zürich", "Zug"])
