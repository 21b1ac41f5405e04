"""Located problems: every user-facing error names a file, a line and a column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, pinned to where the user can fix it (1-based)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class InputError(Exception):
    """Raised with every problem found in one input, so the user sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def problem_at_start(path: Path | str, message: str) -> InputError:
    """An error about a whole file (too large, not UTF-8 ...), located at its first character."""
    return InputError([Problem(str(path), 1, 1, message)])
