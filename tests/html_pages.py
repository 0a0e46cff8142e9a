"""The built site's pages, each parsed once per test process and shared by the tests that read
them, with each page's IDs indexed once.

The parsed pages are shared: a test must only read them, never change them (`decompose`,
`extract`, assignments…); a test that edits a page parses its own copy with :func:`parse`.

The parser is lxml: on every page of the site it gives the same elements, attributes and texts
as Python's "html.parser", in about two thirds of the time. A page is parsed again if its file
has changed since (another build into the same folder).
"""

from __future__ import annotations

import functools
from pathlib import Path

from bs4 import BeautifulSoup, Tag

PARSER = "lxml"


def parse(text: str) -> BeautifulSoup:
    """A new parse of `text`, the test's own."""
    return BeautifulSoup(text, PARSER)


def _version(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=None)
def _page(path: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return parse(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _elements(path: Path, mtime_ns: int, size: int) -> dict[str, Tag]:
    elements: dict[str, Tag] = {}
    for tag in _page(path, mtime_ns, size).find_all(id=True):
        elements.setdefault(tag["id"], tag)  # the first, in document order, as `soup.find(id=…)`
    return elements


def page(path: Path) -> BeautifulSoup:
    """The page at `path`, parsed once (shared: read only)."""
    return _page(*_version(path))


def elements(path: Path) -> dict[str, Tag]:
    """Each ID of the page at `path` and its element (the first one with that ID, as
    `page(path).find(id=…)` finds it); shared: read only."""
    return _elements(*_version(path))


def element(path: Path, id_: str) -> Tag | None:
    """`page(path).find(id=id_)`, without searching the page again."""
    return elements(path).get(id_)


def ids(path: Path) -> frozenset[str]:
    """Every ID of the page at `path`."""
    return _ids(*_version(path))


@functools.lru_cache(maxsize=None)
def _ids(path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    return frozenset(_elements(path, mtime_ns, size))
