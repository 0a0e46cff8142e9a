"""The one exception the content pipeline raises, and how it reads."""

from __future__ import annotations

import errno
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


def checked(value, problems: list[Problem]):
    """`value`, if `problems` is empty; else ContentError listing them."""
    if problems:
        raise ContentError(problems)
    return value


_ELSEWHERE = "`tiptoolkit build --site-dir <folder>`"
_RIGHTS = f"give the user running the command the right to read and write there, or build elsewhere: {_ELSEWHERE}"
OS_FIXES = {
    errno.EACCES: _RIGHTS,
    errno.EPERM: _RIGHTS,
    errno.EROFS: f"that disk is read-only: make it writable, or build elsewhere: {_ELSEWHERE}",
    errno.ENOSPC: "free space on that disk (a build writes the new site beside the old one before it replaces it), "
                  f"or build elsewhere: {_ELSEWHERE}",
    errno.EDQUOT: f"free space in your disk quota there, or build elsewhere: {_ELSEWHERE}",
    errno.ENOTDIR: f"a part of that path is a file, not a folder: build in a folder: {_ELSEWHERE}",
    errno.ENOENT: f"that folder does not exist: create it, or build elsewhere: {_ELSEWHERE}",
    errno.EADDRINUSE: "another program is listening on that port: stop it, or serve on another: "
                      "`tiptoolkit serve --port <number>`",
}


def os_problem(exc: OSError, default: Path) -> Problem:
    """An operating-system error as a problem: its path (else `default`, what the command writes),
    what went wrong and how to fix it."""
    what = f"{exc.strerror or exc} ({errno.errorcode.get(exc.errno, 'no error code')})"
    fix = OS_FIXES.get(exc.errno, "make sure that the user running the command can read and write there, "
                                  "then run it again")
    return Problem(exc.filename if isinstance(exc.filename, str) else default, "(operating system)", what, fix)
