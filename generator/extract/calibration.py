"""How far each extraction rule can be trusted: confidences calibrated on annotated articles.

Every machine fact names the rule that proposed it (`basis`: "events.weekday",
"participants.attended"). Its confidence is that rule's precision on the development gold,
counted by `explainer calibrate` into calibration.yaml, and smoothed towards the rule's own
prior so that a rule seen right three times out of three is not trusted as if it were never
wrong: (right + WEIGHT × prior) / (counted + WEIGHT). A rule the gold never exercised keeps
its prior, which the extractor sets by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("calibration.yaml")
# Pseudo-observations at the prior: how many dev outcomes it takes to move a confidence halfway.
WEIGHT = 4


def read_table(path: Path) -> dict[str, tuple[int, int]]:
    """basis → (right, counted), as a calibration table records them; none if there is no table."""
    if not path.is_file():
        return {}
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {basis: (int(row["right"]), int(row["counted"])) for basis, row in (rows.get("rules") or {}).items()}


@cache
def _counts() -> dict[str, tuple[int, int]]:
    return read_table(TABLE)


def smoothed(right: int, counted: int, prior: float) -> float:
    # Never 1: a rule right every time on the gold is still wrong somewhere on new text.
    return min(round((right + WEIGHT * prior) / (counted + WEIGHT), 2), 0.99)


def confidence(basis: str, prior: float) -> float:
    return smoothed(*_counts().get(basis, (0, 0)), prior)


def rated(basis: str, prior: float) -> dict[str, object]:
    """The `basis` and calibrated `confidence` fields of a fact the rule `basis` proposes."""
    return {"basis": basis, "confidence": confidence(basis, prior)}


def table_text(outcomes: dict[str, tuple[int, int]], measured_on: list[str]) -> str:
    """calibration.yaml for the given outcomes, byte for byte the same for the same input."""
    lines = [
        "# Precision of each extraction rule on the development gold, written by `explainer calibrate`;",
        "# generator/extract/calibration.py turns it into the facts' confidence. Do not edit by hand.",
        "measured_on:",
        *(f"  - {name}" for name in sorted(measured_on)),
        "rules:",
    ]
    for basis in sorted(outcomes):
        right, counted = outcomes[basis]
        lines.append(f"  {basis}: {{right: {right}, counted: {counted}}}")
    return "\n".join(lines) + "\n"
