"""The words of involvement (meetings, joint efforts, disasters and help, trade measures, court
cases), read once from involvement.yaml.

They are knowledge of news English, kept as data so that no extractor names one story's
occasions: participants and conflicts both read them from here.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_WORDS = yaml.safe_load((Path(__file__).parent / "involvement.yaml").read_text(encoding="utf-8"))

MEETING_NOUNS: tuple[str, ...] = tuple(_WORDS["meetings"])
EFFORT_NOUNS: tuple[str, ...] = tuple(_WORDS["efforts"])
GROUP_NOUNS: tuple[str, ...] = tuple(_WORDS["groups"])
SITTING_NOUNS: tuple[str, ...] = tuple(_WORDS["sittings"])
OCCASION_NOUNS: tuple[str, ...] = tuple(_WORDS["occasions"])
DISASTER_NOUNS: tuple[str, ...] = tuple(_WORDS["disasters"])
HELP_WORDS: tuple[str, ...] = tuple(_WORDS["help"])
HELP_VERBS: tuple[str, ...] = tuple(_WORDS["help_verbs"])
TRADE_MEASURES: tuple[str, ...] = tuple(_WORDS["trade_measures"])
WRONGS: tuple[str, ...] = tuple(_WORDS["wrongs"])
COURT_CASE_WORDS: tuple[str, ...] = tuple(_WORDS["court_cases"])


def alternation(words: tuple[str, ...]) -> str:
    """The words as a regular-expression alternative, longest first so that "trade war" wins
    over "trade"; a space matches any run of whitespace."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


# The same, as regular-expression alternatives.
MEETING_PATTERN = "|".join(MEETING_NOUNS)
EFFORT_PATTERN = "|".join(EFFORT_NOUNS)
DISASTER_PATTERN = alternation(DISASTER_NOUNS)
TRADE_PATTERN = alternation(TRADE_MEASURES)
WRONG_PATTERN = alternation(WRONGS)
COURT_CASE_PATTERN = alternation(COURT_CASE_WORDS)
