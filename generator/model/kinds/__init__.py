"""The story kinds, in the order pages and facts.json list them among the core kinds."""

from __future__ import annotations

from generator.model.kinds import coalitions, plan, pledges
from generator.model.story_kind import StoryKind

STORY_KINDS: dict[str, StoryKind] = {kind.name: kind for kind in (pledges.KIND, plan.KIND, coalitions.KIND)}
