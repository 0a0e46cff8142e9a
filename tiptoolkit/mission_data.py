"""The mission workspace's data: what the mission page's scripts (web/mission/) know of the
edition, as a JSON data block of the page. Every answerable item (the chapters' questions and
sub-items, the annex form's items, the Working Group's questions for discussion) in page order,
with its texts in every language (the Excel hand-over gives both, the Word one the mission's
language, whatever the page's), the sections and parts they stand in, the annex scales, the
hand-over's words in every language and the workspace's own words in the page's.

The same sections as the printable checklists (`checklist.Printer`): a mission's answers are
exactly the items the mission page prints.
"""

from __future__ import annotations

import json

from .checklist import Entry, Printer, Section, load_publication
from .edition import ROOT, Edition
from .markup import plain_text

DATA_ID = "tk-mission-data"  # the id of the page's `<script type="application/json">`
KEY_PART = "C"  # a chapter's key questions


def _flat(entries: list[Entry]) -> list[Entry]:
    return [e for entry in entries for e in (entry, *_flat(entry.children))]


def _items(sections: list[Section]) -> list[tuple[Section, str, Entry]]:
    return [(s, part.id, e) for s in sections for part in s.parts for group in part.groups
            for e in _flat(group.questions)]


def mission_data(lang: str, editions: dict[str, Edition], root=ROOT) -> dict:
    """The data of `lang`'s mission page (see the module's docstring and web/mission/main.js)."""
    publication = load_publication(root)
    sections = {code: Printer(edition, publication).sections() for code, edition in editions.items()}
    texts = {code: {e.item.id: plain_text(e.item.text, editions[code].strings.labels.country)
                    for _, _, e in _items(found)} for code, found in sections.items()}
    titles = {code: {s.id: s.bookmark for s in found} | {p.id: p.bookmark for s in found for p in s.parts}
              for code, found in sections.items()}
    edition = editions[lang]

    def each(mapping: dict[str, dict[str, str]], key: str) -> dict[str, str]:
        return {code: mapping[code][key] for code in editions}

    return {
        "lang": lang,
        "langs": list(editions),
        "site": {code: e.strings.site_name for code, e in editions.items()},
        "address": publication.url,
        "responses": list(edition.strings.mission.labels.responses),
        "labels": {code: e.strings.mission.labels.model_dump() for code, e in editions.items()},
        "scales": {name: {"label": {code: e.annex_scales[name].label for code, e in editions.items()},
                          "options": {code: e.annex_scales[name].options for code, e in editions.items()}}
                   for name in edition.annex_scales},
        "sections": [{"id": s.id, "anchor": s.anchor, "title": each(titles, s.id),
                      "parts": [{"id": p.id, "anchor": p.anchor, "title": each(titles, p.id),
                                 "key": not s.is_annex and p.id == f"{s.id}.{KEY_PART}"} for p in s.parts]}
                     for s in sections[lang]],
        "items": [{"id": e.item.id, "section": s.id, "part": part, "parent": e.item.parent, "depth": e.item.depth,
                   "label": e.item.label or None, "scale": e.item.scale, "text": each(texts, e.item.id),
                   "link": e.link} for s, part, e in _items(sections[lang])],
        "strings": edition.strings.mission.model_dump(exclude={"labels"}),
    }


def data_block(lang: str, editions: dict[str, Edition], root=ROOT) -> str:
    """The data as the page carries it: a JSON data block, which browsers neither run nor check
    against the page's policy. `<` is escaped so that no text can close the element."""
    text = json.dumps(mission_data(lang, editions, root), ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/json" id="{DATA_ID}">{text.replace("<", chr(92) + "u003c")}</script>'
