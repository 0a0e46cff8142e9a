"""Which project folder a command works on: the one it is run in (or a folder above it, as git
finds its repository), or the one given with `--root`.

A package installed in editable mode from one checkout runs that checkout's code: run in another
checkout (a copy made with `cp -a`, `.venv` included), it would build the copy's content with
the original's code, or, as it once did, the original's content. It refuses instead, and says
how to go on."""

from __future__ import annotations

from pathlib import Path

from .errors import ContentError, Problem

CHECKOUT = Path(__file__).resolve().parent.parent  # the folder this package's code is in
MARKERS = ("mkdocs.yml", "chapters", "content")  # what makes a folder a project folder


def is_project(folder: Path) -> bool:
    return all((folder / name).exists() for name in MARKERS)


def find_root(start: Path | None = None) -> Path:
    """The project folder holding `start` (default: the current folder); ContentError if there
    is none, or if it is another checkout than the one this package runs from."""
    start = (start or Path.cwd()).resolve()
    root = next((folder for folder in (start, *start.parents) if is_project(folder)), None)
    if root is None:
        raise ContentError([Problem(start, "(current folder)", f"{start} is not a project folder: neither it "
                                    f"nor a folder above it holds {', '.join(MARKERS)}",
                                    "run the command in the project folder (`make` does), or pass "
                                    "`--root <project folder>`")])
    if root != CHECKOUT and is_project(CHECKOUT):
        raise ContentError([Problem(root, "(project folder)", f"{root} is another checkout than the one tiptoolkit "
                                    f"is installed from, {CHECKOUT}: it would be built with that one's code",
                                    "give this checkout its own environment (`rm -rf .venv && make install`), "
                                    f"or pass `--root {root}` to build it with the code of {CHECKOUT}")])
    return root
