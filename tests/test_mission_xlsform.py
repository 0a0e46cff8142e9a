"""The XLSForm of a selection (issue 16, part 3), made on the mission page in Debian's Chromium from the
real built site: it converts with pyxform without a warning; its field names map back to exactly the
items a print of the selection prints (each question with its sub-items), in page order; its rows,
labelled in both languages, are the whole pack's; its choices are the lists those rows use; its
settings name the selection. With nothing selected, the button says so, as the print does."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from pyxform import xls2xform

from tiptoolkit.catalog import load_edition
from tiptoolkit.mission_data import part_items, sections_of
from tiptoolkit.xlsform import form_path, item_id

pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # write-excel-file's, as openpyxl says

# A chapter's part, an annex question with sub-items on one of the annex scales, a Working Group paper's question.
SELECTION = ("IV.C", "ANNEX.F.1", "BP2019.Q.3.g")


def selected_items(edition) -> list[str]:
    """Every item within a token of SELECTION, in page order: the questions and their sub-items."""
    ids = [e.item.id for s in sections_of(edition) for part in s.parts for e in part_items(part)]
    return [i for i in ids if any(i == token or i.startswith(f"{token}.") for token in SELECTION)]


def rows(book, name: str) -> list[dict]:
    """A sheet's rows as dicts by column name, empty cells as ""."""
    header, *body = [[cell or "" for cell in row] for row in book[name].iter_rows(values_only=True)]
    return [dict(zip(header, row)) for row in body]


@pytest.fixture(scope="module")
def pack(site) -> dict[str, list[dict]]:
    """The whole pack's sheets' rows."""
    book = openpyxl.load_workbook(site / form_path(None))
    return {name: rows(book, name) for name in ("survey", "choices")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_selections_xlsform_holds_its_items_and_converts(browser, served, pack, tmp_path, lang):
    edition = load_edition(lang)
    ui, checklist = edition.strings.mission.ui, edition.strings.checklist
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors, downloads = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("download", lambda download: downloads.append(download))
    page.goto(f"{served}{lang}/mission/?select={','.join(SELECTION)}", wait_until="load")
    page.locator(".tk-mission-bar:not([hidden])").wait_for()
    button = page.get_by_role("button", name=ui["xlsform_selection"], exact=True)

    with page.expect_download() as download:
        button.click()
    data = download.value.path().read_bytes()
    warnings: list[str] = []
    assert "<h:html" in xls2xform.convert(data, file_type=".xlsx", warnings=warnings).xform and warnings == []

    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["survey", "choices", "settings"]
    survey = rows(book, "survey")
    fields = [row for row in survey if row["type"] not in ("begin_group", "end_group")]
    expected = selected_items(edition)
    assert "ANNEX.F.1.a" in expected and "IV.C.1" in expected
    assert [item_id(row["name"]) for row in fields] == [(i, f) for i in expected for f in ("response", "notes")]
    named = {row["name"]: row for row in pack["survey"]}
    assert all(row == named[row["name"]] for row in fields)  # the pack's rows, labels and all
    assert all(row["label::Français (fr)"] and row["label::English (en)"] for row in fields)
    groups = [row["name"] for row in survey if row["type"] == "begin_group"]
    assert groups == ["IV", "IV_C", "ANNEX", "ANNEX_F", "BP2019", "BP2019_Q"]
    assert len(groups) == sum(row["type"] == "end_group" for row in survey)

    used = {row["type"].split()[1] for row in fields if row["type"].startswith("select_one ")}
    assert 1 < len(used) < len({row["list_name"] for row in pack["choices"]})  # the response, a scale, not another
    assert rows(book, "choices") == [row for row in pack["choices"] if row["list_name"] in used]
    [settings] = rows(book, "settings")
    questions = sum(edition.item(i).depth == 0 for i in expected)
    assert settings["form_title"] == ui["xlsform_title"].format(site=edition.strings.site_name, n=questions)
    assert re.fullmatch(r"tiptoolkit_selection_[0-9a-f]{12}", settings["form_id"])
    assert re.fullmatch(r"[0-9a-f]{12}", settings["version"]) and settings["default_language"] == "Français (fr)"
    assert download.value.suggested_filename == f"{settings['form_id']}.xlsx"

    page.get_by_role("button", name=checklist.clear, exact=True).click()
    button.click()
    page.get_by_role("alert").filter(has_text=checklist.nothing_selected).wait_for()
    assert len(downloads) == 1 and errors == []
    context.close()
