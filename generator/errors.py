"""Problems the user can cause, each pinned to a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    column: int
    message: str

    def format(self, relative_to: Path | None = None) -> str:
        path = self.path
        if relative_to is not None:
            try:
                path = self.path.resolve().relative_to(relative_to.resolve())
            except ValueError:
                pass
        return f"{path}:{self.line}:{self.column}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem], relative_to: Path | None = None):
        self.problems = sorted(set(problems), key=lambda p: (str(p.path), p.line, p.column, p.message))
        self.relative_to = relative_to
        super().__init__(self.report())

    def report(self) -> str:
        lines = [problem.format(self.relative_to) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        return "\n".join(lines)
