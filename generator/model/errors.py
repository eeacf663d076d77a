"""Problems the user can cause, each pinned to a file, line and column."""

from __future__ import annotations

import errno
import os
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
            # Not resolved: a symlinked article is named where it sits in the project.
            try:
                path = Path(os.path.abspath(self.path)).relative_to(os.path.abspath(relative_to))
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


def describe_os_error(error: OSError) -> str:
    """An operating-system failure in a user's words, with what to do about it."""
    advice = {
        errno.ENOSPC: "the disk is full; free some space and try again",
        errno.EDQUOT: "the disk quota is used up; free some space and try again",
        errno.EACCES: "permission denied; choose a folder you can write to",
        errno.EPERM: "permission denied; choose a folder you can write to",
        errno.EROFS: "the file system is read-only; choose another folder",
        errno.ENAMETOOLONG: "a file name is too long for this file system",
    }.get(error.errno, error.strerror or str(error))
    where = f" ({error.filename})" if error.filename else ""
    return advice + where
