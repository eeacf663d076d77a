"""The extractors, by versioned name, in the order they run, and the merging across articles.

Each extractor is a pure function of one parsed article (`document.ArticleDoc`) returning its
records as fields of `ArticleFacts`. The order matters once: `people` runs first because it
fills the article's people mentions, through which the later ones resolve names, pronouns
and titles. The story kinds' extractors (`extract/kinds/`) run after the core ones, and only
in a project that has their kind.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.extract.merging import People, combine_core, merge_people, published_participants, published_people
from generator.extract.conflicts import find_conflicts, find_figures
from generator.extract.document import ArticleDoc
from generator.extract.findings import ArticleFacts, Extractor, extractor_name
from generator.extract.kinds import STORY_EXTRACTION


def _rules(module: str, function: str, *fields: str) -> Callable[[ArticleDoc], dict[str, list]]:
    """An extractor's run, importing its module on first use: the rule modules compile large
    patterns (a second or more), which a run that finds every article cached never needs."""
    def run(context: ArticleDoc) -> dict[str, list]:
        found = getattr(importlib.import_module(f"generator.extract.{module}"), function)(context)
        return dict(zip(fields, found if len(fields) > 1 else [found]))
    return run


CORE_EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(extractor_name("people"), "people", _rules("people", "extract_people", "people", "candidates")),
    Extractor(extractor_name("participants"), "participants",
              _rules("participants", "extract_participants", "participants", "involvement")),
    Extractor(extractor_name("events"), "events", _rules("events", "extract_events", "events")),
    Extractor(extractor_name("quotes"), "quotes", _rules("quotes", "extract_quotes", "quotes")),
    Extractor(extractor_name("conflicts"), "conflicts", _rules("conflicts", "count_claims", "claims")),
)
EXTRACTORS: tuple[Extractor, ...] = CORE_EXTRACTORS + tuple(kind.extractor for kind in STORY_EXTRACTION.values())


def extractors_for(kinds: Iterable[str]) -> list[Extractor]:
    """The extractors of these fact kinds, in running order."""
    wanted = set(kinds)
    return [extractor for extractor in EXTRACTORS if extractor.kind in wanted]


def run_extractors(context: ArticleDoc, kinds: Iterable[str]) -> dict[str, list[Any]]:
    """Every record the extractors of `kinds` find in one article, by ArticleFacts field;
    lists two extractors both return (figure claims) are joined in running order."""
    found: dict[str, list[Any]] = {}
    for extractor in extractors_for(kinds):
        for name, records in extractor.run(context).items():
            found.setdefault(name, []).extend(records)
    return found


def combine(results: list[ArticleFacts], published: Mapping[str, str | None] | None = None) -> dict[str, list]:
    """The fact lists of every kind across these articles, with the disagreements between them
    and the figures that move; with the articles' dates (`published`, by source id), the
    statuses and roles carry the date each was first reported."""
    results = sorted(results, key=lambda r: r.source)
    merged_people = merge_people(results, published)
    found = combine_core(results, merged_people, committed(results, merged_people), published)
    claims = [claim for result in results for claim in result.claims]
    for name, kind in STORY_EXTRACTION.items():
        merged = kind.combine(results, merged_people)
        found[name] = merged.records
        if merged.claims is not None:
            claims = [new for new in map(merged.claims, claims) if new is not None]
    found["conflicts"] = find_conflicts(claims)
    found["figures"] = find_figures(claims)
    return found


def as_published(results: list[ArticleFacts]) -> list[ArticleFacts]:
    """The per-article results as `combine` publishes them: a person's role and country filled
    in from the other articles where this one does not give them, and the story kinds'
    records as their kind publishes them. This is what `explainer evaluate` scores."""
    results = sorted(results, key=lambda r: r.source)
    merged_people = merge_people(results)
    updates: list[dict[str, list]] = [
        {"people": persons, "participants": participants} for persons, participants
        in zip(published_people(results, merged_people),
               published_participants(results, merged_people, committed(results, merged_people)))]
    for name, kind in STORY_EXTRACTION.items():
        if kind.publish is not None:
            for update, records in zip(updates, kind.publish(results, merged_people)):
                update[name] = records
    return [result.model_copy(update=update) for result, update in zip(results, updates)]


def committed(results: list[ArticleFacts], people: People) -> list[list[tuple[str, str]]]:
    """Per article, the countries every story kind has committing to the effort, with a quote."""
    found: list[list[tuple[str, str]]] = [[] for _ in results]
    for kind in STORY_EXTRACTION.values():
        if kind.committed is not None:
            for article, records in zip(found, kind.committed(results, people)):
                article += records
    return found
