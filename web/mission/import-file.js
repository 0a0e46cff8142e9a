/** A file chosen with "Import answers": a filled fillable PDF of the site (import-form.js), or a
 * KoboToolbox / ODK Central data export as XLSX or CSV (import.js). Which one it is, its first bytes
 * say, not its name. The PDF and XLSX readers are bundles of their own (pdf-lib, read-excel-file),
 * loaded when first needed. Its answers come back as mission files, one per submission. */

import { loadScript } from "./dom.js";
import { MissionFileError, checkSize } from "./file.js";
import { readForm } from "./import-form.js";
import { readExport, readGrid } from "./import.js";

/** Each reader's bundle on the site, beside mission.js, and the global it defines (tiptoolkit/bundles.py). */
export const READERS = {
  pdf: { script: "mission-import-pdf.js", global: "tkMissionImportPdf" },
  xlsx: { script: "mission-import-xlsx.js", global: "tkMissionImportXlsx" },
};
const PDF = "%PDF-";  // within a PDF's first KiB, as readers accept it
const HEAD = 1024;
const ZIP = [0x50, 0x4b, 0x03, 0x04];  // "PK", a zip file's first part: an XLSX workbook is one

/** What the file's `bytes` are: "pdf", "xlsx" (a zip file), or "csv" (anything else, read as text). */
export function kindOf(bytes) {
  if (new TextDecoder("latin1").decode(bytes.subarray(0, HEAD)).includes(PDF)) return "pdf";
  return ZIP.every((byte, index) => bytes[index] === byte) ? "xlsx" : "csv";
}

/** The readers' loader on the page: a reader's module, from its bundle beside `base` (mission.js's address). */
export function loadReader(base) {
  return async (kind) => {
    const { script, global } = READERS[kind];
    await loadScript(new URL(script, base).href);
    return globalThis[global];
  };
}

/**
 * The mission files of the chosen file `blob` (named `name`), each for the mission `mine`; a
 * MissionFileError for a file that does not fit, before anything changes.
 * @param {Blob} blob
 * @param {string} name
 * @param {{data: object, mine: object, load: function(string): Promise<object>, now?: Date}} how
 *   `load` gives the module of a READERS kind (loadReader on the page)
 */
export async function readImport(blob, name, { data, mine, load, now = new Date() }) {
  checkSize(blob.size);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const kind = kindOf(bytes);
  if (kind === "pdf") {
    const form = await (await load(kind)).pdfForm(bytes);
    if (!form) throw new MissionFileError("not-form");
    return readForm(form, name, data, mine, now);
  }
  if (kind === "xlsx") {
    const grid = await (await load(kind)).xlsxGrid(bytes);
    if (!grid) throw new MissionFileError("not-export");
    return readGrid(grid, name, data, mine, now);
  }
  return readExport(new TextDecoder().decode(bytes), name, data, mine, now);
}
