/** The answers of a data export from KoboToolbox or ODK Central (CSV: a row per submission, a column per
 * field, named by its group path: `IV-IV_C-IV_C_1_response` in ODK Central, `IV/IV_C/IV_C_1_response` in
 * KoboToolbox), filled in one of the site's XLSForms (tiptoolkit/xlsform.py). Each submission becomes a
 * mission file, for the workspace's merge; each of its answers says where it came from. A file that is
 * not such an export, or that answers what this edition does not have, is refused whole. */

import Papa from "papaparse";

import { MissionFileError, checkMission, isoNow } from "./file.js";

const FIELD = /^(.+)_(response|notes)$/;  // the XLSForms' field names: the item's ID with `_` for `.`, then the field
const SUBMITTED = ["SubmissionDate", "_submission_time", "end"];  // ODK Central, KoboToolbox, the form's own
const SUBMITTER = ["SubmitterName", "_submitted_by", "username"];

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

/** The mission files of the export `text` (named `name`), one per submission, each for the mission `mine`. */
export function readExport(text, name, data, mine, now = new Date()) {
  const { data: rows, meta } = Papa.parse(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy" });
  const columns = (meta.fields || []).map((column) => [column, columnField(column)]).filter(([, field]) => field);
  if (!columns.length || !rows.length) throw new MissionFileError("not-export", {}, "(whole file)");
  const items = new Map(data.items.map((item) => [item.id, item]));
  return rows.map((row) => {
    const submitter = first(row, SUBMITTER) || "ODK";
    const by = `${submitter} (${name})`;  // where the answer came from, on each of its changes
    const at = moment(first(row, SUBMITTED), now);
    const answers = {};
    for (const [column, { id, field }] of columns) {
      const value = (row[column] ?? "").trim();
      if (!value) continue;
      const item = items.get(id);
      if (!item) throw new MissionFileError("unknown-item", { id }, column);
      const answer = answers[id] ??= { response: null, option: null, notes: "", sources: [], changes: [] };
      if (field === "notes") answer.notes = value;
      else if (item.scale) answer.option = /^\d+$/.test(value) ? Number(value) : value;
      else answer.response = value;
      answer.changes.push({ at, by, field: field === "notes" ? "notes" : item.scale ? "option" : "response" });
    }
    const file = { ...structuredClone(mine), mission: { ...structuredClone(mine.mission), team: [submitter] }, answers };
    return checkMission(file, data);  // a value off its scale is refused here, naming the item
  });
}
