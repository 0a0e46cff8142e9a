/** The cells of an XLSX workbook's first sheet as text, read with read-excel-file, for import.js's
 * readGrid. A bundle of its own (tiptoolkit/bundles.py), loaded when a workbook is first imported.
 *
 * read-excel-file's public entries unzip with fflate's asynchronous unzip(), which inflates a large
 * part in a Web Worker; the pages' Content-Security-Policy (worker-src 'none') forbids that. So the
 * workbook is unzipped here with fflate's unzipSync, and its sheet read with read-excel-file's own
 * parser (parseSheet, with its XML reader and no worker), imported by their paths in the package
 * pinned in package.json, as excel.js does for write-excel-file. */

import { unzipSync } from "fflate";

import parseSheet from "../../node_modules/read-excel-file/modules/export/parseSheet.js";
import parseXml from "../../node_modules/read-excel-file/modules/xml/parseXml.js";

/** The parts of a workbook read-excel-file reads: its XML files. */
const XML_PART = /\.xml(\.rels)?$/;

/** A cell as the text a CSV export would hold (a date as an ISO 8601 moment in UTC). */
function text(cell) {
  if (cell === null || cell === undefined) return "";
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * The first sheet of the workbook `bytes`, rows of cells as text; null for bytes that are not a
 * workbook read-excel-file can read (another zip file, a damaged one).
 * @param {Uint8Array} bytes
 * @returns {Promise<string[][]|null>}
 */
export async function xlsxGrid(bytes) {
  let rows;
  try {
    const contents = unzipSync(bytes, { filter: (file) => XML_PART.test(file.name) });
    rows = await parseSheet(undefined, parseXml, contents, 1);
  } catch {
    return null;
  }
  return rows.map((cells) => cells.map(text));
}
