"""Fact ids: what an id may look like, and how one is made from a name or a text.

An id is made of lowercase ASCII words so that it reads the same in YAML, in a URL and in a
file name. `slugify` spells every letter out in ASCII (Radosław → radoslaw, Støre → store,
Володимир → volodymyr), so two names never share an id just because their letters were dropped.

Earlier versions dropped the Latin letters that Unicode does not decompose (ł, ø, ß, ...), so
some ids changed; `former_ids` finds what an id used to be, for `explainer check` to tell an
editor which override to rename.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
# Ids name files (people/<id>/index.html), and file systems allow 255 bytes a name.
MAX_ID_LENGTH = 150

# Cyrillic and Greek letters have no ASCII decomposition: spell them out,
# so "Володимир Зеленський" gets the id volodymyr-zelenskyy rather than none. "_" marks a
# letter spelled as nothing (the soft and hard signs).
_CYRILLIC_AND_GREEK = {
    **dict(zip("абвгґдеєжзиійклмнопрстуфхцчшщьюяыэъ", "a b v h g d e ye zh z y i y k l m n o p r s t u f kh "
                                                    "ts ch sh shch _ yu ya y e _".split())),
    **dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split())),
}

# Latin letters that NFKD leaves whole (it splits é into e and an accent, but not ł or ø), by
# their usual ASCII spelling. Letters named "letter X with <a stroke, hook, bar, ...>" are found
# by `_latin_letters` below; these are the ones whose Unicode name does not give the letter.
_LATIN_BY_HAND = {
    "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th", "ŋ": "ng", "ı": "i", "ȷ": "j",
    "ĸ": "q",    # kra: Greenlandic spelling replaced it with q
    "ɵ": "o", "ʉ": "u", "ǝ": "e", "ə": "e", "ɛ": "e", "ɔ": "o", "ɣ": "g", "ɩ": "i", "ʊ": "u",
    "ɯ": "m", "ʌ": "v", "ʀ": "r", "ʃ": "sh", "ƪ": "sh", "ʒ": "zh", "ƹ": "zh", "ƺ": "zh",
    "ƕ": "hw", "ƣ": "oi", "ȣ": "ou", "ȸ": "db", "ȹ": "qp", "ƿ": "w", "ȝ": "gh", "ƍ": "d",
    "ƛ": "l", "ƾ": "ts", "ẟ": "d", "ẜ": "s", "ẝ": "s", "ỻ": "ll", "ỽ": "v",
    # Zhuang tone letters, as today's Zhuang spelling writes those tones.
    "ƨ": "z", "ƽ": "q", "ƅ": "h",
    # Left out: the glottal stop ɂ, which spells a sound as an apostrophe does (ids drop both).
}
# Latin-1 Supplement to Latin Extended-B, IPA Extensions, Latin Extended Additional and -C.
_LATIN_BLOCKS = ((0x00C0, 0x02B0), (0x1E00, 0x1F00), (0x2C60, 0x2C80))
_LETTER_WITH_MARK = re.compile(r"LATIN SMALL LETTER ([A-Z]) WITH ")


def _latin_letters() -> dict[str, str]:
    """Every lowercase Latin letter NFKD leaves whole, with its ASCII spelling: by hand, or the
    base letter its Unicode name gives ("LATIN SMALL LETTER L WITH STROKE" is an l). Unicode
    never renames a character, so these spellings, and the ids made with them, stay stable."""
    letters = {}
    for code in itertools.chain.from_iterable(range(start, end) for start, end in _LATIN_BLOCKS):
        letter = chr(code)
        if not letter.islower() or unicodedata.normalize("NFKD", letter).isascii():
            continue
        named = _LETTER_WITH_MARK.match(unicodedata.name(letter, ""))
        if letter in _LATIN_BY_HAND:
            letters[letter] = _LATIN_BY_HAND[letter]
        elif named:
            letters[letter] = named.group(1).lower()
    return letters


_TRANSLITERATION = str.maketrans({**_CYRILLIC_AND_GREEK, **_latin_letters()})


def _hashed(text: str) -> str:
    """The id of a text in a script without a spelling here (Arabic, Chinese, ...): distinct
    texts, distinct ids."""
    return "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def spell_out(text: str) -> str:
    """`text` in lowercase ASCII, every Latin, Cyrillic and Greek letter spelled out (Støre →
    store); accents are dropped, and so are the letters of scripts without a spelling here."""
    # Accented letters split into a base letter and marks (NFKD); the table spells out the
    # letters that do not split (ł, ø, ß) and those of other scripts; the marks are dropped.
    folded = unicodedata.normalize("NFKD", text).lower().translate(_TRANSLITERATION).replace("_", "")
    return folded.encode("ascii", "ignore").decode()


def slugify(text: str, max_words: int = 8, max_length: int = 64) -> str:
    """A lowercase ASCII id fragment: stable for the same text, readable in YAML, and short
    enough for ids made of two fragments to stay under MAX_ID_LENGTH. Every Latin, Cyrillic
    and Greek letter is spelled out; a hyphen parts words ("Kosiniak-Kamysz" → kosiniak-kamysz)."""
    words = re.findall(r"[a-z0-9]+", spell_out(text))
    if not words and any(character.isalnum() for character in text):
        return _hashed(text)
    return "-".join(words[:max_words])[:max_length].strip("-") or "x"


# -- ids as earlier versions made them ----------------------------------------------------------

_LEGACY_TRANSLITERATION = str.maketrans(_CYRILLIC_AND_GREEK)


def _legacy_slug(text: str, max_words: int = 8, max_length: int = 64) -> str:
    """`slugify` as it was before it spelled out ł, ø, ß and the other Latin letters NFKD leaves
    whole (it dropped them: Radosław → radosaw). It exists only to name the ids that changed,
    so that `explainer check` can tell editors what to rename; never make an id with it."""
    folded = unicodedata.normalize("NFKD", text).lower().translate(_LEGACY_TRANSLITERATION).replace("_", "")
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())
    if not words and any(character.isalnum() for character in text):
        return _hashed(text)
    return "-".join(words[:max_words])[:max_length].strip("-") or "x"


Respelling = dict[tuple[str, ...], set[tuple[str, ...]]]
# A text can respell very many ids only in theory; this bounds the work for one id.
_MAX_FORMER_IDS = 256


def respellings(texts: Iterable[str]) -> Respelling:
    """How the id words of each word in `texts` were spelled before: ("radoslaw",) was
    ("radosaw",); a word made only of dropped letters was nothing (("ss",) was ()).

    Ids are made of the words of names, titles and quotes, so these texts (the articles, and
    the facts' own fields) hold every word an id can have."""
    found: Respelling = {}
    for text in texts:
        for word in set(text.split()):
            if word.isascii():
                continue      # ASCII spells the same either way
            unlimited = len(word) + 1
            current = tuple(slugify(word, unlimited, unlimited).split("-"))
            legacy = tuple(_legacy_slug(word, unlimited, unlimited).split("-"))
            if current == legacy:
                continue
            if legacy == tuple(_hashed(word).split("-")):
                legacy = ()   # no letter was left: within a longer text the word made no id word
            if len(current) == len(legacy):
                # Word by word, so that an id holding part of a hyphenated word is found too.
                for now, before in zip(current, legacy):
                    if now != before:
                        found.setdefault((now,), set()).add((before,))
            else:
                found.setdefault(current, set()).add(legacy)
    return found


def former_ids(fact_id: str, changes: Respelling) -> set[str]:
    """The ids `fact_id` may have had before ids spelled out every letter: each of its words
    that `changes` knows another spelling of is tried both ways (a word can come from an
    ASCII name and from one with ø: Store, Støre). The id itself is not included.

    Limits: an id cut at `max_words` or `max_length` was cut at another place before when a
    dropped letter shortened it, and such an id is not found."""
    words = fact_id.split("-")
    longest = max((len(key) for key in changes), default=0)
    # Left to right: every way to read the words so far, as (position reached, words before).
    partial: list[tuple[int, tuple[str, ...]]] = [(0, ())]
    complete: set[str] = set()
    while partial and len(complete) < _MAX_FORMER_IDS:
        position, before = partial.pop()
        if position == len(words):
            complete.add("-".join(before))
            continue
        partial.append((position + 1, (*before, words[position])))
        for length in range(1, min(longest, len(words) - position) + 1):
            for legacy in changes.get(tuple(words[position:position + length]), ()):
                partial.append((position + length, (*before, *legacy)))
    return complete - {fact_id, ""}
