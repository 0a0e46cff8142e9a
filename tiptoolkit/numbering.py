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


def expected(style: str, position: int) -> str | None:
    """The label printed at 1-based `position` in a list of the given style; None past z, the
    last letter."""
    if style == "number":
        return str(position)
    if style == "letter":
        return string.ascii_lowercase[position - 1] if position <= len(string.ascii_lowercase) else None
    if style == "roman":
        return to_roman(position)
    raise ValueError(style)


def past_the_letters(position: int) -> tuple[str, str]:
    """What is wrong, and the fix, when the entry at `position` of a lettered list comes after z."""
    return (f"entry {position} of a lettered list, but letters run out at z: such a list has at most "
            f"{len(string.ascii_lowercase)} entries",
            "compare the list with the printed text: an entry after z belongs to another question or item "
            "(move it there) or continues the entry before it (merge them)")


STYLE_NAMES = {"number": "numbers", "letter": "letters", "roman": "roman numerals"}
