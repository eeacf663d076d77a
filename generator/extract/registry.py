"""The extractors, by versioned name, in the order they run.

Each entry is a pure function of one parsed article (`document.ArticleDoc`) returning its
records as fields of `ArticleFacts`. The order matters once: `people` runs first because it
fills the article's people mentions, through which the later ones resolve names, pronouns
and titles. An extractor of a story kind runs only in a project that has that kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.extract.coalitions import extract_coalitions
from generator.extract.conflicts import count_claims
from generator.extract.document import ArticleDoc
from generator.extract.events import extract_events
from generator.extract.participants import extract_participants
from generator.extract.people import extract_people
from generator.extract.plan import extract_plan
from generator.extract.pledges import extract_pledges
from generator.extract.quotes import extract_quotes


@dataclass(frozen=True)
class Extractor:
    name: str                                        # "<kind>.v<version>"
    kind: str                                        # the fact kind it proposes
    run: Callable[[ArticleDoc], dict[str, list[Any]]]  # article → {ArticleFacts field: records}


def _people(context: ArticleDoc) -> dict[str, list]:
    people, candidates = extract_people(context)
    return {"people": people, "candidates": candidates}


def _pledges(context: ArticleDoc) -> dict[str, list]:
    # A commitment's quantities are figures too, which sources may give differently.
    pledges, claims = extract_pledges(context)
    return {"pledges": pledges, "claims": claims}


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor("people.v1", "people", _people),
    Extractor("participants.v1", "participants", lambda context: {"participants": extract_participants(context)}),
    Extractor("events.v1", "events", lambda context: {"events": extract_events(context)}),
    Extractor("quotes.v1", "quotes", lambda context: {"quotes": extract_quotes(context)}),
    Extractor("conflicts.v1", "conflicts", lambda context: {"claims": count_claims(context)}),
    Extractor("pledges.v1", "pledges", _pledges),
    Extractor("plan.v1", "plan", lambda context: {"plan": extract_plan(context)}),
    Extractor("coalitions.v1", "coalitions", lambda context: {"coalitions": extract_coalitions(context)}),
)


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
