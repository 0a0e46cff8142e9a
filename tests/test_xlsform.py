"""The XLSForms (issue 16, part 3): one per printable document, at the site root and in the
offline bundle, linked from every edition's Checklists page; each converts with pyxform, the
reference converter, without a warning; its field names map back, one to one, to exactly the
document's item IDs; its labels are in every language, the source's the default; the same
content makes the same bytes."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile

import openpyxl
import pytest
from pyxform import xls2xform

import html_pages
from tiptoolkit.catalog import editions as all_editions
from tiptoolkit.edition import ROOT
from tiptoolkit.mission_data import PACK_GLOBAL, PACK_SHEETS, part_items, sections_of
from tiptoolkit.pdf import document_stem
from tiptoolkit.site import BUNDLE, BUNDLE_FOLDER
from tiptoolkit.xlsform import FOLDER, field_name, form_path, item_id, workbooks

@pytest.fixture(scope="module")
def forms() -> dict[str, bytes]:
    return workbooks(all_editions())


def document_ids(slug: str | None) -> list[str]:
    """The IDs a document's form asks, in order: every item of its sections (all of them for the pack)."""
    sections = sections_of(next(iter(all_editions().values())))
    return [entry.item.id for s in sections if slug is None or s.slug == slug for part in s.parts
            for entry in part_items(part)]


def sheet(data: bytes, name: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(io.BytesIO(data), read_only=True)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_every_document_has_a_form_named_as_its_pdfs(forms):
    slugs = [s.slug for s in sections_of(next(iter(all_editions().values())))] + [None]
    assert sorted(name for name in forms if name != PACK_SHEETS) == sorted(
        f"{FOLDER}/{document_stem(slug)}.xlsx" for slug in slugs)


def test_the_pack_sheets_script_holds_the_pack_forms_rows(forms):
    """The mission page cuts a selection's form from these (web/mission/xlsform.js)."""
    script = forms[PACK_SHEETS].decode()
    prefix = f"globalThis.{PACK_GLOBAL} = "
    assert script.startswith(prefix) and script.endswith(";\n")
    sheets = json.loads(script[len(prefix):-2])
    book = openpyxl.load_workbook(io.BytesIO(forms[form_path(None)]), read_only=True)
    for name in ("survey", "choices", "settings"):
        rows = [[cell if cell is not None else "" for cell in row] for row in book[name].iter_rows(values_only=True)]
        assert sheets[name] == rows, name
    assert form_path("annex") == "xlsform/interview-form.xlsx" and form_path(None) == "xlsform/mission-pack.xlsx"


def test_every_form_converts_with_pyxform_without_a_warning(forms):
    for path, data in ((path, data) for path, data in forms.items() if path != PACK_SHEETS):
        warnings: list[str] = []
        result = xls2xform.convert(data, file_type=".xlsx", warnings=warnings)
        assert "<h:html" in result.xform and warnings == [], path


@pytest.mark.parametrize("slug", ["iv", "annex", "background-2019", None])
def test_field_names_map_back_to_exactly_the_documents_ids(forms, slug):
    rows = [row for row in sheet(forms[form_path(slug)], "survey") if row["type"] not in ("begin_group", "end_group")]
    mapped = [item_id(row["name"]) for row in rows]
    ids = document_ids(slug)
    assert mapped == [(i, field) for i in ids for field in ("response", "notes")]
    assert all(field_name(*pair) == row["name"] for pair, row in zip(mapped, rows))


def test_labels_in_every_language_with_the_scales_as_choices(forms):
    editions = all_editions()
    names = [f"{e.strings.language_name} ({lang})" for lang, e in editions.items()]
    survey = sheet(forms[form_path("annex")], "survey")
    item = next(row for row in survey if row["name"] == "ANNEX_E_1_a_i_response")
    assert item["type"] == "select_one usage" and item["hint::" + names[0]] == "ANNEX.E.1.a.i"
    for (lang, edition), name in zip(editions.items(), names):
        assert item[f"label::{name}"] == f"ANNEX.E.1.a.i — {edition.item('ANNEX.E.1.a.i').text}"
    choices = sheet(forms[form_path("iv")], "choices")
    yes = next(row for row in choices if row["list_name"] == "response" and row["name"] == "yes")
    assert [yes[f"label::{name}"] for name in names] == [e.strings.mission.labels.responses["yes"] for e in editions.values()]
    assert {row["list_name"] for row in choices} == {"response", *next(iter(editions.values())).annex_scales}
    settings = sheet(forms[form_path("iv")], "settings")[0]
    assert settings["default_language"] == names[0] and settings["form_id"] == "tiptoolkit_iv"


def test_a_name_that_is_not_a_field_of_ours_is_refused():
    for name in ("IV_D_3_o_answer", "_notes", "meta_instanceID"):
        with pytest.raises(ValueError, match="not a field of the toolkit's forms"):
            item_id(name)


def test_the_same_content_makes_the_same_bytes(forms, tmp_path, monkeypatch):
    from tiptoolkit import caches, xlsform

    monkeypatch.setenv(caches.VARIABLE, str(tmp_path))  # an empty cache: every form made again
    assert workbooks(all_editions()) == forms
    assert len(list((tmp_path / xlsform.FOLDER).iterdir())) == len(forms) - 1  # the workbooks; not the pack's sheets
    with zipfile.ZipFile(io.BytesIO(forms[form_path("iv")])) as book:  # no date of the moment it was made
        assert {info.date_time for info in book.infolist()} == {xlsform.ZIP_TIME}
        assert b"2026-01-01T00:00:00Z" in book.read("docProps/core.xml")


def test_the_checklists_pages_link_every_form_on_the_site_and_in_the_bundle(site):
    for lang in all_editions():
        page = html_pages.page(site / lang / "checklists" / "index.html")
        links = [a["href"] for a in page.select('a[href$=".xlsx"]')]
        assert links and all((site / lang / "checklists" / href).resolve().is_file() for href in links)
    with zipfile.ZipFile(site / BUNDLE) as bundle:
        assert f"{BUNDLE_FOLDER}/{form_path('iv')}" in bundle.namelist()


def test_the_mission_page_reads_every_field_name_back_as_python_does(forms):
    """web/mission/import.js maps an export's columns (group path, then the field) to the same items."""
    names = [row["name"] for row in sheet(forms[form_path(None)], "survey") if row["name"]]
    fields = [name for name in names if name.endswith(("_response", "_notes"))]
    script = ('import { columnField } from "./web/mission/import.js"; let text = "";'
              'process.stdin.on("data", (chunk) => { text += chunk; }); process.stdin.on("end", () =>'
              'console.log(JSON.stringify(JSON.parse(text).map((name) => columnField(`IV-IV_C-${name}`)))));')
    result = subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, input=json.dumps(fields),
                            capture_output=True, text=True, check=True)
    assert [(f["id"], f["field"]) for f in json.loads(result.stdout)] == [item_id(name) for name in fields]
