"""Results computed from loaded content, found again while that content stays loaded.

The loader gives back the same objects for a file whose bytes have not changed
(:func:`tiptoolkit.loader.load_model`), so a result computed from a page's content is keyed by
the identity of the objects it was computed from, plus plain values (the page's file, its
language). An entry holds those objects, so their identities cannot be reused while it lives.
A live reload then checks again only the pages that an edit touched.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self, size: int) -> None:
        self._kept: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
        self._size = size

    def __call__(self, objects: tuple, values: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        """`compute()`, or what it returned for the same `objects` (by identity) and `values`."""
        key = (*map(id, objects), *values)
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key][1]  # type: ignore[return-value]
        result = compute()
        self._kept[key] = (objects, result)
        if len(self._kept) > self._size:
            self._kept.popitem(last=False)
        return result


def page_key(page) -> tuple[tuple, tuple]:
    """What a result computed from one page alone depends on: its content and its register entry
    (Working Group documents) as loaded, and its slug, kind and file."""
    return (page.content, page.document), (page.slug, page.kind, page.file)
