"""Printed numbering: arabic numbers, letters and roman numerals, and their sequences."""

from __future__ import annotations

import string

_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]


def to_roman(value: int) -> str:
    """1 -> 'i', 14 -> 'xiv' (lower case)."""
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def from_roman(numeral: str) -> int | None:
    """'xiv' -> 14; None if `numeral` is not a well-formed roman numeral (any case)."""
    lowered = numeral.lower()
    for value in range(1, 4000):
        if to_roman(value) == lowered:
            return value
    return None


def expected(style: str, position: int) -> str:
    """The label printed at 1-based `position` in a list of the given style."""
    if style == "number":
        return str(position)
    if style == "letter":
        return string.ascii_lowercase[position - 1] if position <= 26 else "?"
    if style == "roman":
        return to_roman(position)
    raise ValueError(style)


STYLE_NAMES = {"number": "numbers", "letter": "letters", "roman": "roman numerals"}
