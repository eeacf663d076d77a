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
