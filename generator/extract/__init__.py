"""Fact extraction: spaCy + rule components turn one article into candidate facts.

Each module is a pure function over a parsed article (`document.ArticleDoc`); none loads a
model. `extract_article` runs them in dependency order (people first: the others resolve
names, pronouns and titles through the people mentions), `combine` merges the per-article
results into the fact lists of `generator.model.facts`.
"""

from __future__ import annotations

from spacy.language import Language

from generator.files.articles import Article
from generator.extract import document
from generator.extract.coalitions import extract_coalitions
from generator.extract.combine import combine, as_published
from generator.extract.conflicts import count_claims
from generator.extract.events import extract_events
from generator.extract.participants import extract_participants
from generator.extract.people import extract_people
from generator.extract.language import load_model
from generator.extract.plan import extract_plan
from generator.extract.pledges import extract_pledges
from generator.extract.quotes import extract_quotes
from generator.extract.records import EXTRACTOR_VERSION, ArticleFacts, FigureClaim

__all__ = [
    "EXTRACTOR_VERSION", "ArticleFacts", "FigureClaim", "combine", "extract_article",
    "extract_articles", "load_model", "as_published",
]


def extract_article(nlp: Language, article: Article) -> ArticleFacts:
    """Facts from one article; all evidence quotes are verbatim spans of `article.text`."""
    return _extract(article, nlp(article.text))


def extract_articles(nlp: Language, articles: list[Article]) -> list[ArticleFacts]:
    """The same as `extract_article` for each, parsing in one `nlp.pipe` batch."""
    docs = nlp.pipe([a.text for a in articles], batch_size=8)
    return [_extract(article, doc) for article, doc in zip(articles, docs)]


def _extract(article: Article, doc) -> ArticleFacts:
    context = document.build(article, doc)
    people, candidates = extract_people(context)
    pledges, pledge_claims = extract_pledges(context)
    return ArticleFacts(
        source=article.id,
        people=people,
        candidates=candidates,
        participants=extract_participants(context),
        events=extract_events(context),
        pledges=pledges,
        quotes=extract_quotes(context),
        plan=extract_plan(context),
        coalitions=extract_coalitions(context),
        claims=count_claims(context) + pledge_claims,
    )
