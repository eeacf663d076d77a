"""Scoring the extractor against hand-annotated gold: precision, recall and F1 per fact type.

The gold lives in ``tests/gold/<article id>.yaml``, one file per seed article, annotated by hand
from that article alone (the format is described in ``tests/gold/README.md`` and enforced by
the models in `generator.evaluation.gold`: unknown keys are errors). Predictions are the extractor's per-article
results: for each article id an object (or mapping) with the lists ``people``,
``participants``, ``events``, ``quotes``, ``pledges``, ``plan`` and ``coalitions`` holding
models from :mod:`generator.model.facts`. Everything here is a pure function: no model is loaded.

Matching is one-to-one within an article. For each type every (gold, predicted) pair that
satisfies the rule below gets a score; pairs are taken best score first, each gold item and
each prediction at most once. A matched pair is a true positive, an unmatched prediction a
false positive (a second prediction of an already matched fact included: duplicates cost
precision), an unmatched gold item a false negative.

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
pledges
    Same actor (case-insensitive) and any of: equal amount value (relative difference under
    0.1%, any currency), equal quantity value, predicted evidence overlapping the gold
    ``quote``, or (for pledges stated again in another sentence) the same ``kind`` with
    keyword overlap between the gold quote and the prediction's summary and evidence.
plan
    Same point number and the text (or evidence) overlaps the gold text or has keyword
    overlap of at least half of the gold point's content words. A text match under another
    number counts as a miss and a false hit, and says so.
coalitions
    Same year.

Gold items marked ``optional: true`` are facts a careful reader may or may not count (a
five-word quote inside reported speech, a byline author): a prediction that matches one is
neither a true nor a false positive, and missing one is not a false negative. Required gold
items are matched first.

conflicts (optional, cross-article)
    Gold topics are the ``figures`` ``about`` texts that at least two articles give with
    different values. A predicted :class:`~generator.model.facts.Conflict` matches a topic when at
    least two of its claims are that topic's figures (same source, and the claim's quote
    overlaps the figure's or shares a number with its value).

Micro totals add up the seven per-article types (not ``participants+status`` or
``conflicts``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model.evidence import normalise
from generator.evaluation.gold import (
    GoldArticle, GoldCoalition, GoldEvent, GoldFigure, GoldParticipant, GoldPerson, GoldPlanPoint,
    GoldPledge, GoldQuote, load_gold,
)

TYPES = ("people", "participants", "events", "quotes", "pledges", "plan", "coalitions")
STATUSES = ("lead", "member", "attended", "likely")

# --------------------------------------------------------------------------------------------
# Scores


@dataclass
class TypeScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

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


@dataclass
class Accuracy:
    name: str
    correct: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def record(self, ok: bool, message: str) -> None:
        self.total += 1
        if ok:
            self.correct += 1
        else:
            self.wrong.append(message)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total
        self.wrong += other.wrong


ROWS = (*TYPES[:2], "participants+status", *TYPES[2:])
ACCURACIES = ("person role", "person country", "participant status", "event date exact", "quote speaker")


@dataclass
class Report:
    types: dict[str, TypeScore] = field(default_factory=lambda: {n: TypeScore(n) for n in ROWS})
    accuracies: dict[str, Accuracy] = field(
        default_factory=lambda: {n: Accuracy(n) for n in ACCURACIES}
    )
    by_article: dict[str, dict[str, TypeScore]] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    # Predictions for articles that have no gold file: not scored, listed here.
    unscored: list[str] = field(default_factory=list)

    @property
    def micro(self) -> TypeScore:
        total = TypeScore("micro")
        for name in TYPES:
            total.add(self.types[name])
        return total


# --------------------------------------------------------------------------------------------
# Text helpers

_HONORIFICS = {"sir", "dame", "dr", "mr", "mrs", "ms", "lord", "lady"}
_STOP = set(
    """a an and are as at be been but by for from has have he her his in into is it its of on
    or our she that the their them they this to was were will with would who which what when
    after before over than then there these those also said says not can could should must may
    any all more most other some such only just about against between during under while""".split()
)


def words(text: str | None) -> list[str]:
    if not text:
        return []
    folded = unicodedata.normalize("NFKD", normalise(text)).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", folded.lower())


def content_words(text: str | None) -> set[str]:
    return {w for w in words(text) if len(w) >= 3 and w not in _STOP}


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


def _role_ok(gold: str, predicted: str | None) -> bool:
    g, p = set(words(gold)) - {"the"}, set(words(predicted)) - {"the"}
    return bool(g and p) and (g <= p or p <= g)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _evidence_quotes(fact: Any, source: str) -> list[str]:
    quotes = []
    for evidence in _get(fact, "evidence", None) or []:
        ev_source = _get(evidence, "source")
        if ev_source in (None, source):
            quotes.append(_get(evidence, "quote") or "")
    return quotes


def _short(text: str | None, limit: int = 70) -> str:
    text = normalise(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# --------------------------------------------------------------------------------------------
# Matching


@dataclass
class _Match:
    pairs: list[tuple[int, int]]  # (gold index, predicted index), required gold only
    optional_pairs: list[tuple[int, int]]
    unmatched_gold: list[int]  # required only
    unmatched_pred: list[int]


def _assign(
    gold: Sequence[Any], predicted: Sequence[Any], score: Callable[[Any, Any], float]
) -> _Match:
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
            (pair for pair in scores if bool(_get(gold[pair[0]], "optional", False)) == want_optional),
            key=lambda pair: (-scores[pair], pair),
        )
        for g, p in candidates:
            if g in used_gold or p in used_pred:
                continue
            used_gold.add(g)
            used_pred.add(p)
            (optional_pairs if want_optional else pairs).append((g, p))
    return _Match(
        pairs=sorted(pairs),
        optional_pairs=sorted(optional_pairs),
        unmatched_gold=[
            g for g in range(len(gold)) if g not in used_gold and not _get(gold[g], "optional", False)
        ],
        unmatched_pred=[p for p in range(len(predicted)) if p not in used_pred],
    )


def _tally(
    name: str, article: str, match: _Match, gold: Sequence[Any], predicted: Sequence[Any],
    describe_gold: Callable[[Any], str], describe_pred: Callable[[Any], str],
    duplicate_of: Callable[[Any], str | None] | None = None,
) -> TypeScore:
    score = TypeScore(name, tp=len(match.pairs), fp=len(match.unmatched_pred), fn=len(match.unmatched_gold))
    score.misses = [f"{article}: {describe_gold(gold[g])}" for g in match.unmatched_gold]
    for p in match.unmatched_pred:
        note = duplicate_of(predicted[p]) if duplicate_of else None
        score.false_hits.append(
            f"{article}: {describe_pred(predicted[p])}" + (f" (duplicate of {note})" if note else "")
        )
    return score


def _duplicate_finder(
    gold: Sequence[Any], match: _Match, score: Callable[[Any, Any], float],
    describe_gold: Callable[[Any], str],
) -> Callable[[Any], str | None]:
    matched = [g for g, _ in match.pairs + match.optional_pairs]

    def find(pred: Any) -> str | None:
        for g in matched:
            if score(gold[g], pred) > 0:
                return describe_gold(gold[g])
        return None

    return find


def _score_type(
    report: Report, article: str, name: str, gold: Sequence[Any], predicted: Sequence[Any],
    score: Callable[[Any, Any], float], describe_gold: Callable[[Any], str],
    describe_pred: Callable[[Any], str],
) -> _Match:
    match = _assign(gold, predicted, score)
    result = _tally(
        name, article, match, gold, predicted, describe_gold, describe_pred,
        _duplicate_finder(gold, match, score, describe_gold),
    )
    report.types[name].add(result)
    report.by_article[article][name] = result
    return match


# People ---------------------------------------------------------------------------------------


def _person_score(gold: GoldPerson, pred: Any) -> float:
    return _same_person(
        _name_forms(gold.name, gold.aliases),
        _name_forms(_get(pred, "name"), _get(pred, "aliases", None) or []),
    )


def _describe_person(person: Any) -> str:
    return f"person {_get(person, 'name')}"


# Participants ---------------------------------------------------------------------------------


def _participant_score(gold: GoldParticipant, pred: Any) -> float:
    if str(_get(pred, "id", "")).lower() != gold.id.lower():
        return 0.0
    return 2.0 if str(_get(pred, "status", "")).lower() == gold.status else 1.0


def _describe_participant(participant: Any) -> str:
    return f"participant {_get(participant, 'id')} ({_get(participant, 'status')})"


# Events ---------------------------------------------------------------------------------------


def _event_scorer(source: str) -> Callable[[GoldEvent, Any], float]:
    def score(gold: GoldEvent, pred: Any) -> float:
        same_date = str(_get(pred, "date", "")) == gold.date
        quotes = _evidence_quotes(pred, source)
        if any(overlap(q, g) for q in quotes for g in gold.quotes):
            return 2.0 + (1.0 if same_date else 0.0)
        if same_date:
            pred_text = " ".join([_get(pred, "title") or "", _get(pred, "summary") or "", *quotes])
            gold_text = " ".join([gold.what, *gold.quotes])
            if keyword_overlap(gold_text, pred_text):
                return 1.0 + keyword_overlap(gold_text, pred_text) / 10
        return 0.0

    return score


def _describe_gold_event(event: GoldEvent) -> str:
    approx = "~" if event.approximate else ""
    return f"event {approx}{event.date} {event.what}"


def _describe_event(event: Any) -> str:
    approx = "~" if _get(event, "approximate", False) else ""
    return f"event {approx}{_get(event, 'date')} {_short(_get(event, 'title'))}"


# Quotes ---------------------------------------------------------------------------------------


def _quote_score(gold: GoldQuote, pred: Any) -> float:
    return overlap(gold.text, _get(pred, "text"))


def _describe_gold_quote(quote: GoldQuote) -> str:
    return f"quote {quote.speaker}: \u201c{_short(quote.text)}\u201d"


def _describe_quote(quote: Any) -> str:
    return f"quote {_get(quote, 'speaker')}: \u201c{_short(_get(quote, 'text'))}\u201d"


# Pledges --------------------------------------------------------------------------------------


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-3)


def _pledge_scorer(source: str) -> Callable[[GoldPledge, Any], float]:
    def score(gold: GoldPledge, pred: Any) -> float:
        if str(_get(pred, "actor", "")).lower() != gold.actor.lower():
            return 0.0
        total = 0.0
        amount, quantity = _get(pred, "amount"), _get(pred, "quantity")
        if gold.amount and amount is not None and _close(gold.amount.value, _get(amount, "value")):
            total += 2.0
        if gold.quantity and quantity is not None and _close(gold.quantity.value, _get(quantity, "value")):
            total += 2.0
        quotes = _evidence_quotes(pred, source)
        if any(overlap(q, gold.quote) for q in quotes):
            total += 1.0
        elif str(_get(pred, "kind", "")) == gold.kind and keyword_overlap(
            gold.quote, " ".join([_get(pred, "summary") or "", *quotes])
        ):
            total += 0.5
        return total

    return score


def _describe_gold_pledge(pledge: GoldPledge) -> str:
    return f"pledge {pledge.actor} {pledge.kind}: {_short(pledge.quote, 60)}"


def _describe_pledge(pledge: Any) -> str:
    parts = [f"pledge {_get(pledge, 'actor')} {_get(pledge, 'kind')}"]
    amount, quantity = _get(pledge, "amount"), _get(pledge, "quantity")
    if amount is not None:
        parts.append(f"{_get(amount, 'value'):g} {_get(amount, 'currency')}")
    if quantity is not None:
        parts.append(f"{_get(quantity, 'value'):g} {_get(quantity, 'unit')}")
    return " ".join(parts) + f": {_short(_get(pledge, 'summary'), 60)}"


# Plan -----------------------------------------------------------------------------------------


def _plan_text_scorer(source: str) -> Callable[[GoldPlanPoint, Any], float]:
    def score(gold: GoldPlanPoint, pred: Any) -> float:
        texts = [_get(pred, "text") or "", *_evidence_quotes(pred, source)]
        best = max((overlap(gold.text, t) for t in texts), default=0.0)
        if best:
            return 1.0 + best
        gold_words = content_words(gold.text)
        for text in texts:
            shared = gold_words & content_words(text)
            if gold_words and len(shared) >= 2 and len(shared) / len(gold_words) >= 0.5:
                best = max(best, len(shared) / len(gold_words))
        return best

    return score


def _describe_gold_point(point: GoldPlanPoint) -> str:
    return f"plan {point.point}: {_short(point.text, 60)}"


def _describe_point(point: Any) -> str:
    return f"plan {_get(point, 'point')}: {_short(_get(point, 'text'), 60)}"


# Coalitions -----------------------------------------------------------------------------------


def _coalition_score(gold: GoldCoalition, pred: Any) -> float:
    try:
        return 1.0 if int(_get(pred, "year")) == gold.year else 0.0
    except (TypeError, ValueError):
        return 0.0


def _describe_gold_coalition(coalition: GoldCoalition) -> str:
    return f"coalition {coalition.year} {coalition.name}"


def _describe_coalition(coalition: Any) -> str:
    return f"coalition {_get(coalition, 'year')} {_get(coalition, 'name')}"


# --------------------------------------------------------------------------------------------


def evaluate(
    gold_dir: Path | Mapping[str, GoldArticle],
    predicted: Mapping[str, Any],
    conflicts: Sequence[Any] | None = None,
    review_below: float = 0.5,
) -> Report:
    """Score ``predicted`` (article id -> per-article facts) against the gold in ``gold_dir``.

    ``gold_dir`` may also be an already loaded mapping from :func:`load_gold`. An article with
    gold but no prediction scores every gold item as missed. ``conflicts``, when given, are
    the combined cross-article conflicts, scored against :func:`gold_conflicts` (an extra
    ``conflicts`` row, not part of the micro totals). Predictions with a confidence below
    ``review_below`` are left out, as the site holds them for review instead of publishing them.
    """
    gold_articles = load_gold(Path(gold_dir)) if not isinstance(gold_dir, Mapping) else gold_dir
    report = Report(articles=sorted(gold_articles))
    report.unscored = sorted(set(predicted) - set(gold_articles))
    for article_id in report.articles:
        _score_article(report, gold_articles[article_id], _published(predicted.get(article_id), review_below))
    if conflicts is not None:
        report.types["conflicts"] = score_conflicts(gold_articles, conflicts)
    return report


def _published(pred: Any, review_below: float) -> dict[str, list[Any]] | None:
    if pred is None:
        return None
    def published(item: Any) -> bool:
        confidence = _get(item, "confidence")
        return confidence is None or confidence >= review_below

    return {name: [item for item in _list(pred, name) if published(item)]
            for name in TYPES}


def _list(pred: Any, name: str) -> list[Any]:
    if pred is None:
        return []
    return list(_get(pred, name, None) or [])


def _score_article(report: Report, gold: GoldArticle, pred: Any) -> None:
    source = gold.source
    report.by_article[source] = {}
    acc = report.accuracies

    # People, with role and country accuracy among the matched.
    people = _list(pred, "people")
    match = _score_type(report, source, "people", gold.people, people, _person_score,
                        _describe_person, _describe_person)
    person_of_pred_id: dict[str, str] = {}
    for g, p in match.pairs + match.optional_pairs:
        gold_person, pred_person = gold.people[g], people[p]
        pred_id = _get(pred_person, "id")
        if pred_id:
            person_of_pred_id[str(pred_id)] = gold_person.id
        if (g, p) not in match.pairs:
            continue
        if gold_person.role:
            acc["person role"].record(
                _role_ok(gold_person.role, _get(pred_person, "role")),
                f"{source}: {gold_person.name} role {_get(pred_person, 'role')!r}, gold {gold_person.role!r}",
            )
        if gold_person.country:
            predicted_country = _get(pred_person, "country")
            acc["person country"].record(
                str(predicted_country or "").lower() == gold_person.country.lower(),
                f"{source}: {gold_person.name} country {predicted_country!r}, gold {gold_person.country!r}",
            )

    # Participants by id, then the strict id+status row.
    participants = _list(pred, "participants")
    match = _score_type(report, source, "participants", gold.participants, participants,
                        _participant_score, _describe_participant, _describe_participant)
    strict = TypeScore("participants+status")
    matched_strict: set[int] = set()
    for g, p in match.pairs:
        gold_p, pred_p = gold.participants[g], participants[p]
        same = str(_get(pred_p, "status", "")).lower() == gold_p.status
        acc["participant status"].record(
            same, f"{source}: {gold_p.id} status {_get(pred_p, 'status')!r}, gold {gold_p.status!r}"
        )
        if same:
            strict.tp += 1
            matched_strict.add(p)
        else:
            strict.fn += 1
            strict.misses.append(f"{source}: {_describe_participant(gold_p)}")
    optional_preds = {p for _, p in match.optional_pairs}
    for g in match.unmatched_gold:
        strict.fn += 1
        strict.misses.append(f"{source}: {_describe_participant(gold.participants[g])}")
    for p, pred_p in enumerate(participants):
        if p not in matched_strict and p not in optional_preds:
            strict.fp += 1
            strict.false_hits.append(f"{source}: {_describe_participant(pred_p)}")
    report.types["participants+status"].add(strict)
    report.by_article[source]["participants+status"] = strict

    # Events, with date-exact accuracy.
    events = _list(pred, "events")
    match = _score_type(report, source, "events", gold.events, events, _event_scorer(source),
                        _describe_gold_event, _describe_event)
    for g, p in match.pairs:
        gold_event, pred_event = gold.events[g], events[p]
        acc["event date exact"].record(
            str(_get(pred_event, "date")) == gold_event.date,
            f"{source}: {gold_event.what}: date {_get(pred_event, 'date')}, gold {gold_event.date}",
        )

    # Quotes, with speaker accuracy.
    quotes = _list(pred, "quotes")
    match = _score_type(report, source, "quotes", gold.quotes, quotes, _quote_score,
                        _describe_gold_quote, _describe_quote)
    for g, p in match.pairs:
        gold_quote, pred_quote = gold.quotes[g], quotes[p]
        speaker = str(_get(pred_quote, "speaker", "") or "")
        ok = speaker == gold_quote.speaker or person_of_pred_id.get(speaker) == gold_quote.speaker
        acc["quote speaker"].record(
            ok, f"{source}: \u201c{_short(gold_quote.text, 50)}\u201d speaker {speaker!r}, gold {gold_quote.speaker!r}"
        )

    # Pledges.
    _score_type(report, source, "pledges", gold.pledges, _list(pred, "pledges"),
                _pledge_scorer(source), _describe_gold_pledge, _describe_pledge)

    # Plan: matched on text, counted only with the same point number.
    points = _list(pred, "plan")
    text_score = _plan_text_scorer(source)

    def plan_score(gold_point: GoldPlanPoint, pred_point: Any) -> float:
        return text_score(gold_point, pred_point) + (
            10.0 if _get(pred_point, "point") == gold_point.point else 0.0
        )

    def plan_text_only(gold_point: GoldPlanPoint, pred_point: Any) -> float:
        return plan_score(gold_point, pred_point) if text_score(gold_point, pred_point) else 0.0

    match = _assign(gold.plan, points, plan_text_only)
    plan = TypeScore("plan")
    renumbered_pred: set[int] = set()
    for g, p in match.pairs:
        if _get(points[p], "point") == gold.plan[g].point:
            plan.tp += 1
        else:
            plan.fn += 1
            plan.fp += 1
            renumbered_pred.add(p)
            plan.misses.append(
                f"{source}: {_describe_gold_point(gold.plan[g])} (found as point {_get(points[p], 'point')})"
            )
            plan.false_hits.append(
                f"{source}: {_describe_point(points[p])} (gold numbers it {gold.plan[g].point})"
            )
    plan.fn += len(match.unmatched_gold)
    plan.misses += [f"{source}: {_describe_gold_point(gold.plan[g])}" for g in match.unmatched_gold]
    plan.fp += len(match.unmatched_pred)
    plan.false_hits += [f"{source}: {_describe_point(points[p])}" for p in match.unmatched_pred]
    report.types["plan"].add(plan)
    report.by_article[source]["plan"] = plan

    # Coalitions.
    _score_type(report, source, "coalitions", gold.coalitions, _list(pred, "coalitions"),
                _coalition_score, _describe_gold_coalition, _describe_coalition)


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


def _claim_matches(claim: Any, source: str, figure: GoldFigure) -> bool:
    if _get(claim, "source") != source:
        return False
    if overlap(_get(claim, "quote"), figure.quote):
        return True
    numbers = {w for w in words(figure.value) if w[0].isdigit()}
    return bool(numbers & set(words(_get(claim, "value"))))


def score_conflicts(gold: Mapping[str, GoldArticle], conflicts: Sequence[Any]) -> TypeScore:
    """Predicted conflicts against gold topics: a conflict matches a topic when at least two
    of its claims are gold figures of that topic (same source, and the quote overlaps or a
    number of the value is given)."""
    topics = gold_conflicts(gold)
    names = sorted(topics)

    def score(about: str, conflict: Any) -> float:
        claims = _get(conflict, "claims", None) or []
        hits = {
            source for source, figure in topics[about]
            if any(_claim_matches(claim, source, figure) for claim in claims)
        }
        return float(len(hits)) if len(hits) >= 2 else 0.0

    match = _assign(names, list(conflicts), score)
    result = TypeScore("conflicts", tp=len(match.pairs), fp=len(match.unmatched_pred),
                       fn=len(match.unmatched_gold))
    result.misses = [f"conflict about {names[g]}" for g in match.unmatched_gold]
    result.false_hits = [
        f"conflict about {_get(conflicts[p], 'about')}: "
        + ", ".join(f"{_get(c, 'source')}={_get(c, 'value')!r}" for c in _get(conflicts[p], "claims", None) or [])
        for p in match.unmatched_pred
    ]
    return result


# --------------------------------------------------------------------------------------------
# Output


def _fmt(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.3f}"


def format_report(report: Report, details: bool = True, limit: int | None = None) -> str:
    """A plain-text table of the scores, the accuracies and (with ``details``) every miss and false hit."""
    lines = [f"Articles scored: {len(report.articles)}"]
    if report.unscored:
        lines.append(f"Predictions without gold (not scored): {', '.join(report.unscored)}")
    header = f"{'type':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'F1':>6}"
    lines += ["", header, "-" * len(header)]
    rows = [*ROWS, *(["conflicts"] if "conflicts" in report.types else [])]
    for name in rows:
        s = report.types[name]
        lines.append(
            f"{name:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {_fmt(s.precision)} {_fmt(s.recall)} {_fmt(s.f1)}"
        )
    micro = report.micro
    lines += [
        "-" * len(header),
        f"{'micro (7 types)':<20} {micro.tp:>4} {micro.fp:>4} {micro.fn:>4} "
        f"{_fmt(micro.precision)} {_fmt(micro.recall)} {_fmt(micro.f1)}",
        "",
        f"{'among matched':<20} {'right':>6} {'of':>4} {'accuracy':>8}",
    ]
    for name in ACCURACIES:
        a = report.accuracies[name]
        lines.append(f"{name:<20} {a.correct:>6} {a.total:>4} {_fmt(a.value):>8}")
    if details:
        for name in rows:
            s = report.types[name]
            for title, items in (("missed", s.misses), ("false hits", s.false_hits)):
                if items:
                    shown = items if limit is None else items[:limit]
                    lines += ["", f"{name} {title} ({len(items)}):"]
                    lines += [f"  - {item}" for item in shown]
                    if len(shown) < len(items):
                        lines.append(f"  ... and {len(items) - len(shown)} more")
        for name in ACCURACIES:
            a = report.accuracies[name]
            if a.wrong:
                shown = a.wrong if limit is None else a.wrong[:limit]
                lines += ["", f"{name} wrong ({len(a.wrong)}):"]
                lines += [f"  - {item}" for item in shown]
    return "\n".join(lines) + "\n"
