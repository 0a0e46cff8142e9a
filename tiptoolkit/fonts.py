"""The fonts of the checklists, from the npm registry (Fontsource's Noto packages, installed by
`npm ci`, never downloaded at build time): the same files in the PDFs (WeasyPrint) and on the
site (the mission checklist printed from the browser), so both look the same.

Noto Sans sets the text (Latin and Latin Extended: French accents, œ, typographic quotes);
Noto Sans Symbols 2 the tick boxes (☐). A character that none of them has stops the build.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .edition import ROOT

PACKAGES = ROOT / "node_modules" / "@fontsource"
TEXT_FAMILY = "Noto Sans"
TICK_FAMILY = "Noto Sans Symbols 2"
TICK = "☐"
# (package, subset, weight, style): the faces the checklists use.
FACES = (*(("noto-sans", subset, weight, style) for subset in ("latin", "latin-ext")
           for weight in (400, 700) for style in ("normal", "italic")),
         ("noto-sans-symbols-2", "symbols", 400, "normal"))
_RULE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")
_SRC = re.compile(r"src:[^;]*;")


def _stylesheet(package: str, subset: str, weight: int, style: str) -> Path:
    return PACKAGES / package / f"{subset}-{weight}{'-italic' if style == 'italic' else ''}.css"


def files() -> list[Path]:
    """The WOFF2 files of every face."""
    return [PACKAGES / package / "files" / f"{package}-{subset}-{weight}-{style}.woff2"
            for package, subset, weight, style in FACES]


def check_installed() -> None:
    missing = [path for path in [*files(), *(_stylesheet(*face) for face in FACES)] if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"font files are missing ({missing[0]} and {len(missing) - 1} more): "
                                "run `make install` (it runs `npm ci`)")


def font_faces(url: Callable[[Path], str]) -> str:
    """The `@font-face` rules of every face, as Fontsource declares them (family, weight, style,
    unicode range); `url(path)` says how the stylesheet refers to a font file."""
    check_installed()
    rules = []
    for face, path in zip(FACES, files()):
        body = _RULE.search(_stylesheet(*face).read_text(encoding="utf-8"))["body"]
        body = _SRC.sub(f"src: url('{url(path)}') format('woff2');", body)
        rules.append("@font-face {" + body + "}")
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    check_installed()
    return frozenset(code for path in files() for code in TTFont(path).getBestCmap())


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` that no face has (spaces and line breaks aside)."""
    covered = _covered()
    return sorted({c for c in text if not c.isspace() and ord(c) not in covered})
