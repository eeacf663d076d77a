"""Amounts of money and shares of economic output as written in news copy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model.lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, MULTIPLIERS, NUMBER_WORDS

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULTIPLIER = r"trillion|billion|million|thousand|bn|tn|trn|mn|m|k|b"
_CURRENCY_WORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
# Longest first, so that "CA$" is not read as "A$"; a code only as a word of its own ("SEK 18bn").
_SYMBOL = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CODE = "|".join(sorted(CURRENCY_CODES))
# "£1.6bn", "$500 billion", "€1.5 billion", "US$2bn", "A$3.2 billion", "SEK 18 billion"
_SYMBOL_AMOUNT = re.compile(
    rf"(?:(?<![A-Za-z])(?P<code>{_CODE})\s|(?:US)?(?P<symbol>{_SYMBOL}))\s?(?P<number>{NUMBER})\s?(?:-\s?)?"
    rf"(?P<multiplier>{_MULTIPLIER})?\b", re.I)
# "1.6-billion-pound", "2 billion euros"; a number in words only with its scale ("two billion
# euros", not "one pound").
_NUMBER_WORD = "|".join(sorted((w for w in NUMBER_WORDS if "dozen" not in w), key=len, reverse=True))
_WORD_AMOUNT = re.compile(
    rf"\b(?:(?P<number>{NUMBER})[\s-](?:(?P<multiplier>{_MULTIPLIER})[\s-])?"
    rf"|(?P<named>{_NUMBER_WORD})[\s-](?P<scale>trillion|billion|million|thousand)[\s-])"
    rf"(?P<word>{_CURRENCY_WORD})\b", re.I)
_PERCENT = re.compile(r"\b(?P<number>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)(?:\s+of)?(?:\s+(?:its|their|our|the))?\s+(?P<base>GDP|gross domestic product|economic output|national income)?", re.I)


@dataclass
class Money:
    value: float
    currency: str
    text: str
    start: int
    end: int


def number_value(text: str, multiplier: str | None) -> float:
    value = float(text.replace(",", ""))
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    return value


def find_money(text: str, offset: int = 0) -> list[Money]:
    found = []
    for match in _SYMBOL_AMOUNT.finditer(text):
        currency = match["code"].upper() if match["code"] else CURRENCY_SYMBOLS[match["symbol"].upper()]
        found.append(Money(number_value(match["number"], match["multiplier"]),
                           currency, match.group(0), offset + match.start(), offset + match.end()))
    for match in _WORD_AMOUNT.finditer(text):
        if any(m.start <= offset + match.start() < m.end for m in found):
            continue
        value = number_value(match["number"], match["multiplier"]) if match["number"] else \
            NUMBER_WORDS[match["named"].lower()] * MULTIPLIERS[match["scale"].lower()]
        found.append(Money(value,
                           CURRENCY_WORDS[match["word"].lower()], match.group(0), offset + match.start(), offset + match.end()))
    # A converted figure in brackets ("£1.6bn ($2bn)") restates the first: it is not another sum.
    found.sort(key=lambda m: m.start)
    return [m for m in found if not re.search(r"\(\s*$", text[:m.start - offset])]


def find_percent_of_output(text: str):
    for match in _PERCENT.finditer(text):
        if match["base"]:
            return float(match["number"]), match.group(0).strip()
    return None
