"""The model's attribute rules, applied with array comparisons instead of spaCy's Matcher.

The small English model sets each token's part of speech and morphology (and some lemmas) with
an `attribute_ruler`: 179 rules, mostly "this tag is this part of speech", a few with the word
or its dependency label, a few over two tokens. spaCy's Matcher tries every rule on every token
one at a time: 15% of the time a parse took, nearly as much as the parser. Here each rule is a
few comparisons of whole columns of the document's attributes (0.08 s instead of 0.57 s for the
development articles), and the values are written back in one `from_array`.

The rules are the model's own, read from its ruler, and they mean what the Matcher makes of
them: every match is found on the document as the tagger and parser left it, then the rules
are applied in their order, so a later rule overrides an earlier one for a token both match.
A rule in a form these columns cannot express (an operator such as `"OP": "+"`) is refused
when the pipeline is built, not applied differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The token attributes the rules read and, in this order, the columns of the array they are read from.
_READ = (TAG, LOWER, DEP, IS_SPACE)
# The attributes rules may set, written back in one array.
_WRITTEN = (POS, TAG, DEP, LEMMA, MORPH)


@dataclass(frozen=True)
class _Test:
    """What one token of a rule's pattern asks of one attribute: a value among `values`
    (or none of them), or, for a regular expression, a string the expression finds."""
    column: int
    values: numpy.ndarray | None
    negated: bool = False
    expression: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Rule:
    tokens: tuple[tuple[_Test, ...], ...]    # one tuple of tests per token of the pattern
    target: int                              # the token set, counted from the pattern's start
    values: tuple[tuple[int, int], ...]      # (column of _WRITTEN, value) pairs
    needs: tuple[tuple[int, frozenset[int]], ...]   # (column of _READ, values): one of them must be in the document


class AttributeRules:
    """A pipeline component doing what the model's `attribute_ruler` does."""

    def __init__(self, vocab: Vocab, ruler: AttributeRuler) -> None:
        self.vocab = vocab
        self.rules = [_rule(vocab, tokens, ruler.indices[number], ruler.attrs[number])
                      for number, entry in enumerate(ruler.patterns) for tokens in entry["patterns"]]
        self._found: dict[tuple[re.Pattern[str], int], bool] = {}   # (expression, string hash): found

    def __call__(self, doc: Doc) -> Doc:
        read = doc.to_array(list(_READ))
        written = doc.to_array(list(_WRITTEN))
        length = len(doc)
        # Most rules ask for a tag or a word the document does not have: those are passed over.
        present = [set(numpy.unique(read[:, column]).tolist()) for column in range(len(_READ))]
        for rule in self.rules:   # each matched in `read`, the document as it came
            if all(present[column] & values for column, values in rule.needs):
                found = self._matches(rule, read, length, present)
                for column, value in rule.values:
                    written[found, column] = value
        return doc.from_array(list(_WRITTEN), written)

    def _matches(self, rule: _Rule, read: numpy.ndarray, length: int, present: list[set[int]]) -> numpy.ndarray:
        """The tokens `rule` sets: the target of every place its pattern matches."""
        starts = length - len(rule.tokens) + 1
        if starts <= 0:
            return numpy.empty(0, dtype=numpy.intp)
        matched = numpy.ones(starts, dtype=bool)
        for offset, tests in enumerate(rule.tokens):
            for test in tests:
                matched &= self._passes(test, read[offset:offset + starts, test.column], present[test.column])
        return numpy.flatnonzero(matched) + rule.target

    def _passes(self, test: _Test, column: numpy.ndarray, present: set[int]) -> numpy.ndarray:
        if test.expression is not None:
            # Asked of each string in the document once, and remembered: the same words recur.
            found = [value for value in present if self._found_by(test.expression, value)]
            return numpy.isin(column, numpy.array(found, dtype=numpy.uint64))
        passing = column == test.values[0] if len(test.values) == 1 else numpy.isin(column, test.values)
        return ~passing if test.negated else passing

    def _found_by(self, expression: re.Pattern[str], value: int) -> bool:
        found = self._found.get((expression, value))
        if found is None:
            found = self._found[expression, value] = bool(expression.search(self.vocab.strings[value]))
        return found


def _rule(vocab: Vocab, tokens: list[dict], index: int, values: dict[int, int]) -> _Rule:
    unknown = set(values) - set(_WRITTEN)
    if unknown:
        raise ValueError(f"an attribute rule sets {sorted(unknown)}, which AttributeRules does not write")
    target = index if index >= 0 else len(tokens) + index
    tests = tuple(tuple(_test(vocab, name, value) for name, value in token.items()) for token in tokens)
    needs = tuple((test.column, frozenset(test.values.tolist())) for token in tests for test in token
                  if test.values is not None and not test.negated)
    return _Rule(tests, target, tuple((_WRITTEN.index(attribute), value) for attribute, value in values.items()), needs)


def _test(vocab: Vocab, name: str, value) -> _Test:
    attribute = IDS.get(name.upper())
    if attribute not in _READ:
        raise ValueError(f"an attribute rule tests {name!r}, which AttributeRules does not read")
    column = _READ.index(attribute)
    if attribute == IS_SPACE:
        if not isinstance(value, bool):
            raise ValueError(f"an attribute rule tests IS_SPACE against {value!r}")
        return _Test(column, numpy.array([int(value)], dtype=numpy.uint64))
    if isinstance(value, str):
        return _Test(column, _hashes(vocab, [value]))
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator in ("IN", "NOT_IN"):
            return _Test(column, _hashes(vocab, operand), negated=operator == "NOT_IN")
        if operator == "REGEX":
            return _Test(column, None, expression=re.compile(operand))
    raise ValueError(f"an attribute rule tests {name} with {value!r}, which AttributeRules cannot apply")


def _hashes(vocab: Vocab, strings: list[str]) -> numpy.ndarray:
    return numpy.array([vocab.strings.add(string) for string in strings], dtype=numpy.uint64)


@Language.factory("attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """The rules of the `attribute_ruler` in `nlp`'s pipeline, which this component then replaces
    (`language.load_model`)."""
    return AttributeRules(nlp.vocab, nlp.get_pipe("attribute_ruler"))
