"""The story kinds' pages, page parts and facts.json sections, in the order of `model/kinds/`."""

from __future__ import annotations

from generator.model.kinds import STORY_KINDS
from generator.site.kinds import coalitions, plan, pledges
from generator.site.story_site import StorySite

STORY_SITES: dict[str, StorySite] = {module.KIND.kind: module.KIND for module in (pledges, plan, coalitions)}
assert list(STORY_SITES) == list(STORY_KINDS), "one site module per story kind, in its order"
