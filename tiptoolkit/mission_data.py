"""The mission workspace's data: what the mission page's scripts (web/mission/) know of the
edition. The page carries, as a JSON data block, every answerable item (the chapters' questions
and sub-items, the annex form's items, the Working Group's questions for discussion) in page
order with the sections and parts they stand in, the workspace's own words, and this edition's
words: its items' texts, its titles, its annex scales, the hand-overs' labels. Another
language's words are that edition's `mission/words.js`, which the page loads when a hand-over
needs them (the Excel file gives the questions in every language; the Word file is in the
mission's language): so a page holds nothing of another edition, and a live reload of one
language leaves the others as they are.

The same sections as the printable checklists (`checklist.Printer`): a mission's answers are
exactly the items the mission page prints.
"""

from __future__ import annotations

import json

from .checklist import Entry, Part, Printer, Section, load_publication
from .edition import ROOT, Edition, up_to_site_root
from .markup import plain_text

DATA_ID = "tk-mission-data"  # the id of the page's `<script type="application/json">`
WORDS = "mission/words.js"  # an edition's words, under its root
PACK_SHEETS = "xlsform/mission-pack.js"  # under the site root: the pack's XLSForm sheets (tiptoolkit.xlsform)
PACK_GLOBAL = "tkXlsformPack"  # the global that script defines
KEY_PART = "C"  # a chapter's key questions


def _flat(entries: list[Entry]) -> list[Entry]:
    return [e for entry in entries for e in (entry, *_flat(entry.children))]


def part_items(part: Part) -> list[Entry]:
    """A part's items in page order: each question, then its sub-items."""
    return [e for group in part.groups for e in _flat(group.questions)]


def _items(sections: list[Section]) -> list[tuple[Section, str, Entry]]:
    return [(s, part.id, e) for s in sections for part in s.parts for e in part_items(part)]


def sections_of(edition: Edition, root=ROOT) -> list[Section]:
    """The edition's sections with answerable items, as the checklists print them."""
    return Printer(edition, load_publication(root)).sections()


def words_of(edition: Edition, root=ROOT) -> dict:
    """The edition's words (see `_words`)."""
    return _words(edition, sections_of(edition, root))


def _words(edition: Edition, sections: list[Section]) -> dict:
    """The edition's words for the workspace: its name, the hand-overs' labels, its annex scales,
    the titles of its sections and parts, its items' texts (plain)."""
    country = edition.strings.labels.country
    return {
        "site": edition.strings.site_name,
        "labels": edition.strings.mission.labels.model_dump(),
        "scales": {name: {"label": scale.label, "options": scale.options} for name, scale in edition.annex_scales.items()},
        "titles": {s.id: s.bookmark for s in sections} | {p.id: p.bookmark for s in sections for p in s.parts},
        "texts": {e.item.id: plain_text(e.item.text, country) for _, _, e in _items(sections)},
    }


def words_script(edition: Edition, root=ROOT) -> str:
    """`mission/words.js`: the edition's words, for the other editions' mission pages (a classic
    script, which loads from `file://` too)."""
    data = json.dumps(words_of(edition, root), ensure_ascii=False, separators=(",", ":"))
    return f"(self.tiptoolkitMissionWords = self.tiptoolkitMissionWords || {{}})[{json.dumps(edition.lang)}] = {data};\n"


def mission_data(edition: Edition, langs: list[str], *, directory_urls: bool, root=ROOT) -> dict:
    """The data of the edition's mission page (see the module's docstring and web/mission/data.js).
    `langs` are every edition's languages; `directory_urls` says where the page is (`fr/mission/`
    or `fr/mission.html`), hence where the other editions' words are from it."""
    up = up_to_site_root(directory_urls=directory_urls)
    sections = sections_of(edition, root)
    return {
        "lang": edition.lang,
        "langs": langs,
        "address": load_publication(root).url,
        "responses": list(edition.strings.mission.labels.responses),
        "words": {edition.lang: _words(edition, sections)},
        "others": {lang: f"{up}{lang}/{WORDS}" for lang in langs if lang != edition.lang},
        "packSheets": {"src": f"{up}{PACK_SHEETS}", "global": PACK_GLOBAL},  # for the XLSForm of a selection
        "sections": [{"id": s.id, "anchor": s.anchor,
                      "parts": [{"id": p.id, "anchor": p.anchor, "key": not s.is_annex and p.id == f"{s.id}.{KEY_PART}"}
                                for p in s.parts]}
                     for s in sections],
        "items": [{"id": e.item.id, "section": s.id, "part": part, "parent": e.item.parent, "depth": e.item.depth,
                   "label": e.item.label or None, "scale": e.item.scale, "link": e.link}
                  for s, part, e in _items(sections)],
        "strings": edition.strings.mission.model_dump(exclude={"labels"}),
    }


def data_block(edition: Edition, langs: list[str], *, directory_urls: bool, root=ROOT) -> str:
    """The data as the page carries it: a JSON data block, which browsers neither run nor check
    against the page's policy. `<` is escaped so that no text can close the element."""
    data = mission_data(edition, langs, directory_urls=directory_urls, root=root)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/json" id="{DATA_ID}">{text.replace("<", chr(92) + "u003c")}</script>'
