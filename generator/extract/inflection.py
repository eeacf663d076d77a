"""Matching word forms to base words without spaCy's lemmatizer (a fifth of parse time).

The extractors only ask "is this token a form of one of these verbs/nouns?", so the forms
of each base word are generated once (said, says, saying; promised, promising; meetings).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token

_IRREGULAR = {
    "say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "give": ["gave", "given"],
    "send": ["sent"], "meet": ["met"], "lead": ["led"], "speak": ["spoke", "spoken"],
    "take": ["took", "taken"], "make": ["made"], "hold": ["held"], "begin": ["began", "begun"],
    "see": ["saw", "seen"], "come": ["came"], "go": ["went", "gone"], "rule": [], "seek": ["sought"],
    "fight": ["fought"], "bring": ["brought"], "think": ["thought"], "buy": ["bought"],
    "withdraw": ["withdrew", "withdrawn"], "draw": ["drew", "drawn"], "break": ["broke", "broken"],
}
_VOWELS = set("aeiou")


def _forms(base: str) -> set[str]:
    forms = {base, *_IRREGULAR.get(base, [])}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        # Consonant doubling for short stems: "commit" -> "committed", "stop" -> "stopped".
        if len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"} and base[-2] in _VOWELS \
                and base[-3] not in _VOWELS:
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


@lru_cache(maxsize=None)
def forms_of(bases: frozenset[str]) -> frozenset[str]:
    return frozenset(form for base in bases for form in _forms(base))


def base_in(token: Token, bases: frozenset[str]) -> bool:
    return token.lower_ in forms_of(bases)
