"""Scoring the extractor against hand-annotated gold: precision, recall and F1 per fact type.

The gold lives in ``tests/gold/<article id>.yaml``, one file per seed article, annotated by hand
from that article alone (the format is described in ``tests/gold/README.md`` and enforced by
the models in `generator.evaluation.gold`: unknown keys are errors). Predictions are the extractor's per-article
results: for each article id an object (or mapping) with the lists ``people``,
``participants``, ``events``, ``quotes`` and one per story kind, holding models from
:mod:`generator.model.facts`. Everything here is a pure function: no model is loaded.

Gold and predictions are paired by the rules of `generator.evaluation.matching` and, for a
story kind, of its module in `generator.evaluation.kinds`. A matched
pair is a true positive, an unmatched prediction a false positive (a second prediction of an
already matched fact included: duplicates cost precision), an unmatched gold item a false
negative. Role, country, status, date and speaker are not part of a match: they are reported
as accuracies among the matched pairs.

Gold items marked ``optional: true`` are facts a careful reader may or may not count (a
five-word quote inside reported speech, a byline author): a prediction that matches one is
neither a true nor a false positive, and missing one is not a false negative.

Micro totals add up the per-article types, the core kinds' and the story kinds' (not
``participants+status`` or ``conflicts``, the cross-article row that :func:`score_conflicts` adds).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model.facts import REVIEW_BELOW
from generator.evaluation.gold import GoldArticle, GoldEvent, GoldQuote, load_gold
from generator.evaluation.kinds import STORY_SCORES
from generator.evaluation.matching import (
    Match, Outcome, TypeScore, assign, claim_matches, count_match, event_scorer, gold_conflicts,
    participant_score, person_score, quote_score, same_role, shorten, value_of,
)

# The per-article types: the core kinds' first, then the story kinds'.
TYPES = ("people", "participants", "events", "quotes", *STORY_SCORES)

# --------------------------------------------------------------------------------------------
# Scores


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
    # Per type, every prediction's confidence and whether it was right, held ones included.
    reliability: dict[str, list[Outcome]] = field(default_factory=dict)
    review_below: float = REVIEW_BELOW

    @property
    def micro(self) -> TypeScore:
        total = TypeScore("micro")
        for name in TYPES:
            total.add(self.types[name])
        return total


# --------------------------------------------------------------------------------------------
# Counting matches


def _score_type(
    report: Report, article: str, name: str, gold: Sequence[Any], predicted: Sequence[Any],
    score: Callable[[Any, Any], float], describe_gold: Callable[[Any], str],
    describe_pred: Callable[[Any], str],
) -> Match:
    match = assign(gold, predicted, score)
    _add(report, article, name,
         count_match(name, article, match, gold, predicted, score, describe_gold, describe_pred))
    return match


def _add(report: Report, article: str, name: str, result: TypeScore) -> None:
    report.types[name].add(result)
    report.by_article[article][name] = result


# --------------------------------------------------------------------------------------------
# How a fact is named in the lists of misses and false hits


def _describe_person(person: Any) -> str:
    return f"person {value_of(person, 'name')}"


def _describe_participant(participant: Any) -> str:
    return f"participant {value_of(participant, 'id')} ({value_of(participant, 'status')})"


def _describe_gold_event(event: GoldEvent) -> str:
    approx = "~" if event.approximate else ""
    return f"event {approx}{event.date} {event.what}"


def _describe_event(event: Any) -> str:
    approx = "~" if value_of(event, "approximate", False) else ""
    return f"event {approx}{value_of(event, 'date')} {shorten(value_of(event, 'title'))}"


def _describe_gold_quote(quote: GoldQuote) -> str:
    return f"quote {quote.speaker}: \u201c{shorten(quote.text)}\u201d"


def _describe_quote(quote: Any) -> str:
    return f"quote {value_of(quote, 'speaker')}: \u201c{shorten(value_of(quote, 'text'))}\u201d"


# --------------------------------------------------------------------------------------------
# Scoring articles


def evaluate(
    gold_dir: Path | Mapping[str, GoldArticle],
    predicted: Mapping[str, Any],
    conflicts: Sequence[Any] | None = None,
    review_below: float = REVIEW_BELOW,
) -> Report:
    """Score ``predicted`` (article id -> per-article facts) against the gold in ``gold_dir``.

    ``gold_dir`` may also be an already loaded mapping from :func:`load_gold`. An article with
    gold but no prediction scores every gold item as missed. ``conflicts``, when given, are
    the combined cross-article conflicts, scored against :func:`gold_conflicts` (an extra
    ``conflicts`` row, not part of the micro totals). Predictions with a confidence below
    ``review_below`` are left out, as the site holds them for review instead of publishing them.
    """
    gold_articles = load_gold(Path(gold_dir)) if not isinstance(gold_dir, Mapping) else gold_dir
    report = Report(articles=sorted(gold_articles), review_below=review_below)
    report.unscored = sorted(set(predicted) - set(gold_articles))
    # Everything the extractor proposed, held or published, scored once more for the
    # reliability of its confidence.
    everything = Report(articles=report.articles)
    for article_id in report.articles:
        _score_article(report, gold_articles[article_id], _published(predicted.get(article_id), review_below))
        _score_article(everything, gold_articles[article_id], _published(predicted.get(article_id), 0.0))
    report.reliability = {name: everything.types[name].outcomes for name in TYPES}
    if conflicts is not None:
        published = [conflict for conflict in conflicts if _is_published(conflict, review_below)]
        report.types["conflicts"] = score_conflicts(gold_articles, published)
        report.reliability["conflicts"] = score_conflicts(gold_articles, conflicts).outcomes
    return report


def _is_published(item: Any, review_below: float) -> bool:
    confidence = value_of(item, "confidence")
    return confidence is None or confidence >= review_below


def _published(pred: Any, review_below: float) -> dict[str, list[Any]] | None:
    if pred is None:
        return None
    return {name: [item for item in _list(pred, name) if _is_published(item, review_below)]
            for name in TYPES}


def _list(pred: Any, name: str) -> list[Any]:
    if pred is None:
        return []
    return list(value_of(pred, name, None) or [])


def _score_article(report: Report, gold: GoldArticle, pred: Any) -> None:
    source = gold.source
    report.by_article[source] = {}
    acc = report.accuracies

    # People, with role and country accuracy among the matched.
    people = _list(pred, "people")
    match = _score_type(report, source, "people", gold.people, people, person_score,
                        _describe_person, _describe_person)
    person_of_pred_id: dict[str, str] = {}
    for g, p in match.pairs + match.optional_pairs:
        gold_person, pred_person = gold.people[g], people[p]
        pred_id = value_of(pred_person, "id")
        if pred_id:
            person_of_pred_id[str(pred_id)] = gold_person.id
        if (g, p) not in match.pairs:
            continue
        if gold_person.role:
            acc["person role"].record(
                same_role(gold_person.role, value_of(pred_person, "role")),
                f"{source}: {gold_person.name} role {value_of(pred_person, 'role')!r}, gold {gold_person.role!r}",
            )
        if gold_person.country:
            predicted_country = value_of(pred_person, "country")
            acc["person country"].record(
                str(predicted_country or "").lower() == gold_person.country.lower(),
                f"{source}: {gold_person.name} country {predicted_country!r}, gold {gold_person.country!r}",
            )

    # Participants by id, then the strict id+status row.
    participants = _list(pred, "participants")
    match = _score_type(report, source, "participants", gold.participants, participants,
                        participant_score, _describe_participant, _describe_participant)
    strict = TypeScore("participants+status")
    matched_strict: set[int] = set()
    for g, p in match.pairs:
        gold_p, pred_p = gold.participants[g], participants[p]
        same = str(value_of(pred_p, "status", "")).lower() == gold_p.status
        acc["participant status"].record(
            same, f"{source}: {gold_p.id} status {value_of(pred_p, 'status')!r}, gold {gold_p.status!r}"
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
    match = _score_type(report, source, "events", gold.events, events, event_scorer(source),
                        _describe_gold_event, _describe_event)
    for g, p in match.pairs:
        gold_event, pred_event = gold.events[g], events[p]
        acc["event date exact"].record(
            str(value_of(pred_event, "date")) == gold_event.date,
            f"{source}: {gold_event.what}: date {value_of(pred_event, 'date')}, gold {gold_event.date}",
        )

    # Quotes, with speaker accuracy.
    quotes = _list(pred, "quotes")
    match = _score_type(report, source, "quotes", gold.quotes, quotes, quote_score,
                        _describe_gold_quote, _describe_quote)
    for g, p in match.pairs:
        gold_quote, pred_quote = gold.quotes[g], quotes[p]
        speaker = str(value_of(pred_quote, "speaker", "") or "")
        ok = speaker == gold_quote.speaker or person_of_pred_id.get(speaker) == gold_quote.speaker
        acc["quote speaker"].record(
            ok, f"{source}: \u201c{shorten(gold_quote.text, 50)}\u201d speaker {speaker!r}, gold {gold_quote.speaker!r}"
        )

    # The story kinds, each by its own module's rule.
    for name, kind in STORY_SCORES.items():
        _add(report, source, name, kind.score(source, getattr(gold, name), _list(pred, name)))


# --------------------------------------------------------------------------------------------
# Conflicts: figures the gold says sources give differently


def score_conflicts(gold: Mapping[str, GoldArticle], conflicts: Sequence[Any]) -> TypeScore:
    """Predicted conflicts against gold topics: a conflict matches a topic when at least two
    of its claims are gold figures of that topic (same source, and the quote overlaps or a
    number of the value is given)."""
    topics = gold_conflicts(gold)
    names = sorted(topics)

    def score(about: str, conflict: Any) -> float:
        claims = value_of(conflict, "claims", None) or []
        hits = {
            source for source, figure in topics[about]
            if any(claim_matches(claim, source, figure) for claim in claims)
        }
        return float(len(hits)) if len(hits) >= 2 else 0.0

    match = assign(names, list(conflicts), score)
    result = TypeScore("conflicts", fn=len(match.unmatched_gold))
    matched = {p for _, p in match.pairs}
    for index, conflict in enumerate(conflicts):
        result.counted(conflict, index in matched)
    result.misses = [f"conflict about {names[g]}" for g in match.unmatched_gold]
    result.false_hits = [
        f"conflict about {value_of(conflicts[p], 'about')}: "
        + ", ".join(f"{value_of(c, 'source')}={value_of(c, 'value')!r}" for c in value_of(conflicts[p], "claims", None) or [])
        for p in match.unmatched_pred
    ]
    return result


