"""The lexicon: each word list complete, without repeats, and written nowhere else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.model import lexicon

PACKAGE = Path(__file__).resolve().parents[1] / "generator"


@pytest.mark.parametrize("name", ["MONTH_NAMES", "WEEKDAYS", "NUMBER_NAMES"])
def test_lists_have_no_repeats_and_are_lowercase(name):
    words = getattr(lexicon, name)
    assert len(words) == len(set(words))
    assert all(word == word.lower() for word in words)


def test_calendar():
    assert lexicon.MONTH_NAMES[0] == "january" and lexicon.MONTH_NAMES[-1] == "december"
    assert len(lexicon.MONTH_NAMES) == 12 and len(lexicon.WEEKDAYS) == 7
    assert lexicon.MONTH_ABBREVIATIONS["sep"] == lexicon.MONTH_ABBREVIATIONS["sept"] == 9
    assert lexicon.MONTH_NUMBERS["may"] == 5 and lexicon.MONTH_NUMBERS["december"] == 12
    assert set(lexicon.MONTH_NUMBERS.values()) == set(range(1, 13))


def test_number_words_read_counts_from_one():
    assert "zero" not in lexicon.NUMBER_WORDS  # zero counts nothing
    assert [lexicon.NUMBER_WORDS[word] for word in lexicon.NUMBER_NAMES[1:]] == list(range(1, 13))
    assert lexicon.NUMBER_WORDS["a dozen"] == lexicon.NUMBER_WORDS["dozen"] == 12
    assert lexicon.MULTIPLIERS["bn"] == lexicon.MULTIPLIERS["billion"] == 1e9


def test_currencies_are_iso_codes_both_ways():
    codes = set(lexicon.CURRENCY_SYMBOLS.values()) | set(lexicon.CURRENCY_WORDS.values())
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    # Each symbol stands for one currency, so pages can write it back.
    assert {code: symbol for symbol, code in lexicon.CURRENCY_SYMBOLS.items()} == lexicon.SYMBOL_OF_CURRENCY
    assert lexicon.SYMBOL_OF_CURRENCY["GBP"] == "£" and lexicon.CURRENCY_WORDS["euros"] == "EUR"


def test_stop_words_are_function_words_only():
    assert {"the", "and", "said", "had", "between"} <= lexicon.STOP_WORDS
    assert not {"coalition", "troops", "peace", "summit"} & lexicon.STOP_WORDS


def test_or_list():
    assert lexicon.or_list(("a", "b", "c")) == "a, b or c"
    assert lexicon.or_list(("a",)) == "a"


def _string_constants(path: Path) -> set[str]:
    return {node.value.lower() for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_no_other_module_writes_out_a_lexicon_list():
    # A word standing for its whole list: a module that spells it out keeps a copy.
    markers = {"september", "wednesday", "eleven", "hryvnia", "under"}
    copies = {
        f"{path.relative_to(PACKAGE)}: {word}"
        for path in PACKAGE.rglob("*.py") if path.name != "lexicon.py"
        for word in markers & _string_constants(path)
    }
    assert copies == set()
