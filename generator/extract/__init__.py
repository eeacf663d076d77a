"""Fact extraction: spaCy + rule components turn one article into candidate facts.

Each module is a pure function over a parsed article (`document.ArticleDoc`); none loads a
model. `registry` names the extractors and the order they run in (people first: the others
resolve names, pronouns and titles through the people mentions); `extract_article` runs those
of the project's kinds, and `combine` merges the per-article results into the fact lists of
`generator.model.facts`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from generator.files.articles import Article
from generator.extract import document
from generator.extract.combine import combine, as_published
from generator.extract.language import load_model
from generator.extract.records import EXTRACTOR_VERSION, ArticleFacts, FigureClaim
from generator.extract.registry import EXTRACTORS, run_extractors
from generator.model.facts import FACT_TYPES

__all__ = [
    "EXTRACTOR_VERSION", "EXTRACTORS", "ArticleFacts", "FigureClaim", "combine", "extract_article",
    "extract_articles", "load_model", "as_published",
]
ALL_KINDS: tuple[str, ...] = tuple(FACT_TYPES)


def extract_article(nlp: Language, article: Article, kinds: Iterable[str] = ALL_KINDS) -> ArticleFacts:
    """Facts of these kinds from one article; all evidence quotes are verbatim spans of `article.text`."""
    return _extract(article, nlp(article.text), kinds)


def extract_articles(nlp: Language, articles: list[Article], kinds: Iterable[str] = ALL_KINDS) -> list[ArticleFacts]:
    """The same as `extract_article` for each, parsing in one `nlp.pipe` batch."""
    docs = nlp.pipe([a.text for a in articles], batch_size=8)
    return [_extract(article, doc, kinds) for article, doc in zip(articles, docs)]


def _extract(article: Article, doc, kinds: Iterable[str]) -> ArticleFacts:
    context = document.build(article, doc)
    return ArticleFacts(source=article.id, **run_extractors(context, kinds))
