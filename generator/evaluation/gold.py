"""Hand-annotated gold for scoring extraction: the format, and loading it with positions.

One YAML file per article (`tests/gold/<article id>.yaml`, described in `tests/gold/README.md`),
annotated from that article alone. Unknown keys are errors, and every problem is reported at
once as file:line:col, like content errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from generator.model.errors import ContentError, Problem
from generator.model.facts import Amount, PartialDate, Quantity
from generator.model.ids import slugify
from generator.model.lexicon import PledgeKind
from generator.files.yamlfile import YamlDocument, load_yaml


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


class GoldPledge(GoldRecord):
    actor: str = Field(min_length=1)
    kind: PledgeKind = "other"
    amount: Amount | None = None
    quantity: Quantity | None = None
    condition: str | None = None
    target_year: int | None = None
    quote: str = Field(min_length=1)
    optional: bool = False


class GoldPlanPoint(GoldRecord):
    point: int = Field(ge=1)
    text: str = Field(min_length=1)
    optional: bool = False


class GoldCoalition(GoldRecord):
    name: str
    year: int
    led_by: str | None = None
    quote: str | None = None
    optional: bool = False


class GoldFigure(GoldRecord):
    about: str = Field(min_length=1)
    value: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class GoldArticle(GoldRecord):
    source: str = Field(min_length=1)
    published: PartialDate | None = None
    people: list[GoldPerson] = Field(default_factory=list)
    participants: list[GoldParticipant] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    pledges: list[GoldPledge] = Field(default_factory=list)
    plan: list[GoldPlanPoint] = Field(default_factory=list)
    coalitions: list[GoldCoalition] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)

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
        found += [(f"pledges[{i}]", pledge.quote) for i, pledge in enumerate(self.pledges)]
        found += [(f"plan[{i}]", point.text) for i, point in enumerate(self.plan)]
        found += [
            (f"coalitions[{i}]", c.quote) for i, c in enumerate(self.coalitions) if c.quote
        ]
        found += [(f"figures[{i}]", figure.quote) for i, figure in enumerate(self.figures)]
        return found


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
