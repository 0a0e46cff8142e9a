/** The answers of a filled fillable PDF of the site (tiptoolkit/pdf.py's form fields, read by
 * import-pdf.js): per item a response choice `<ID>.response` (the response code, or the option's
 * number on an annex scale) and notes `<ID>.notes`; the cover's `mission.<field>`, whose assessor is
 * who the answers are by. One PDF is one submission: a mission file for the workspace's merge. A PDF
 * with none of these fields, or that answers what this edition does not have, is refused whole. */

import { MissionFileError, isoNow } from "./file.js";
import { ITEM_FIELDS, submissionFile } from "./submission.js";

/** The cover's fields, once per document: `mission.country`… (tiptoolkit.models.MISSION_FIELDS). */
export const MISSION_FIELDS = ["country", "dates", "institution", "interlocutors", "assessor"];
const ITEM_FIELD = new RegExp(`^(.+)\\.(${ITEM_FIELDS.join("|")})$`);
const COVER_FIELD = new RegExp(`^mission\\.(${MISSION_FIELDS.join("|")})$`);
const ORIGIN = "PDF";  // who a PDF's answers are by when its assessor is left blank

/** What the form field `name` holds: {cover} (one of MISSION_FIELDS), {id, field} (an item's), or
 * null for a field that is none of ours. */
export function formField(name) {
  const cover = COVER_FIELD.exec(name);
  if (cover) return { cover: cover[1] };
  const item = ITEM_FIELD.exec(name);
  return item ? { id: item[1], field: item[2] } : null;
}

/** When the answers were made: the PDF's modification date if it is a real moment, not in the
 * future and after its creation (a reader that saves a form without dating it leaves the site's
 * date), else `now`. */
function answeredAt({ modified, created }, now) {
  const sane = modified instanceof Date && !Number.isNaN(modified.getTime()) && modified <= now
    && !(created instanceof Date && modified <= created);
  return isoNow(sane ? modified : now);
}

/**
 * The mission file (a list of one) of the filled PDF named `name`, for the mission `mine`.
 * @param {{fields: Array<[string, string]>, modified: Date|null, created: Date|null}} form its
 *   fields' names and values (import-pdf.js's pdfForm) and its dates
 */
export function readForm(form, name, data, mine, now = new Date()) {
  const ours = form.fields.map(([field, value]) => ({ where: field, value, ...formField(field) }))
    .filter((field) => field.cover || field.id);
  if (!ours.length) throw new MissionFileError("not-form");
  const assessor = ours.find((field) => field.cover === "assessor")?.value.trim();
  const submitter = assessor || ORIGIN;
  const entries = ours.filter((field) => field.id);
  return [submissionFile({ mine, submitter, by: `${submitter} (${name})`, at: answeredAt(form, now), entries, data })];
}
