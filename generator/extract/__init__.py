"""Fact extraction: spaCy + rule components turn one article into candidate facts.

Each module is a pure function over a parsed article (`document.ArticleDoc`); none loads a
model. `registry` names the extractors and the order they run in (people first: the others
resolve names, pronouns and titles through the people mentions); `extract_article` runs those
of the project's kinds, and `registry.combine` merges the per-article results into the fact lists of
`generator.model.facts`.

The registry, and through it the rule modules and the story kinds' extractors, is imported on
first use (module `__getattr__`): a run that finds its machine layer up to date needs only
`EXTRACTOR_VERSION` and the cache's record types, and the rule modules' imports cost more
than everything else such a run does.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.files.articles import Article
from generator.extract.findings import EXTRACTOR_VERSION, ArticleFacts, FigureClaim
from generator.model.facts import FACT_TYPES

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.language import Language

    from generator.extract.registry import EXTRACTORS, as_published, combine

__all__ = [
    "EXTRACTOR_VERSION", "EXTRACTORS", "ArticleFacts", "FigureClaim", "combine", "extract_article",
    "extract_articles", "load_model", "as_published",
]
ALL_KINDS: tuple[str, ...] = tuple(FACT_TYPES)
_FROM_REGISTRY = ("EXTRACTORS", "as_published", "combine")


def __getattr__(name: str):
    if name in _FROM_REGISTRY:
        return getattr(importlib.import_module("generator.extract.registry"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_model() -> Language:
    """The pipeline of `language`. Importing spaCy and reading the model take seconds, so both
    wait until there is an article to parse."""
    from generator.extract.language import load_model as load_pipeline

    return load_pipeline()


def extract_article(nlp: Language, article: Article, kinds: Iterable[str] = ALL_KINDS) -> ArticleFacts:
    """Facts of these kinds from one article; all evidence quotes are verbatim spans of `article.text`."""
    return _extract(article, nlp(article.text), kinds)


def extract_articles(nlp: Language, articles: list[Article], kinds: Iterable[str] = ALL_KINDS,
                     processes: int = 1) -> list[ArticleFacts]:
    """The same as `extract_article` for each, parsing in one `nlp.pipe` batch, spread over
    `processes` worker processes when more than one; the facts are the same either way."""
    from generator.extract.language import parsed   # spaCy is loaded already: `nlp` is its pipeline

    with parsed(nlp, [article.text for article in articles], processes) as docs:
        return [_extract(article, doc, kinds) for article, doc in zip(articles, docs)]


def _extract(article: Article, doc, kinds: Iterable[str]) -> ArticleFacts:
    from generator.extract import document
    from generator.extract.registry import run_extractors

    context = document.build(article, doc)
    return ArticleFacts(source=article.id, **run_extractors(context, kinds))
