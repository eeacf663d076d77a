"""The story kinds' gold and scoring, by kind, in the order of `model/kinds/`."""

from __future__ import annotations

from generator.evaluation.kinds import coalitions, plan, pledges
from generator.evaluation.story_score import StoryScore
from generator.model.kinds import STORY_KINDS

STORY_SCORES: dict[str, StoryScore] = {module.KIND.kind: module.KIND for module in (pledges, plan, coalitions)}
assert list(STORY_SCORES) == list(STORY_KINDS), "one evaluation module per story kind, in its order"
