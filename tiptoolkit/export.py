"""Machine-readable export of every item (the toolkit's questions, the Working Group's
recommendations, paragraphs and questions for discussion), one record shape for all:
`questions.json` and `questions.csv`."""

from __future__ import annotations

import csv
import io
import json

from .edition import Edition, Item
from .markup import plain_text

FIELDS = {
    "id": "Stable identifier, identical in every language: `IV.D.3.o`, `ANNEX.E.1.a.ii`, `WG.IV.46.j.ii`, "
          "`BP2019.Q.3.g`",
    "kind": "`question` (toolkit), `recommendation`, `paragraph` or `discussion-question` (Working Group documents)",
    "anchor": "HTML anchor of the item on its page: the ID in lower case with dashes",
    "url": "Path of the item relative to the site root, with the anchor as fragment: `fr/iv/#iv-d-3-o`",
    "chapter": "Roman numeral of the chapter, `ANNEX`, or the Working Group document (`WG`, `BP2018`, `BP2019`, `SGR`)",
    "part": "`C` (key questions), `D` (specific questions), the annex section letter, the meeting (`IV`), "
            "the paper's section (`III`) or `Q` (questions for discussion)",
    "parent": "ID of the question or sub-item this item belongs to; null for a question",
    "heading": "Unnumbered sub-heading the question stands under (for questions for discussion, their theme), if any",
    "text": "The item's text, without its number, footnote references or markup",
}


def records(edition: Edition) -> list[dict]:
    country = edition.strings.labels.country

    def record(item: Item) -> dict:
        return {
            "id": item.id,
            "kind": item.kind,
            "anchor": item.anchor,
            "url": item.path(edition.lang),
            "chapter": item.chapter,
            "part": item.part,
            "parent": item.parent,
            "heading": item.heading,
            "text": plain_text(item.text, country),
        }

    return [record(item) for item in edition.items]


def to_json(edition: Edition) -> str:
    return json.dumps(records(edition), ensure_ascii=False, indent=1) + "\n"


def to_csv(edition: Edition) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for row in records(edition):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()
