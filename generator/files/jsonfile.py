"""JSON text for files the generator writes: the same data always gives the same bytes."""

from __future__ import annotations

import json
from typing import Any


def to_json(document: dict[str, Any]) -> str:
    """Stable text: key order as built, UTF-8 characters kept, a final newline."""
    # allow_nan=False: a non-finite number would make the file invalid JSON; the models refuse them.
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"
