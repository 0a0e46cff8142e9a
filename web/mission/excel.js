/**
 * The Excel files made in the browser. The hand-over (.xlsx) of a mission record (see record.js):
 * one sheet, a bold frozen header row in the mission's language, then one row per item (questions
 * and sub-items, in order) with its ID, chapter, part, texts in both languages, response, notes,
 * sources, assessor and last change. And the workbook of a selection's XLSForm (see xlsform.js).
 */
// write-excel-file's public entries zip with fflate's asynchronous zip(), which compresses any part
// of 160 kB or more (the sheet of a few hundred rows) in a Web Worker made from a blob: URL; the
// pages' Content-Security-Policy (worker-src 'none') forbids that. Its synchronous generator,
// the same code without the Worker, is not among the package's exports (upstream issue:
// github.com/catamphetamine/write-excel-file/issues/18), so it is imported by its path in the
// package pinned in package.json; tests/test_mission_exports.py checks the browser bundle.
import convertFileContent from "../../node_modules/write-excel-file/modules/export/convertFileContentToUint8ArrayUniversal.js";
import { generateXlsxFileSync } from "../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js";

import { sourceLine } from "./record.js";

/** The most characters an Excel cell holds. */
const CELL_LIMIT = 32767;

/** A cell's text, refused when longer than a cell holds (Excel would cut it and call the file damaged). */
function fitting(text, id, header) {
  if (text.length > CELL_LIMIT) {
    throw new Error(`The ${header} of ${id} are ${text.length} characters long, more than an Excel cell holds `
      + `(${CELL_LIMIT}): shorten them, or hand them over in the Word file.`);
  }
  return text;
}

/** The record's items, each with its chapter's and part's titles. */
function rows(record) {
  return record.sections.flatMap((section) => section.parts.flatMap((part) =>
    part.items.map((item) => ({ item, chapter: section.title, part: part.title }))));
}

/** The sheet's columns: header, width (in characters), and what each row shows; the question in each
 * of the editions' languages `langs`. */
function columns(labels, langs) {
  const questionIn = (lang) => labels.question_in.replace("{language}", labels.language_names[lang]);
  const column = (header, width, value) => ({
    header: { value: header, fontWeight: "bold", wrap: true, alignVertical: "top" },
    width,
    cell: (row) => ({ value: fitting(value(row), row.item.id, header), type: String, wrap: true, alignVertical: "top" }),
  });
  return [
    column(labels.id, 16, (row) => row.item.id),
    column(labels.chapter, 24, (row) => row.chapter),
    column(labels.part, 20, (row) => row.part),
    ...langs.map((lang) => column(questionIn(lang), 48, (row) => row.item.texts[lang])),
    column(labels.response, 14, (row) => row.item.response),
    column(labels.notes, 48, (row) => row.item.notes),
    column(labels.sources, 36, (row) => row.item.sources.map(sourceLine).join("\n")),
    column(labels.assessor, 18, (row) => row.item.assessor),
    column(labels.last_change, 26, (row) => row.item.changed),
  ];
}

/**
 * The Excel file of a mission record.
 * @param {object} record a RECORD from buildRecord
 * @returns {Promise<Blob>}
 */
export async function excelBlob(record) {
  const sheet = { columns: columns(record.labels, record.langs), sheet: record.labels.record, stickyRowsCount: 1 };
  return generateXlsxFileSync(rows(record), sheet, {}, convertFileContent);
}

/**
 * The workbook of an XLSForm's sheets: one sheet per entry, named by its key, every cell a string.
 * @param {Object<string, string[][]>} sheets rows of cells by sheet name (xlsform.js's selectionForm)
 * @returns {Promise<Blob>}
 */
export async function xlsformBlob(sheets) {
  const book = Object.entries(sheets).map(([name, rows]) => ({
    sheet: name, data: rows.map((row) => row.map((value) => ({ value, type: String }))),
  }));
  return generateXlsxFileSync(book, {}, undefined, convertFileContent);
}
