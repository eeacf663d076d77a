"""How predictions are matched to hand-annotated gold (names, roles, dates, quotes and figures)
and how a match is counted.

Everything here is a pure function over the gold models of `generator.evaluation.gold` and
predicted facts, which may be models from :mod:`generator.model.facts` or plain mappings of
the same fields. No language model is loaded.

Matching is one-to-one within an article (:func:`assign`). For each type every (gold,
predicted) pair that satisfies the rule below gets a score; pairs are taken best score first,
each gold item and each prediction at most once. Required gold items are matched first, then
the ones marked ``optional: true``.

Text comparisons use :func:`words`: typographic quotes folded, lowercase, ASCII, split into
words; punctuation is ignored. Two texts *overlap* when the shorter one (at least three words)
occurs as a run of words inside the longer, or they share a run of at least
``max(4, half the shorter)`` words. *Keyword overlap* compares content words (stop words and
words under three letters dropped): at least two shared and at least 30% of the smaller set.

people
    A name form of the prediction (its ``name`` or any alias) equals a name form of the gold
    person (``name`` or any alias), after dropping honorifics ("Sir", "Dr", ...); failing that,
    the last names are equal and the first names agree (equal, or same initial: "Kier" and
    "Keir"), or one side is a single word equal to the other's last name. Role and country
    are not part of the match: they are reported as accuracies among matched people (role:
    the words of one are contained in the other's, case-insensitive, so "British Prime
    Minister" counts for "Prime Minister"; country: equal ids). Gold persons without a role
    or country are left out of the respective accuracy.
participants
    By id (case-insensitive). A second row, ``participants+status``, counts a pair as a true
    positive only when the status is equal too.
events
    The prediction's evidence quotes overlap the gold ``quote`` or one of its ``alt_quotes``
    (score 2, +1 when the dates are equal), or the dates are equal and the prediction's
    title, summary and evidence have keyword overlap with the gold ``what`` and quotes
    (score 1). Date-exact accuracy (the full date string equal, precision included) is
    reported among matched events.
quotes
    The prediction's text overlaps the gold text (the gold text is a verbatim fragment from the
    start of the quote: a longer predicted quote containing it matches). Speaker accuracy is
    reported among matched quotes: the predicted speaker id equals the gold one, or it names
    a predicted person that was matched to the gold speaker.

conflicts (optional, cross-article)
    Gold topics are the ``figures`` ``about`` texts that at least two articles give with
    different values. A predicted :class:`~generator.model.facts.Conflict` matches a topic when at
    least two of its claims are that topic's figures (same source, and the claim's quote
    overlaps the figure's or shares a number with its value).

Each story kind's rule is in its own module, `generator/evaluation/kinds/`, built from the
helpers here. :func:`count_match` turns one type's match in one article into a
:class:`TypeScore`, the true and false positives and negatives `generator.evaluation.scoring`
adds up.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from generator.model.evidence import normalise
from generator.model.gazetteer import HONORIFICS
from generator.model.lexicon import STOP_WORDS

if TYPE_CHECKING:
    # Only named in signatures: the gold article is built from the story kinds, which match
    # with the functions here.
    from generator.evaluation.gold import (
        GoldArticle, GoldEvent, GoldFigure, GoldParticipant, GoldPerson, GoldQuote,
    )

# --------------------------------------------------------------------------------------------
# Text helpers

# The titles a name form drops: "Sir Keir Starmer" is Keir Starmer.
_HONORIFICS = {title.lower().rstrip(".") for title in HONORIFICS}


def words(text: str | None) -> list[str]:
    if not text:
        return []
    folded = unicodedata.normalize("NFKD", normalise(text)).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", folded.lower())


def content_words(text: str | None) -> set[str]:
    return {w for w in words(text) if len(w) >= 3 and w not in STOP_WORDS}


def _contains_run(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _longest_run(a: list[str], b: list[str]) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def overlap(a: str | None, b: str | None) -> float:
    """How much two texts overlap as runs of words: 0 when they do not (see module docs)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if short == long or (len(short) >= 3 and _contains_run(long, short)):
        return len(short) / len(long) + 1.0
    run = _longest_run(short, long)
    if run >= max(4, math.ceil(len(short) / 2)):
        return run / len(long)
    return 0.0


def keyword_overlap(a: str | None, b: str | None) -> float:
    ka, kb = content_words(a), content_words(b)
    if not ka or not kb:
        return 0.0
    shared = len(ka & kb)
    ratio = shared / min(len(ka), len(kb))
    return ratio if shared >= 2 and ratio >= 0.3 else 0.0


def _name_forms(name: str | None, aliases: Iterable[str] = ()) -> list[list[str]]:
    forms = []
    for text in [name, *aliases]:
        text = re.sub(r"['\u2019]s$", "", (text or "").strip())  # "Bush's" is Bush
        tokens = [w for w in words(text) if w not in _HONORIFICS]
        if tokens and tokens not in forms:
            forms.append(tokens)
    return forms


def _same_person(gold: list[list[str]], predicted: list[list[str]]) -> float:
    if any(g == p for g in gold for p in predicted):
        return 3.0
    full_gold = max(gold, key=len)
    full_pred = max(predicted, key=len)
    if len(full_gold) >= 2 and len(full_pred) >= 2:
        if full_gold[-1] == full_pred[-1] and full_gold[0][0] == full_pred[0][0]:
            return 2.0
        return 0.0
    # One side is a single word: it must be the other's last name.
    single, other = (full_gold, full_pred) if len(full_gold) == 1 else (full_pred, full_gold)
    return 1.0 if single[-1] == other[-1] else 0.0


def same_role(gold: str, predicted: str | None) -> bool:
    g, p = set(words(gold)) - {"the"}, set(words(predicted)) - {"the"}
    return bool(g and p) and (g <= p or p <= g)


def value_of(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def evidence_quotes(fact: Any, source: str) -> list[str]:
    quotes = []
    for evidence in value_of(fact, "evidence", None) or []:
        ev_source = value_of(evidence, "source")
        if ev_source in (None, source):
            quotes.append(value_of(evidence, "quote") or "")
    return quotes


def shorten(text: str | None, limit: int = 70) -> str:
    text = normalise(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# --------------------------------------------------------------------------------------------
# Matching


@dataclass
class Match:
    pairs: list[tuple[int, int]]  # (gold index, predicted index), required gold only
    optional_pairs: list[tuple[int, int]]
    unmatched_gold: list[int]  # required only
    unmatched_pred: list[int]


def assign(
    gold: Sequence[Any], predicted: Sequence[Any], score: Callable[[Any, Any], float]
) -> Match:
    scores = {
        (g, p): s
        for g, gold_item in enumerate(gold)
        for p, pred_item in enumerate(predicted)
        if (s := score(gold_item, pred_item)) > 0
    }
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    optional_pairs: list[tuple[int, int]] = []
    for want_optional in (False, True):
        candidates = sorted(
            (pair for pair in scores if bool(value_of(gold[pair[0]], "optional", False)) == want_optional),
            key=lambda pair: (-scores[pair], pair),
        )
        for g, p in candidates:
            if g in used_gold or p in used_pred:
                continue
            used_gold.add(g)
            used_pred.add(p)
            (optional_pairs if want_optional else pairs).append((g, p))
    return Match(
        pairs=sorted(pairs),
        optional_pairs=sorted(optional_pairs),
        unmatched_gold=[
            g for g in range(len(gold)) if g not in used_gold and not value_of(gold[g], "optional", False)
        ],
        unmatched_pred=[p for p in range(len(predicted)) if p not in used_pred],
    )


# Counting a match


class Outcome(NamedTuple):
    confidence: float | None
    right: bool
    basis: str | None


@dataclass
class TypeScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    # Each counted prediction's confidence, whether it was right and the rule that proposed
    # it: the reliability table, and what `explainer calibrate` counts.
    outcomes: list[Outcome] = field(default_factory=list)

    def counted(self, prediction: Any, right: bool) -> None:
        """Count one prediction as a true or a false positive."""
        if right:
            self.tp += 1
        else:
            self.fp += 1
        self.outcomes.append(Outcome(value_of(prediction, "confidence"), right, value_of(prediction, "basis")))

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def add(self, other: TypeScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.false_hits += other.false_hits
        self.outcomes += other.outcomes


def count_match(
    name: str, article: str, match: Match, gold: Sequence[Any], predicted: Sequence[Any],
    score: Callable[[Any, Any], float], describe_gold: Callable[[Any], str],
    describe_pred: Callable[[Any], str],
) -> TypeScore:
    """One type's counts in one article, every miss and false hit described; a false hit that
    ``score`` also pairs with a matched gold item is named as its duplicate."""
    result = TypeScore(name, fn=len(match.unmatched_gold))
    for _, p in match.pairs:
        result.counted(predicted[p], True)
    for p in match.unmatched_pred:
        result.counted(predicted[p], False)
    result.misses = [f"{article}: {describe_gold(gold[g])}" for g in match.unmatched_gold]
    matched = [g for g, _ in match.pairs + match.optional_pairs]
    for p in match.unmatched_pred:
        note = next((describe_gold(gold[g]) for g in matched if score(gold[g], predicted[p]) > 0), None)
        result.false_hits.append(
            f"{article}: {describe_pred(predicted[p])}" + (f" (duplicate of {note})" if note else "")
        )
    return result


# People ---------------------------------------------------------------------------------------


def person_score(gold: GoldPerson, pred: Any) -> float:
    return _same_person(
        _name_forms(gold.name, gold.aliases),
        _name_forms(value_of(pred, "name"), value_of(pred, "aliases", None) or []),
    )


# Participants ---------------------------------------------------------------------------------


def participant_score(gold: GoldParticipant, pred: Any) -> float:
    if str(value_of(pred, "id", "")).lower() != gold.id.lower():
        return 0.0
    return 2.0 if str(value_of(pred, "status", "")).lower() == gold.status else 1.0


# Events ---------------------------------------------------------------------------------------


def event_scorer(source: str) -> Callable[[GoldEvent, Any], float]:
    def score(gold: GoldEvent, pred: Any) -> float:
        same_date = str(value_of(pred, "date", "")) == gold.date
        quotes = evidence_quotes(pred, source)
        if any(overlap(q, g) for q in quotes for g in gold.quotes):
            return 2.0 + (1.0 if same_date else 0.0)
        if same_date:
            pred_text = " ".join([value_of(pred, "title") or "", value_of(pred, "summary") or "", *quotes])
            gold_text = " ".join([gold.what, *gold.quotes])
            if keyword_overlap(gold_text, pred_text):
                return 1.0 + keyword_overlap(gold_text, pred_text) / 10
        return 0.0

    return score


# Quotes ---------------------------------------------------------------------------------------


def quote_score(gold: GoldQuote, pred: Any) -> float:
    return overlap(gold.text, value_of(pred, "text"))


# --------------------------------------------------------------------------------------------
# Conflicts: figures the gold says sources give differently


def gold_conflicts(gold: Mapping[str, GoldArticle]) -> dict[str, list[tuple[str, GoldFigure]]]:
    """Figure topics on which at least two articles give different values."""
    topics: dict[str, list[tuple[str, GoldFigure]]] = {}
    for source in sorted(gold):
        for figure in gold[source].figures:
            topics.setdefault(figure.about, []).append((source, figure))
    return {
        about: claims for about, claims in topics.items()
        if len({" ".join(words(f.value)) for _, f in claims}) >= 2
    }


def claim_matches(claim: Any, source: str, figure: GoldFigure) -> bool:
    if value_of(claim, "source") != source:
        return False
    if overlap(value_of(claim, "quote"), figure.quote):
        return True
    numbers = {w for w in words(figure.value) if w[0].isdigit()}
    return bool(numbers & set(words(value_of(claim, "value"))))

