"""The header's colour scheme toggle (mkdocs.yml's `theme.palette`), named in the edition's language."""

from __future__ import annotations

from .errors import ContentError, Problem
from .markup import for_theme
from .models import PaletteStrings

SYSTEM = "(prefers-color-scheme)"  # the media of the entry that follows the system's setting
SCHEMES = {"default": "light", "slate": "dark"}  # Material's schemes, and the name of each in PaletteStrings


def named(palette: list[dict] | dict, strings: PaletteStrings) -> list[dict] | dict:
    """`palette` with each toggle named after the entry a click on it switches to, the next one
    (Material's toggle goes round the entries), as Markup: the theme prints names as they are.
    A single palette (a mapping) has no toggle. ContentError if an entry's scheme has no name."""
    if isinstance(palette, dict):
        return palette
    names = [_name(index, entry, strings) for index, entry in enumerate(palette)]
    return [{**entry, "toggle": {**entry["toggle"], "name": for_theme(names[(index + 1) % len(palette)])}}
            if "toggle" in entry else entry for index, entry in enumerate(palette)]


def _name(index: int, entry: dict, strings: PaletteStrings) -> str:
    """What switching to `entry` is called."""
    if entry.get("media") == SYSTEM:
        return strings.system
    scheme = entry.get("scheme", "default")
    if scheme not in SCHEMES:
        raise ContentError([Problem("mkdocs.yml", f"theme.palette[{index}]",
                                    f"the scheme `{scheme}` has no name in content/<lang>/site.yml (`palette`)",
                                    f"use one of {', '.join(f'`{s}`' for s in SCHEMES)}, or follow the system's "
                                    f"setting with `media: \"{SYSTEM}\"`")])
    return getattr(strings, SCHEMES[scheme])
