"""Machine-readable export of every question and sub-item: `questions.json` and `questions.csv`."""

from __future__ import annotations

import csv
import io
import json

from .catalog import Edition, Item
from .render import plain_text

FIELDS = {
    "id": "Stable identifier, identical in every language: `IV.D.3.o`, `ANNEX.E.1.a.ii`",
    "anchor": "HTML anchor of the item on its page: the ID in lower case with dashes",
    "url": "Path of the item relative to the site root, with the anchor as fragment: `fr/iv/#iv-d-3-o`",
    "chapter": "Roman numeral of the chapter, or `ANNEX`",
    "part": "`C` (key questions), `D` (specific questions) or the annex section letter",
    "parent": "ID of the question or sub-item this item belongs to; null for a question",
    "heading": "Unnumbered sub-heading the question stands under, if any",
    "text": "The item's text, without its number, footnote references or markup",
}


def records(edition: Edition) -> list[dict]:
    country = edition.strings.labels.country

    def record(item: Item) -> dict:
        return {
            "id": item.id,
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
