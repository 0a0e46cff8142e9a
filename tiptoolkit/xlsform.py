"""XLSForms: the form definitions KoboToolbox and ODK Collect read, one per printable document
(each chapter's checklist, the annex interview form, each Working Group paper's questions for
discussion, the whole mission pack), named as its PDFs are (`checklist-iv.xlsx`), with the
questions in every language. They are at the site root (`xlsform/`), beside the editions: each
holds every edition's words, so that a live reload of one language remakes them whole.

Sheets `survey`, `choices` and `settings` (https://xlsform.org): a group per chapter and part;
per item a response (the toolkit's scale, or the annex item's own scale) and multi-line notes,
labelled in every language (`label::Français (fr)`, the source's first: the default), the
item's ID as their hint. Field names come from the IDs (`IV.D.3.o` → `IV_D_3_o_response`,
`IV_D_3_o_notes`; IDs hold no `_`, so `item_id` maps them back one to one). A workbook is written
with openpyxl, byte for byte the same for the same content (fixed dates, in its properties and
in its zip), into the build cache, by the fingerprint of its rows: a build makes only the forms
whose questions or words changed (a live reload keeps its first build's, as it keeps its PDFs).

The whole pack's sheets are also a script beside them (`xlsform/mission-pack.js`), from which the
mission page cuts the form of a selection (web/mission/xlsform.js): one description of the forms.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from . import caches
from .checklist import Section
from .edition import ROOT, Edition
from .mission_data import PACK_GLOBAL, PACK_SHEETS, part_items, sections_of, words_of
from .pdf import document_stem

FOLDER = "xlsform"  # at the site root
RESPONSE = "response"  # the choice list of the toolkit's scale
FIELDS = ("response", "notes")  # each item's two fields, as their names end
FIXED = datetime(2026, 1, 1)  # the workbook's dates: none that would change between builds
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def field_name(item_id: str, field: str) -> str:
    """`IV.D.3.o` and `response` → `IV_D_3_o_response`: a valid XML name."""
    return f"{item_id.replace('.', '_')}_{field}"


def item_id(name: str) -> tuple[str, str]:
    """`IV_D_3_o_response` → (`IV.D.3.o`, `response`); ValueError for a name `field_name` does not make."""
    stem, _, field = name.rpartition("_")
    if field not in FIELDS or not stem:
        raise ValueError(f"{name!r} is not a field of the toolkit's forms (an item's ID, then _response or _notes)")
    return stem.replace("_", "."), field


def form_path(slug: str | None) -> str:
    """Where the form of the document printing page `slug` (None: the mission pack) is, from the site root."""
    return f"{FOLDER}/{document_stem(slug)}.xlsx"


@dataclass(frozen=True)
class Form:
    """One XLSForm: its document's page (None: the whole pack), its ID and the sections it asks."""

    slug: str | None
    form_id: str
    sections: tuple[Section, ...]


def forms(sections: list[Section]) -> list[Form]:
    """Every document's form: each section's, then the whole pack's."""
    one = [Form(s.slug, f"tiptoolkit_{s.slug.replace('-', '_')}", (s,)) for s in sections]
    return [*one, Form(None, "tiptoolkit_mission_pack", tuple(sections))]


def workbooks(editions: dict[str, Edition], root=ROOT) -> dict[str, bytes]:
    """Every form, by its path from the site root (`xlsform/checklist-iv.xlsx`), from the cache when
    its rows are those of a form made before; and the pack's sheets as a script (`PACK_SHEETS`)."""
    ordered = list(editions.values())
    words = {e.lang: words_of(e, root) for e in ordered}
    cache = caches.folder(FOLDER)
    writer = Path(__file__).read_bytes() + openpyxl.__version__.encode()  # what writes them: another, other bytes
    out = {}
    for form in forms(sections_of(ordered[0], root)):
        sheets = _sheets(form, ordered, words)
        path = cache / f"{hashlib.sha256(writer + repr(sheets).encode()).hexdigest()[:32]}.xlsx"
        if not path.exists():
            scratch = path.with_name(f"{path.stem}.{os.getpid()}.tmp")  # builds of both languages may make it at once
            scratch.write_bytes(_written(sheets))
            os.replace(scratch, path)
        out[form_path(form.slug)] = path.read_bytes()
        if form.slug is None:
            out[PACK_SHEETS] = f"globalThis.{PACK_GLOBAL} = {json.dumps(sheets, ensure_ascii=False)};\n".encode()
    return out


def _language(edition: Edition) -> str:
    """How XLSForm names a language: `Français (fr)`."""
    return f"{edition.strings.language_name} ({edition.lang})"


def _sheets(form: Form, ordered: list[Edition], words: dict) -> dict[str, list[list[str]]]:
    """The rows of `form`'s sheets, in the languages of the `ordered` editions, the first the default."""
    source = ordered[0]
    languages = [_language(e) for e in ordered]
    survey = [["type", "name", *(f"label::{name}" for name in languages), *(f"hint::{name}" for name in languages),
               "appearance"]]
    for section in form.sections:
        survey += _section(section, ordered, words)
    choices = [["list_name", "name", *(f"label::{name}" for name in languages)]]
    for value in source.strings.mission.labels.responses:
        choices.append([RESPONSE, value, *(e.strings.mission.labels.responses[value] for e in ordered)])
    for scale, options in source.annex_scales.items():
        for number in range(1, len(options.options) + 1):
            choices.append([scale, str(number), *(words[e.lang]["scales"][scale]["options"][number - 1] for e in ordered)])
    title = words[source.lang]["titles"][form.sections[0].id] if form.slug else source.strings.checklist.mission_pack
    version = hashlib.sha256(repr(survey).encode()).hexdigest()[:12]  # ODK Central needs a new one for a changed form
    settings = [["form_title", "form_id", "version", "default_language"],
                [f"{source.strings.site_name} — {title}", form.form_id, version, languages[0]]]
    return {"survey": survey, "choices": choices, "settings": settings}


def _written(sheets: dict[str, list[list[str]]]) -> bytes:
    """The workbook of `sheets`, written as it goes (several times faster for the whole pack)."""
    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    return _fixed(book)


def _section(section: Section, ordered: list[Edition], words: dict) -> list[list[str]]:
    """The survey's rows of a section: its group, a group per part, each item's response and notes."""
    def each(key: str, what: str) -> list[str]:
        return [words[e.lang][what][key] for e in ordered]

    blank = [""] * len(ordered)
    rows = [["begin_group", section.id.replace(".", "_"), *each(section.id, "titles"), *blank, ""]]
    for part in section.parts:
        items = part_items(part)
        if not items:
            continue
        rows.append(["begin_group", part.id.replace(".", "_"), *each(part.id, "titles"), *blank, ""])
        for entry in items:
            item = entry.item
            texts = [f"{item.id} — {text}" for text in each(item.id, "texts")]
            notes = [e.strings.mission.ui["notes_of"].replace("{id}", item.id) for e in ordered]
            ids = [item.id] * len(ordered)
            rows.append([f"select_one {item.scale or RESPONSE}", field_name(item.id, "response"), *texts, *ids, ""])
            rows.append(["text", field_name(item.id, "notes"), *notes, *ids, "multiline"])
        rows.append(["end_group", "", *blank, *blank, ""])
    rows.append(["end_group", "", *blank, *blank, ""])
    return rows


def _fixed(book: Workbook) -> bytes:
    """The workbook's bytes with fixed dates: in its properties, and for every file of the zip."""
    book.properties.created = book.properties.modified = FIXED
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the time of saving as the modification
                data = _dated(data)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _dated(core: bytes) -> bytes:
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, core)
