"""The project's own files, and only them: every content file is read, and every hand-written
file is listed for publication, through here.

A file is taken only if it is a regular file inside the project folder (once its links are
followed) and no larger than its limit; a link that leads out of the project, a named pipe
(FIFO), a device, a socket or a folder where a file belongs is refused by name, before it is
ever opened (opening a FIFO waits for a writer forever; /dev/zero never ends), and never with
its contents. A folder may be a link within the project; a folder link that leads out of it, or
back to a folder above it (a loop), is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ContentError, Problem

TEXT_LIMIT = 2 * 1024 * 1024
"""Bytes a file the tools read may have (YAML, Markdown). The largest content files today,
content/glossary.yml and content/fr/wg/recommendations.yml, have 105 kB: this leaves twenty
times that room, still read and parsed in about a second, while a file that is no text of ours
(a log, a dump, an image saved under a wrong name) is refused before it is read."""

ASSET_LIMIT = 20 * 1024 * 1024
"""Bytes any other file of the hand-written pages (an image, a PDF published as it is) may
have: a large scan or photograph fits; a larger file would weigh down the site, and its offline
bundle, which holds it again."""

_TEXT_SUFFIXES = (".yml", ".md")
_WHOLE = "(whole file)"
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _limit(path: Path) -> int:
    return TEXT_LIMIT if path.suffix in _TEXT_SUFFIXES else ASSET_LIMIT


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a link loop


def _shown(path: Path, root: Path) -> str:
    """`path` as a command run in the project folder writes it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is; None for a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def _outside(path: Path, root: Path, item: str, real: Path, kind: str | None = None) -> Problem:
    return Problem(path, item, f"leads to {real}{f' ({kind})' if kind else ''}, outside the project folder {root}: "
                   "only the project's own files are read and published",
                   f"remove the link (`rm {_shown(path, root)}`); if what it leads to belongs to the project, put a "
                   "copy of it there instead")


def _refusal(path: Path, root: Path, real: Path, project: Path) -> Problem | None:
    """Why the file `path` of the project at `root` is not taken, if it is not, found without
    opening it; `real` is where the file really is, `project` where the project folder really is.
    FileNotFoundError if there is no file there (a link to none is refused)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        if not path.is_symlink():
            raise
        return Problem(path, _WHOLE, f"a link to {real}, which does not exist",
                       f"remove the link (`rm {_shown(path, root)}`) or restore the file it leads to")
    except OSError as exc:
        return _unreadable(path, root, exc)
    kind = _kind(status.st_mode)
    if not real.is_relative_to(project):
        return _outside(path, root, _WHOLE, real, kind)
    if kind:
        return Problem(path, _WHOLE, f"{kind}{f' (a link to {real})' if path.is_symlink() else ''} where a file "
                       "belongs: only regular files are read, and this is never opened",
                       "remove it, and restore the file if it is one of the project's "
                       f"(`git checkout -- {_shown(path, root)}`)")
    if status.st_size > _limit(path):
        what = "content" if _limit(path) == TEXT_LIMIT else "published"
        return Problem(path, _WHOLE, f"{status.st_size:,} bytes, more than the {_limit(path) // 2 ** 20} MB a {what} "
                       "file may have (tiptoolkit/source_files.py)", "check that this is the right file "
                       f"(`git checkout -- {_shown(path, root)}` restores the project's own); split a text that has "
                       "grown this long")
    return None


def _unreadable(path: Path, root: Path, exc: OSError) -> Problem:
    return Problem(path, _WHOLE, f"cannot be read: {exc.strerror}",
                   f"make it a readable file (`ls -l {_shown(path, root)}` shows what it is; `chmod u+r` lets you "
                   f"read it), or restore it (`git checkout -- {_shown(path, root)}`)")


def read(path: Path, root: Path) -> bytes:
    """The bytes of the file `path` of the project at `root`, if it is one the project may read
    (ContentError naming it, otherwise); FileNotFoundError if there is none."""
    refused = _refusal(path, root, _real(path), _real(root))
    if refused:
        raise ContentError([refused])
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError([_unreadable(path, root, exc)]) from None


def _folder_refusal(folder: Path, root: Path, real: Path, project: Path, above: set[Path]) -> Problem | None:
    """Why a folder (really at `real`) is not walked: it leads out of the project, or to one of
    `above`, the real folders it is in (a loop)."""
    if not real.is_relative_to(project):
        return _outside(folder, root, "(folder)", real, "a folder")
    if real in above:
        return Problem(folder, "(folder)", f"a link to {real}, a folder it is in: following it would never end",
                       f"remove the link (`rm {_shown(folder, root)}`)")
    return None


def _where(path: Path, real_parent: Path) -> Path:
    """Where `path`, in a folder really at `real_parent`, really is: only a link needs resolving."""
    return _real(path) if path.is_symlink() else real_parent / path.name


def _mkdocs_order(name: str) -> tuple[bool, str]:
    return (os.path.splitext(name)[0] not in ("index", "README"), name)


def walk(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every file under `folder` that the project may read and publish, in the order MkDocs finds
    files (folder by folder, `index` first), following folder links that stay in the project; and
    a problem for each file or folder refused. Hidden files are left out, as MkDocs leaves them
    out (and editors put their lock files there); a hidden folder is not walked, but still
    refused if it leads out of the project, since MkDocs walks into it."""
    if not folder.exists():
        return [], []
    project, start = _real(root), _real(folder)
    refused = _folder_refusal(folder, root, start, project, set())
    if refused:
        return [], [refused]
    files: list[Path] = []
    problems: list[Problem] = []
    reached = {folder: (start, {start, *start.parents})}  # per folder walked: where it really is, the folders it is in
    for here, folders, names in os.walk(folder, followlinks=True):
        here = Path(here)
        real_here, above = reached[here]
        kept = []
        for name in sorted(folders):
            real = _where(here / name, real_here)
            refused = _folder_refusal(here / name, root, real, project, above)
            if refused:
                problems.append(refused)
            elif not name.startswith("."):
                kept.append(name)
                reached[here / name] = (real, above | {real})
        folders[:] = kept
        for name in sorted((n for n in names if not n.startswith(".")), key=_mkdocs_order):
            refused = _refusal(here / name, root, _where(here / name, real_here), project)
            if refused:
                problems.append(refused)
            else:
                files.append(here / name)
    return files, problems


def check_tree(root: Path, *names: str) -> None:
    """ContentError listing every file or folder refused under the project's folders `names`."""
    problems = [problem for name in names for problem in walk(root / name, root)[1]]
    if problems:
        raise ContentError(problems)
