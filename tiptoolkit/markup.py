"""The markup rules of content texts, in one place for everything that reads them (the site's
pages, the checklists, the exports and the checks): footnote markers `[^N]`, the country blank
`{country}`, citations of Working Group reports `[as printed](cite:SYMBOL#par.N)`; how a text
reads as plain text, how a page and its question parts are named, and where an item's short
permalink is."""

from __future__ import annotations

import re
from functools import lru_cache

from .edition import ANNEX, Page
from .models import Chapter, Labels

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
COUNTRY = "{country}"
SYMBOL = r"CTOC/COP/WG\.4/\d{4}/\d+"  # a Working Group report or paper
CITE = re.compile(rf"\[(?P<text>[^\[\]]+)\]\(cite:(?P<symbol>{SYMBOL})(?:#(?P<loc>[^)\s]+))?\)")
BARE_SYMBOL = re.compile(SYMBOL)
PERMALINKS = "q"  # the short permalinks' folder, at the site root


def unmarked(text: str) -> list[str]:
    """Symbols of Working Group documents written without a `cite:` link."""
    return BARE_SYMBOL.findall(CITE.sub("", text))


@lru_cache(maxsize=32768)  # every item of both editions, read by the exports and the permalinks at every build
def plain_text(raw: str, country: str) -> str:
    """A content text with no markup, on one line: footnote markers dropped, citations reduced
    to their printed text, the blank spelt out."""
    text = CITE.sub(lambda m: m["text"], FOOTNOTE_REF.sub("", raw)).replace(COUNTRY, f"[{country}]")
    return re.sub(r"\s*\n\s*", " ", text.strip())


def page_title(page: Page, labels: Labels) -> str:
    """How a page is named, as a content text: `IV. Title`, `Annexe: Title`, or its title."""
    if page.slug == ANNEX:
        return f"{labels.annex}: {page.content.title}"
    if page.numeral:
        return f"{page.numeral}. {page.content.title}"
    return page.content.title


def question_part_titles(chapter: Chapter, labels: Labels) -> dict[str, str]:
    """The headings of a chapter's question parts: `C. Key questions` (singular for a single
    question) and `D. Specific questions`."""
    key = labels.key_question if len(chapter.key_questions) == 1 else labels.key_questions
    return {"C": f"C. {key}", "D": f"D. {labels.specific_questions}"}


def permalink_path(anchor: str) -> str:
    """The short permalink of an item, relative to the site root: `q/iv-d-3-o/`."""
    return f"{PERMALINKS}/{anchor}/"


def quoted(text: str) -> str:
    """A text as a double-quoted string of YAML front matter or CSS (the same escapes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
