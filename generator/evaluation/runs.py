"""Scoring runs: extraction of a folder of annotated articles scored against its gold, and the
calibration of every rule's confidence from the outcomes of several such folders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.model.facts import REVIEW_BELOW
from generator.evaluation.gold import load_gold
from generator.evaluation.report import rule_outcomes
from generator.evaluation.scoring import Report, evaluate
from generator.extract import as_published, combine, extract_articles, load_model
from generator.extract.calibration import table_text
from generator.extract.machine_layer import read_articles_from
from generator.model.errors import ContentError


def score_folder(gold_dir: Path, articles_dir: Path, review_below: float = REVIEW_BELOW) -> Report:
    """Extract the annotated articles of `articles_dir` (cache aside) and score them against
    `gold_dir`, as the site would publish them. Raises ContentError for bad gold or articles."""
    gold = load_gold(gold_dir)
    read, problems = read_articles_from(articles_dir)
    if problems:
        raise ContentError(problems)
    annotated = [article for article in read if article.id in gold]
    results = extract_articles(load_model(), annotated)
    conflicts = combine(results)["conflicts"]
    results = as_published(results)
    return evaluate(gold, {result.source: result for result in results}, conflicts=conflicts,
                    review_below=review_below)


def calibration(folders: Sequence[tuple[Path, Path]]) -> tuple[str, int]:
    """calibration.yaml from the outcomes of every (gold, articles) folder pair, pooled by rule,
    and how many rules it measures."""
    pooled: dict[str, tuple[int, int]] = {}
    for gold_dir, articles_dir in folders:
        for basis, outcomes in rule_outcomes(score_folder(gold_dir, articles_dir)).items():
            right, counted = pooled.get(basis, (0, 0))
            pooled[basis] = (right + sum(o.right for o in outcomes), counted + len(outcomes))
    return table_text(pooled, [gold_dir.as_posix() for gold_dir, _ in folders]), len(pooled)
