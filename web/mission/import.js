/** The answers of a data export from KoboToolbox or ODK Central (a row per submission, a column per
 * field, named by its group path: `IV-IV_C-IV_C_1_response` in ODK Central, `IV/IV_C/IV_C_1_response` in
 * KoboToolbox), filled in one of the site's XLSForms (tiptoolkit/xlsform.py): as CSV text, or as the
 * cells of an XLSX workbook's first sheet (import-xlsx.js reads them). Each submission becomes a
 * mission file, for the workspace's merge; each of its answers says where it came from. A file that
 * is not such an export, or that answers what this edition does not have, is refused whole. */

import Papa from "papaparse";

import { MissionFileError, isoNow } from "./file.js";
import { ITEM_FIELDS, submissionFile } from "./submission.js";

// The XLSForms' field names: the item's ID with `_` for `.`, then the field.
const FIELD = new RegExp(`^(.+)_(${ITEM_FIELDS.join("|")})$`);
const SUBMITTED = ["SubmissionDate", "_submission_time", "end"];  // ODK Central, KoboToolbox, the form's own
const SUBMITTER = ["SubmitterName", "_submitted_by", "username"];
const ORIGIN = "ODK";  // who a submission is by when it names no submitter

/** The item and field a column holds (its path's last name), or null for a column of no field of ours. */
export function columnField(column) {
  const match = FIELD.exec(column.split(/[-/]/).pop());
  return match ? { id: match[1].replaceAll("_", "."), field: match[2] } : null;
}

function first(row, names) {
  const name = names.find((key) => row[key]);
  return name ? row[name].trim() : "";
}

/** When a submission was made, as the mission file writes it (a time without a zone is taken as UTC). */
function moment(text, now) {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? isoNow(now) : isoNow(date);
}

/** Whether `columns` are named by the questions' labels (KoboToolbox's "Labels" export), each of
 * which names its item's ID (`IV.C.1 — …`, `Notes — IV.C.1`), rather than by the fields. */
function labelled(columns, data) {
  const ids = new Set(data.items.map((item) => item.id));
  return columns.some((column) => column.split(/[\s/]+/).some((word) => ids.has(word)));
}

/** The mission files of an export's `rows` (objects by column name) under its `columns`. */
function readTable(columns, rows, name, data, mine, now) {
  const fields = columns.map((column) => [column, columnField(column)]).filter(([, field]) => field);
  if (!fields.length && labelled(columns, data)) throw new MissionFileError("export-labels");
  if (!fields.length || !rows.length) throw new MissionFileError("not-export");
  return rows.map((row) => {
    const submitter = first(row, SUBMITTER) || ORIGIN;
    const entries = fields.map(([column, { id, field }]) => ({ where: column, id, field, value: row[column] ?? "" }));
    return submissionFile({ mine, submitter, by: `${submitter} (${name})`, at: moment(first(row, SUBMITTED), now),
                            entries, data });
  });
}

/** The mission files of the CSV export `text` (named `name`), one per submission, each for the mission `mine`. */
export function readExport(text, name, data, mine, now = new Date()) {
  const { data: rows, meta } = Papa.parse(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy" });
  return readTable(meta.fields || [], rows, name, data, mine, now);
}

/** The mission files of an XLSX export's first sheet, `grid` (rows of cells as text, the column
 * names first), as readExport reads a CSV export. */
export function readGrid(grid, name, data, mine, now = new Date()) {
  const [columns = [], ...body] = grid;
  const rows = body.filter((cells) => cells.some((cell) => cell.trim()))
    .map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ""])));
  return readTable(columns, rows, name, data, mine, now);
}
