"""Regular-expression alternations of many literal words, written as a prefix tree.

The gazetteer's names, demonyms, cities and titles are alternations of hundreds or thousands
of words. Written plainly (`Vatican City|United States|...|UK`, longest first), Python's
`re` takes tens of milliseconds to compile each pattern that embeds one, and tries every
word at every position of the text. The same words as a prefix tree
(`U(?:K|nited (?:Kingdom|States))`) compile several times faster and match much faster.

The matches are the same. At one position of the text, the words of the plain alternation
that match are all prefixes of the text there, so each is a prefix of the others; longest
first, the engine tries them from the longest down, going back to the next shorter one when
the rest of the pattern fails. The tree, each word's end an optional group tried before
stopping, goes down the same path and comes back up it in the same order. Under
`(?i:...)`, words that differ only in case are one word; the tree is built on their lower
case, which the engine compares the same way (only ASCII words: Unicode case folding has
exceptions this argument does not cover, and such words are written plainly).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""   # the key marking that a word ends at a node


def alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A pattern matching what `"|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))`
    matches, and in the same order. `ignore_case`: the pattern is used under `(?i:...)` or
    `re.IGNORECASE` (a plain alternation would then be needed, or the tree built for it)."""
    words = set(words)
    if ignore_case and not all(word.isascii() for word in words):
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    root: dict = {}
    for word in words:
        node = root
        for character in (word.lower() if ignore_case else word):
            node = node.setdefault(character, {})
        node[_END] = {}
    return _render(root)


def _render(node: dict) -> str:
    branches = []
    for character in sorted(key for key in node if key != _END):
        text, child = re.escape(character), node[character]
        while _END not in child and len(child) == 1:   # a run with no word ending or branching
            (character, child), = child.items()
            text += re.escape(character)
        branches.append(text + _render(child))
    if not branches:
        return ""
    if _END not in node:
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A word ends here: the longer words through this node are tried first, as longest-first does.
    return f"(?:{'|'.join(branches)})?"
