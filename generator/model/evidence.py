"""Verbatim evidence: does a quote occur in its source's text?

Articles differ in typography (curly or straight quotes, line breaks inside sentences), so
both sides are normalised the same way before the substring test. Nothing else is forgiven:
a changed word is a failed check.
"""

from __future__ import annotations

import re

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold typographic quotes and runs of whitespace, the only differences we accept."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


class SourceTexts:
    """Normalised article texts by source id, for fast repeated evidence checks."""

    def __init__(self, texts: dict[str, str]):
        self._texts = {source_id: normalise(text) for source_id, text in texts.items()}

    def __contains__(self, source_id: str) -> bool:
        return source_id in self._texts

    def is_verbatim(self, source_id: str, quote: str) -> bool:
        text = self._texts.get(source_id)
        needle = normalise(quote)
        return text is not None and bool(needle) and needle in text


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` occurs in `text` by the same test as `is_verbatim` (typographic quotes
    and runs of whitespace folded): the start and end offsets of the passage as `text` writes
    it, to show it in its article. None when it does not occur."""
    needle = normalise(quote)
    if not needle:
        return None
    folded, offsets = _folded_with_offsets(text)
    found = folded.find(needle)
    if found < 0:
        return None
    return offsets[found], offsets[found + len(needle) - 1] + 1


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise(text)`, and for each of its characters the offset in `text` it comes from
    (a run of whitespace, folded to one space, comes from the run's first character)."""
    characters: list[str] = []
    offsets: list[int] = []
    in_space = False
    for offset, character in enumerate(text.translate(_TYPOGRAPHIC)):
        if character.isspace():
            if not in_space and characters:
                characters.append(" ")
                offsets.append(offset)
            in_space = True
            continue
        in_space = False
        characters.append(character)
        offsets.append(offset)
    if characters and characters[-1] == " ":
        characters.pop()
        offsets.pop()
    return "".join(characters), offsets
