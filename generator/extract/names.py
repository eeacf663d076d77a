"""Comparing personal names: spelling variants and typos of one name count as the same.

Transliterated names vary between outlets (Zelenskyy, Zelensky, Zelenskiy, and the German
Selenskyj) and typos swap letters (Kier for Keir). Two names match when their surnames match
(exactly, within a small edit distance for long names, or by consonant skeleton, also once the
letters transliterations swap are taken as one) and their given names, if both have one, are
compatible. A name written as a surname alone ("Burkhard", "Le Pen", "de Perthuis": nothing
but particles before the surname) has no given name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model.ids import spell_out
from generator.model.gazetteer import NAME_PARTICLES

# Particles that start a surname ("Le Pen", "De Wever"); written with a capital, "Al" and "Bin"
# are given names as often ("Al Gore"), so only their lowercase forms start a surname.
_CAPITAL_PARTICLES = set(NAME_PARTICLES) - {"al", "bin"}
# Letters that one language's transliteration writes for another's: Zelenskyy and Selenskyj.
_TRANSLITERATED = str.maketrans({"z": "s", "j": "y", "w": "v"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    # Spelled out as ids spell it, so that "Støre" and "Store" are one name, as in their ids.
    return re.sub(r"[^a-z]", "", spell_out(text))


@lru_cache(maxsize=4096)
def skeleton(word: str) -> str:
    """First letter plus the consonants, doubled letters collapsed, y counted as a vowel."""
    folded = fold(word)
    if not folded:
        return ""
    rest = re.sub(r"[aeiouy]", "", folded[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return folded[0] + rest


def edit_distance(a: str, b: str) -> int:
    """Damerau (optimal string alignment) distance; names are short, so O(len²) is fine."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


@lru_cache(maxsize=16384)
def same_surname(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if _gendered_forms(a, b):
        return False     # "Zelenska" and "Zelensky", "Navalnaya" and "Navalny": a wife and a husband
    if a[0] != b[0]:
        return _same_transliterated(a, b)
    if min(len(a), len(b)) >= 6 and edit_distance(a, b) <= 2:
        return True
    return min(len(a), len(b)) >= 6 and skeleton(a) == skeleton(b)


# The endings of a Slavic surname's feminine and masculine forms.
_GENDERED_ENDINGS = (("ska", "sky"), ("ska", "ski"), ("ska", "skyi"), ("skaya", "sky"), ("skaya", "skiy"),
                     ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("aya", "y"), ("aya", "iy"))


def _gendered_forms(a: str, b: str) -> bool:
    for feminine, masculine in _GENDERED_ENDINGS:
        for one, other in ((a, b), (b, a)):
            if one.endswith(feminine) and other.endswith(masculine) and \
                    one[:-len(feminine)] == other[:-len(masculine)] and one[:-len(feminine)]:
                return True
    return False


@lru_cache(maxsize=16384)
def _same_transliterated(a: str, b: str) -> bool:
    """Long surnames that differ only in the letters transliterations swap (z/s, j/y, w/v)."""
    a, b = fold(a).translate(_TRANSLITERATED), fold(b).translate(_TRANSLITERATED)
    return min(len(a), len(b)) >= 7 and (a == b or skeleton(a) == skeleton(b))


def _is_particle(word: str) -> bool:
    """A word that starts a surname rather than being a given name ("de", "von", "Le")."""
    return word in NAME_PARTICLES or (word[:1].isupper() and word.lower() in _CAPITAL_PARTICLES)


def given_name(tokens: list[str]) -> str | None:
    """The given name of a name's words, None for a surname alone ("Burkhard", "Le Pen")."""
    if len(tokens) < 2 or _is_particle(tokens[0]):
        return None
    return tokens[0]


def same_given_name(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if not a or not b:
        return True
    if a == b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    if sorted(a) == sorted(b):
        return True
    return min(len(a), len(b)) >= 5 and edit_distance(a, b) <= 1


def surname_key(tokens: list[str]) -> str:
    """A key two names share whenever `same_name` holds for them (the first letter of the
    surname, transliterated), so that a name is compared only with those of its key."""
    return fold(tokens[-1]).translate(_TRANSLITERATED)[:1] if tokens else ""


def same_name(a: list[str], b: list[str]) -> bool:
    """Token lists of two names ("Keir Starmer" / "Kier Starmer"); a surname alone ("Starmer")
    matches any full name with that surname."""
    if not a or not b or not same_surname(a[-1], b[-1]):
        return False
    first, second = given_name(a), given_name(b)
    return first is None or second is None or same_given_name(first, second)
