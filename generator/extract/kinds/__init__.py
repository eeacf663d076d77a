"""The story kinds' extractors and merging, by kind, in the order of `model/kinds/`."""

from __future__ import annotations

from generator.extract.findings import StoryExtraction
from generator.extract.kinds import coalitions, plan, pledges
from generator.model.kinds import STORY_KINDS

STORY_EXTRACTION: dict[str, StoryExtraction] = {
    module.KIND.extractor.kind: module.KIND for module in (pledges, plan, coalitions)
}
assert list(STORY_EXTRACTION) == list(STORY_KINDS), "one extraction module per story kind, in its order"
