"""The mission's hand-overs (web/mission/word.js, excel.js), read back as their readers read them:
the Word file with python-docx (the toolkit's structure in Word's built-in headings, each item's
ID, response, notes, sources and last change, in order), the Excel file with openpyxl (a header
row, then one row per item in order, both languages' texts, responses, notes on several lines);
and their browser bundles, which must run as the mission page runs them (no eval, no Node
built-ins, no Web Worker) even for a selection as large as the toolkit.

tests/js/write-exports.mjs writes the files of tests/js/exports-fixture.mjs, and the record they
were made from, into a folder."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from tiptoolkit.edition import ROOT

pytestmark = [pytest.mark.content,
              # write-excel-file writes no default cell style, which openpyxl supplies (and says so)
              pytest.mark.filterwarnings("ignore:Workbook contains no default style")]

SCRIPT = ROOT / "tests" / "js" / "write-exports.mjs"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
NAME = "Mission-Bénin-Togo-2026-2026-12-07"  # the fixture's title and date, as a file name
FIRST_SOURCE = "Ministère de l’Intérieur — Directeur de la police des frontières — Circulaire 12/2021"
BUNDLES = {"word": "tkMissionWord", "excel": "tkMissionExcel"}  # as the site bundles them
CODE_FROM_STRINGS = re.compile(r"new Function|\bFunction\(|\beval\(")
COPIES = 60  # the fixture's 11 items 60 times: a sheet part well over fflate's 160 kB for a Worker


def write_exports(folder: Path, *options: str) -> Path:
    node = shutil.which("node")
    assert node, "Node.js is missing: install Node.js 18+ (Debian: apt-get install nodejs npm)"
    run = subprocess.run([node, str(SCRIPT), str(folder), *options], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, f"{SCRIPT.name} {' '.join(options)} failed:\n{run.stderr[-1500:]}"
    return folder


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    return write_exports(tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def record(exports) -> dict:
    return json.loads((exports / "record.json").read_text(encoding="utf-8"))


def items(record: dict) -> list[dict]:
    return [item for section in record["sections"] for part in section["parts"] for item in part["items"]]


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """The body's paragraphs (not the table's), as (style name, text)."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


# --- Word ---------------------------------------------------------------------------------------

def expected_headings(record: dict) -> list[tuple[str, str]]:
    out = [("Title", f"{record['labels']['record']} — {record['mission']['title']}")]
    for section in record["sections"]:
        out.append(("Heading 1", section["title"]))
        for part in section["parts"]:
            out.append(("Heading 2", part["title"]))
            for item in part["items"]:
                text = (f"{item['id']} — {item['text']}" if item["depth"] == 0
                        else f"{item['label']}) {item['text']} — {item['id']}")
                out.append((f"Heading {3 + item['depth']}", text))
    return out


def test_word_headings_are_the_toolkit_structure_in_built_in_styles(exports, record):
    path = exports / f"{NAME}.docx"
    headings = [(style, text) for style, text in paragraphs(path) if style == "Title" or style.startswith("Heading")]
    assert headings == expected_headings(record)
    assert headings[3:6] == [("Heading 3", "IV.C.1 — Existe-t-il des procédures d’identification ?"),
                             ("Heading 3", "IV.C.2 — Un mécanisme d’orientation est-il en place ?"),
                             ("Heading 2", "D. Questions spécifiques")]
    assert ("Heading 5", "i) Connaissance des techniques — ANNEX.E.1.a.i") in headings
    styles = {p.style.name: p.style for p in docx.Document(str(path)).paragraphs}
    for level in range(1, 6):  # Word's own heading styles, which its navigation pane shows
        assert styles[f"Heading {level}"].builtin, f"Heading {level} is not Word's built-in style"
        assert styles[f"Heading {level}"].style_id == f"Heading{level}"


def item_bodies(path: Path) -> dict[str, list[str]]:
    """Each item's paragraphs, by the ID its heading ends or starts with."""
    bodies, current = {}, None
    for style, text in paragraphs(path):
        if style in ("Heading 3", "Heading 4", "Heading 5"):
            current = text.split(" — ")[0] if style == "Heading 3" else text.rsplit(" — ", 1)[1]
            bodies[current] = []
        elif style.startswith("Heading"):
            current = None
        elif current:
            bodies[current].append(text)
    return bodies


def test_word_items_carry_response_notes_sources_and_last_change(exports, record):
    bodies = item_bodies(exports / f"{NAME}.docx")
    assert list(bodies) == [item["id"] for item in items(record)]
    assert bodies["IV.C.1"] == [
        "Réponse\u00a0: Oui", "Notes",
        "Procédures écrites depuis 2021.", "Appliquées surtout à la frontière.", "",
        "À vérifier auprès du ministère.",
        "Sources", FIRST_SOURCE, "ONG Aide — Rapport annuel 2025", "Inspectrice du travail",
        "Awa Diallo, 2026-12-03"]
    assert bodies["IV.C.2"] == ["Sans réponse"]
    assert bodies["ANNEX.E.1.a.i"] == ["Appréciation\u00a0: Faible", "Notes", "Formation ancienne.", "Sources",
                                       "Plan de formation 2019", "Awa Diallo, 2026-12-06"]
    for item in items(record):
        body = bodies[item["id"]]
        assert body[0] == (f"{item['scale']['label'] if item['scale'] else 'Réponse'}\u00a0: {item['response']}"
                           if item["response"] else "Sans réponse"), item["id"]
        if item["notes"]:
            start = body.index("Notes") + 1
            assert body[start:start + len(item["notes"].split("\n"))] == item["notes"].split("\n"), item["id"]


def test_word_sources_are_a_bulleted_list(exports):
    document = docx.Document(str(exports / f"{NAME}.docx"))
    bulleted = [p.text for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert bulleted == [FIRST_SOURCE, "ONG Aide — Rapport annuel 2025", "Inspectrice du travail",
                        "Plan de formation 2019"]


def test_word_file_names_the_mission_edition_date_and_selection_in_its_language(exports, record):
    document = docx.Document(str(exports / f"{NAME}.docx"))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows == [
        ["Pays", "Bénin"], ["Dates", "2026-12-01 – 2026-12-12"], ["Équipe", "Awa Diallo, Jean Martin"],
        ["Langue de travail", "français"], ["Date", "2026-12-07"],
        ["Édition", "Outil d’évaluation des besoins (édition de test) https://toolkit.example.org/"],
        ["Sélection", record["link"]]]
    assert document.core_properties.title == "Relevé de mission — Mission Bénin / Togo: 2026?"
    defaults = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    languages = defaults.findall(".//" + docx.oxml.ns.qn("w:lang"))
    assert [lang.get(docx.oxml.ns.qn("w:val")) for lang in languages] == ["fr-FR"]


# --- Excel --------------------------------------------------------------------------------------

def sheet(path: Path):
    return openpyxl.load_workbook(path).active


def test_excel_has_a_bold_frozen_header_row_in_the_missions_language(exports):
    rows = sheet(exports / f"{NAME}.xlsx")
    assert [cell.value for cell in rows[1]] == [
        "ID", "Chapitre", "Partie", "Question (français)", "Question (anglais)", "Réponse", "Notes", "Sources",
        "Évaluateur", "Dernière modification"]
    assert all(cell.font.b for cell in rows[1])
    assert rows.freeze_panes == "A2"
    assert rows.title == "Relevé de mission"
    assert all(rows.column_dimensions[column].width >= 14 for column in "ABCDEFGHIJ")


def test_excel_has_one_row_per_item_in_order(exports, record):
    rows = list(sheet(exports / f"{NAME}.xlsx").iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [item["id"] for item in items(record)]
    assert [row[0] for row in rows] == ["IV.C.1", "IV.C.2", "IV.D.2", "IV.D.2.a", "IV.D.2.b", "IV.D.3", "V.C.1",
                                        "ANNEX.E.1", "ANNEX.E.1.a", "ANNEX.E.1.a.i", "BP2019.Q.3"]
    for row, item in zip(rows, items(record)):
        assert row[3:6] == (item["texts"]["fr"], item["texts"]["en"], item["response"] or None), item["id"]
        assert row[6] == (item["notes"] or None), item["id"]
        assert row[8:10] == (item["assessor"] or None, item["changed"] or None), item["id"]


def test_excel_cells_keep_line_breaks_and_wrap(exports):
    rows = sheet(exports / f"{NAME}.xlsx")
    first = list(rows[2])
    assert [cell.value for cell in first[:3]] == ["IV.C.1", "IV. Identification des victimes", "C. Questions clefs"]
    assert first[6].value == ("Procédures écrites depuis 2021.\nAppliquées surtout à la frontière.\n\n"
                              "À vérifier auprès du ministère.")
    assert first[7].value == f"{FIRST_SOURCE}\nONG Aide — Rapport annuel 2025\nInspectrice du travail"
    assert first[5].value == "Oui"
    assert all(cell.alignment.wrap_text for cell in first)
    assert rows["F11"].value == "Faible"  # ANNEX.E.1.a.i, on its scale


# --- Browser bundles ----------------------------------------------------------------------------

def test_bundles_run_as_on_the_mission_page_even_for_the_whole_toolkit(tmp_path):
    bundles = tmp_path / "bundles"
    for name, global_name in BUNDLES.items():
        subprocess.run([str(ESBUILD), f"web/mission/{name}.js", "--bundle", "--format=iife", "--platform=browser",
                        f"--global-name={global_name}", "--minify", f"--outfile={bundles / f'{name}.js'}",
                        "--log-level=warning"], cwd=ROOT, check=True)
        code = (bundles / f"{name}.js").read_text(encoding="utf-8")
        assert not CODE_FROM_STRINGS.findall(code), f"{name}.js makes code from strings, which the CSP forbids"
    folder = write_exports(tmp_path / "out", "--bundles", str(bundles), "--copies", str(COPIES))
    assert sheet(folder / f"{NAME}.xlsx").max_row == 1 + COPIES * 11
    headings = [text for style, text in paragraphs(folder / f"{NAME}.docx") if style == "Heading 3"]
    assert len(headings) == COPIES * 7
