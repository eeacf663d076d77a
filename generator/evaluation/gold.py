"""Hand-annotated gold for scoring extraction: the format, and loading it with positions.

One YAML file per article (`tests/gold/<article id>.yaml`, described in `tests/gold/README.md`),
annotated from that article alone. Unknown keys are errors, and every problem is reported at
once as file:line:col, like content errors. The story kinds' gold records and lists come from
`evaluation/kinds/`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, create_model, field_validator

from generator.evaluation.kinds import STORY_SCORES
from generator.evaluation.story_score import GoldRecord
from generator.model.errors import ContentError, Problem
from generator.model.records import PartialDate
from generator.model.ids import slugify
from generator.files.yamlfile import YamlDocument, load_yaml


class GoldPerson(GoldRecord):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    country: str | None = None
    optional: bool = False

    @property
    def id(self) -> str:
        return slugify(self.name)


class GoldParticipant(GoldRecord):
    id: str = Field(min_length=1)
    status: Literal["lead", "member", "attended", "likely"]
    optional: bool = False


class GoldEvent(GoldRecord):
    date: PartialDate
    approximate: bool = False
    what: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    alt_quotes: list[str] = Field(default_factory=list)
    optional: bool = False

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    @property
    def quotes(self) -> list[str]:
        return [self.quote, *self.alt_quotes]


class GoldQuote(GoldRecord):
    speaker: str = Field(min_length=1)
    text: str = Field(min_length=1)
    optional: bool = False


class GoldFigure(GoldRecord):
    about: str = Field(min_length=1)
    value: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class _CoreGoldArticle(GoldRecord):
    # The story kinds' lists and then `figures` are added by `GoldArticle`, below.
    source: str = Field(min_length=1)
    published: PartialDate | None = None
    people: list[GoldPerson] = Field(default_factory=list)
    participants: list[GoldParticipant] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    def quoted_texts(self) -> list[tuple[str, str]]:
        """Every (where, text) the annotation claims is verbatim in the article."""
        found: list[tuple[str, str]] = []
        for i, event in enumerate(self.events):
            found += [(f"events[{i}]", quote) for quote in event.quotes]
        found += [(f"quotes[{i}]", quote.text) for i, quote in enumerate(self.quotes)]
        for name, kind in STORY_SCORES.items():
            found += [(f"{name}[{i}]", text) for i, item in enumerate(getattr(self, name))
                      for text in (getattr(item, field) for field in kind.verbatim) if text]
        found += [(f"figures[{i}]", figure.quote) for i, figure in enumerate(self.figures)]
        return found


# A list per story kind after the core kinds' lists, then the figures, as gold files order them.
GoldArticle = create_model(
    "GoldArticle", __base__=_CoreGoldArticle, __module__=__name__,
    **{name: (list[kind.gold], Field(default_factory=list)) for name, kind in STORY_SCORES.items()},
    figures=(list[GoldFigure], Field(default_factory=list)),
)


def load_gold(gold_dir: Path) -> dict[str, GoldArticle]:
    """Every ``*.yaml`` in ``gold_dir``, validated; all problems raised at once with file:line:col."""
    gold: dict[str, GoldArticle] = {}
    problems: list[Problem] = []
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        document, syntax_problems = load_yaml(path)
        problems += syntax_problems
        if document is None:
            continue
        if not isinstance(document.data, Mapping):
            problems.append(document.problem((), "gold file must be a mapping"))
            continue
        try:
            article = GoldArticle.model_validate(document.data)
        except ValidationError as error:
            for err in error.errors():
                where = ".".join(str(part) for part in err["loc"])
                problems.append(document.problem(tuple(err["loc"]), f"{where}: {err['msg']}",
                                                 at_key=err["type"] == "extra_forbidden"))
            continue
        problems += _check_article(document, article)
        gold[article.source] = article
    if problems:
        raise ContentError(problems)
    return gold


def _check_article(document: YamlDocument, article: GoldArticle) -> list[Problem]:
    problems = []
    stem = document.path.stem
    if article.source != stem:
        problems.append(document.problem(("source",), f"source {article.source!r} is not the file stem {stem!r}"))
    ids: dict[str, int] = {}
    for i, person in enumerate(article.people):
        if person.id in ids:
            problems.append(document.problem(("people", i), f"person {person.id!r} listed twice"))
        ids[person.id] = i
    for i, quote in enumerate(article.quotes):
        if quote.speaker not in ids:
            problems.append(document.problem(("quotes", i, "speaker"),
                                             f"speaker {quote.speaker!r} is not a person of this article"))
    seen: set[str] = set()
    for i, participant in enumerate(article.participants):
        if participant.id.lower() in seen:
            problems.append(document.problem(("participants", i), f"participant {participant.id!r} listed twice"))
        seen.add(participant.id.lower())
    return problems
