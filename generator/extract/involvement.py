"""The words of involvement (meetings, joint efforts), read once from involvement.yaml.

They are knowledge of news English, kept as data so that no extractor names one story's
occasions: participants and conflicts both read them from here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

_WORDS = yaml.safe_load((Path(__file__).parent / "involvement.yaml").read_text(encoding="utf-8"))

MEETING_NOUNS: tuple[str, ...] = tuple(_WORDS["meetings"])
EFFORT_NOUNS: tuple[str, ...] = tuple(_WORDS["efforts"])
# The same, as regular-expression alternatives.
MEETING_PATTERN = "|".join(MEETING_NOUNS)
EFFORT_PATTERN = "|".join(EFFORT_NOUNS)
