/** One submission brought back into a mission (a row of a KoboToolbox or ODK Central export, a filled
 * PDF): its answers as a mission file for the workspace's merge, each change saying where it came from.
 * Shared by the readers of web/mission/import.js (exports) and import-form.js (PDF forms). */

import { MissionFileError, checkMission } from "./file.js";

/** The two fields each item has in the site's forms, as their names end (`IV_D_3_o_response`,
 * `IV.D.3.o.notes`); tiptoolkit/xlsform.py's FIELDS. */
export const ITEM_FIELDS = ["response", "notes"];

/**
 * The mission file of one submission: `mine`'s mission, its team `submitter` alone, holding the
 * answers of `entries` ([{where, id, field, value}], `field` one of ITEM_FIELDS), each change made
 * `at` by `by`. A blank value answers nothing. Refused whole (MissionFileError): an item this
 * edition lacks ("unknown-item", at `where`), a value off its item's scale ("scale", or "invalid"
 * for a response no scale has), as checkMission refuses a mission file.
 */
export function submissionFile({ mine, submitter, by, at, entries, data }) {
  const items = new Map(data.items.map((item) => [item.id, item]));
  const answers = {};
  for (const { where, id, field, value } of entries) {
    const text = value.replace(/\r\n?/g, "\n").trim();  // a PDF reader may end lines with \r
    if (!text) continue;
    const item = items.get(id);
    if (!item) throw new MissionFileError("unknown-item", { id }, where);
    const answer = answers[id] ??= { response: null, option: null, notes: "", sources: [], changes: [] };
    const stored = field === "notes" ? "notes" : item.scale ? "option" : "response";
    answer[stored] = stored === "option" && /^\d+$/.test(text) ? Number(text) : text;
    answer.changes.push({ at, by, field: stored });
  }
  const file = { ...structuredClone(mine), mission: { ...structuredClone(mine.mission), team: [submitter] }, answers };
  return checkMission(file, data);
}
