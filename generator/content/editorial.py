"""The editors' layer read as it stands, for commands that look at it without checking it.

`explainer extract` takes an editor's date for an undated article, and tells what its new
facts mean for the editors' overrides (a confirmed fact gone, a fix now in conflict, how
many facts wait for review). It reads `content/editorial/<kind>.yaml` here: each section of
the shape the reader expects, or left out. Nothing is reported: a malformed file is
`explainer check`'s to report, with its positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.files.yamlfile import load_yaml


@dataclass
class Overrides:
    """One kind's editorial sections, each as written when it has the right shape, else empty."""

    confirm: list[Any] = field(default_factory=list)
    fix: dict[Any, Any] = field(default_factory=dict)
    reject: dict[Any, Any] = field(default_factory=dict)
    add: list[Any] = field(default_factory=list)
    fixed_from: dict[Any, Any] = field(default_factory=dict)

    @property
    def reviewed(self) -> set[str]:
        """The ids an editor confirmed, fixed or added (a rejected one is not published at all)."""
        added = {item.get("id") for item in self.add if isinstance(item, dict)}
        return {str(fact_id) for fact_id in (*self.confirm, *self.fix, *added) if fact_id is not None}

    def decisions(self, fact_id: str) -> list[str]:
        """What editors decided about one fact: confirmed, fixed, rejected (none, one or more)."""
        confirmed = fact_id in {str(item) for item in self.confirm}
        return [word for word, made in (("confirmed", confirmed), ("fixed", fact_id in self.fix),
                                        ("rejected", fact_id in self.reject)) if made]


def read_overrides(editorial_dir: Path, kind: str) -> Overrides:
    path = editorial_dir / f"{kind}.yaml"
    try:
        document = load_yaml(path)[0] if path.is_file() else None
    except OSError:
        document = None
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    overrides = Overrides()
    for name, value in vars(overrides).items():
        given = data.get(name)
        if isinstance(given, type(value)):
            setattr(overrides, name, given)
    return overrides
