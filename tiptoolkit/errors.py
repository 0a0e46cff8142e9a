"""The one exception the content pipeline raises, and how it reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one item of one content file."""

    file: Path | str
    item: str
    what: str
    fix: str
    line: int | None = None

    def __str__(self) -> str:
        path = Path(self.file)
        if path.is_absolute() and path.is_relative_to(Path.cwd()):
            path = path.relative_to(Path.cwd())
        where = f"{path}:{self.line}" if self.line else f"{path}"
        return f"{where}: {self.item}: {self.what}\n    fix: {self.fix}"


class ContentError(Exception):
    """Raised when content files are invalid; carries every problem found, each once (a file
    shared by the editions is checked with each)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(dict.fromkeys(problems))
        super().__init__(str(self))

    def __reduce__(self):  # raised in a build's worker process, reported by the parent
        return type(self), (self.problems,)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])
