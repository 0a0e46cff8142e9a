"""The site's search: what it finds, and the files a browser loads for it when, and only when, a
reader starts to search (`assets/javascripts/search.js`, the dialog).

Each page's HTML, as converted from its Markdown, is cut into units: a question, sub-item or
Working Group item (with its ID), a paragraph, a list entry (a resource box's), a glossary term or
definition, a footnote, a heading; each with the address of its nearest anchor and where it
stands (page, part, box or sub-heading; a definition, at its term and under it). The search also loads the other editions' wordings of
the items, so that a question is found by either wording. The browser indexes the units with MiniSearch,
after folding case and accents and dropping the stop words of every language, and stems with
the Snowball stemmer of the edition's language; IDs in any form are matched by the engine
itself (`assets/javascripts/search/engine.js`, in overrides/).

Files, under each edition, all classic scripts (they load from `file://` too): `search/index.js`
(the units) and `search/wordings.js` (the items' texts), written here;
`assets/javascripts/search/minisearch.js` and `assets/javascripts/search/language.js` (the
stemmer and stop words), from the npm packages
`minisearch`, `@orama/stemmers` (French), `porter2` (English) and `@orama/stopwords` (installed
by `npm ci`), and the engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .edition import ROOT, Edition
from .markup import plain_text

PACKAGES = ROOT / "node_modules"
LIBRARY = "assets/javascripts/search/minisearch.js"
LANGUAGE = "assets/javascripts/search/language.js"
INDEX = "search/index.js"
WORDINGS = "search/wordings.js"
ENGINE = "assets/javascripts/search/engine.js"  # the matching and the results (overrides/)
FILES = {"library": LIBRARY, "language": LANGUAGE, "index": INDEX, "engine": ENGINE}  # what search.js loads, in order
THEME_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")  # Material's search engine: unused
# A language's Snowball stemmer: (its CommonJS file under node_modules, the function it exports);
# its stop words: `@orama/stopwords/dist/<lang>.cjs`.
STEMMERS = {"fr": (("@orama", "stemmers", "dist", "fr.cjs"), "stemmer"),
            "en": (("porter2", "dist", "index.js"), "stem")}  # Porter2: @orama's English drops the t of -tion
SEPARATOR = " › "  # between the titles a unit stands under

_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {"h1": 0, "h2": 1, "h3": 3}  # their place among the titles a unit stands under
# What is not text to find: anchors' marks, buttons, printed labels (`3.`, `a)`) and IDs (found
# by their own rule), footnote marks, the links to print, the checklists' layout, forms, the
# glossary's links to the pages that use a term.
_SKIPPED_CLASSES = {"headerlink", "tk-id", "tk-copy", "tk-copied", "tk-label", "tk-fnref", "tk-fnback",
                    "tk-printable", "tk-checklist", "tk-box-tick", "tk-used"}
_SKIPPED_TAGS = {"button", "svg", "form", "noscript", "script", "style", "template"}
_VOID = {"br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass(frozen=True)
class Unit:
    url: str  # relative to the edition's root, with its anchor: `iv/#iv-d-3-o`
    where: str  # the titles it stands under, joined by SEPARATOR
    text: str
    id: str | None = None  # the item's ID, as printed


class _Cutter:
    """Cuts a page's HTML into units, in document order: the target of lxml's HTML parser (its
    events: `start`, `end`, `data`, then `close`, which gives the units)."""

    def __init__(self, url: str) -> None:
        self.url, self.units = url, []
        self._open: list[tuple[str, dict]] = []  # the open elements: tag and what they say about units
        self._skipping = 0  # depth inside a skipped element
        self._titles = ["", "", "", ""]  # page (h1), part (h2), box, sub-heading (h3)
        self._heading_anchor = (-1, "")  # the last heading's anchor, with when it was seen
        self._seen = 0  # elements seen so far
        self._blocks: list[dict] = []  # the open blocks, innermost last, each collecting its own text
        self._term: tuple[str, str] | None = None  # the last term (`dt`): its anchor and text, its `dd`'s place

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in _VOID:
            if tag == "br" and self._blocks and not self._skipping:
                self._blocks[-1]["text"].append(" ")
            return
        classes = set((attributes.get("class") or "").split())
        state = {"skip": self._skipping > 0 or tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES),
                 "box": "tk-box" in classes, "heading_before": self._heading_anchor}
        self._seen += 1
        if state["skip"]:
            self._skipping += 1
        elif "id" in attributes and tag in {"li", "dt", "div"}:
            state["anchor"] = (self._seen, attributes["id"])
        if not state["skip"] and tag in _BLOCKS:
            block = {"tag": tag, "text": [], "anchor": attributes.get("id"), "box_title": "admonition-title" in classes}
            state["block"] = block
            self._blocks.append(block)
        state["item_id"] = tag == "a" and "tk-id" in classes and any(b["tag"] == "li" for b in self._blocks)
        self._open.append((tag, state))

    def end(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self._open):
            return
        while self._open:
            open_tag, state = self._open.pop()
            if state["skip"]:
                self._skipping -= 1
            if "block" in state:
                self._blocks.pop()
                self._unit(state["block"])
            if state["box"]:  # after a box, as before it
                self._titles[2:] = ["", ""]
                self._heading_anchor = state["heading_before"]
            if open_tag == tag:
                return

    def data(self, data: str) -> None:
        if self._open and self._open[-1][1]["item_id"]:
            next(b for b in reversed(self._blocks) if b["tag"] == "li")["id"] = data.strip()
        elif self._skipping == 0 and self._blocks:
            self._blocks[-1]["text"].append(data)

    def _anchor(self) -> str:
        """The last heading's anchor, or the innermost element's around the current block if it
        opened after that heading."""
        around = next((state["anchor"] for _, state in reversed(self._open) if "anchor" in state), (-1, ""))
        return max(around, self._heading_anchor)[1]

    def _unit(self, block: dict) -> None:
        text = " ".join("".join(block["text"]).split())
        level = 2 if block["box_title"] else _HEADINGS.get(block["tag"])
        above = self._titles[:level] if level is not None else self._titles
        if level is not None:
            self._titles[level:] = [text] + [""] * (len(self._titles) - level - 1)
        if block["tag"] in _HEADINGS and block["anchor"]:
            self._heading_anchor = (self._seen, block["anchor"])
        if not text:
            return
        anchor = block["anchor"] or self._anchor()
        if block["tag"] == "dt":
            self._term = (anchor, text)
        elif block["tag"] == "dd" and self._term:  # a definition: at its term, under it
            anchor, above = self._term[0], [*above, self._term[1]]
        item = next((b["id"] for b in reversed([*self._blocks, block]) if "id" in b), None)
        self.units.append(Unit(url=f"{self.url}#{anchor}" if anchor else self.url,
                               where=SEPARATOR.join(title for title in above if title), text=text, id=item))

    def close(self) -> tuple[Unit, ...]:
        return tuple(self.units)


@lru_cache(maxsize=256)
def units(html: str, url: str) -> tuple[Unit, ...]:
    """The units of a page whose converted HTML is `html`, at `url` (relative to the edition's
    root). Kept while the page is unchanged: a live reload cuts only the pages an edit changed."""
    return etree.fromstring(html, etree.HTMLParser(target=_Cutter(url))) if html.strip() else ()


def index_script(pages: list[tuple[Unit, ...]]) -> str:
    """`search/index.js`: every unit of an edition's `pages`, the titles it stands under given once."""
    places: dict[str, int] = {}
    records = []
    for unit in (unit for page in pages for unit in page):
        record: dict[str, object] = {"u": unit.url, "w": places.setdefault(unit.where, len(places)), "t": unit.text}
        if unit.id:
            record["i"] = unit.id
        records.append(record)
    data = json.dumps({"places": list(places), "units": records}, ensure_ascii=False, separators=(",", ":"))
    return f"self.tiptoolkitSearchIndex = {data};\n"


def wordings_script(edition: Edition) -> str:
    """`search/wordings.js`: the text of each item of `edition`, by ID, for the other editions'
    search (an edition's index does not hold them: a live reload rebuilds only the edition edited)."""
    country = edition.strings.labels.country
    data = json.dumps({item.id: plain_text(item.text, country) for item in edition.items},
                      ensure_ascii=False, separators=(",", ":"))
    return f"(self.tiptoolkitSearchWordings = self.tiptoolkitSearchWordings || {{}})[{json.dumps(edition.lang)}] = {data};\n"


def other_wordings(lang: str, langs: list[str]) -> list[str]:
    """Where the edition of `lang` finds the other editions' wordings, from its root."""
    return [f"../{other}/{WORDINGS}" for other in langs if other != lang]


def _package_file(*parts: str) -> Path:
    path = PACKAGES.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `make install` (it runs `npm ci`)")
    return path


def library() -> Path:
    """MiniSearch's browser build (UMD: a classic script that defines `MiniSearch`)."""
    return _package_file("minisearch", "dist", "umd", "index.js")


@lru_cache(maxsize=4)
def language_script(lang: str) -> str:
    """The stemmer and the stop words for `lang`'s edition, as a classic script defining
    `tiptoolkitSearchLanguage`: the packages' CommonJS builds, each run with its own `exports`.
    The stop words are every language's: the search also matches the other editions' wordings."""
    if lang not in STEMMERS:
        raise ValueError(f"no stemmer for the language {lang!r}: add it to STEMMERS in {__name__} "
                         "(a Snowball stemmer from npm, and the language's @orama/stopwords)")
    path, function = STEMMERS[lang]
    stemmer = _package_file(*path).read_text(encoding="utf-8")
    stop_words = [_package_file("@orama", "stopwords", "dist", f"{code}.cjs").read_text(encoding="utf-8")
                  for code in sorted(STEMMERS)]
    modules = "".join(f"(function (exports) {{\n{source}\n}})(modules[{n}] = {{}});\n"
                      for n, source in enumerate([stemmer, *stop_words]))
    return ("(function () {\n\"use strict\";\nvar modules = [];\n" + modules +
            f"self.tiptoolkitSearchLanguage = {{stem: modules[0].{function}, stopWords: [].concat("
            + ", ".join(f"modules[{n}].stopwords" for n in range(1, len(stop_words) + 1)) + ")};\n})();\n")
