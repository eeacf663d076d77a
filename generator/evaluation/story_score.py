"""What a story kind adds to evaluation: its gold record, the fields of it that quote the
article, and how its predictions are matched and counted.

`evaluation/kinds/` has one module per story kind declaring a `StoryScore`; `gold` builds the
gold article's lists from them and `scoring` scores each, so nothing else in the evaluation
names a story kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from generator.evaluation.matching import TypeScore


class GoldRecord(BaseModel):
    """One hand-annotated fact, of a core kind or a story kind: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class StoryScore:
    kind: str                      # the story kind: its list in a gold file and in the predictions
    gold: type[GoldRecord]         # one item of that list in a gold file
    # Fields of a gold item copied word for word from the article; an empty one is skipped.
    verbatim: tuple[str, ...]
    # (article id, its gold items, its published predictions) -> the kind's counts there.
    score: Callable[[str, Sequence[Any], Sequence[Any]], TypeScore]
