/** The XLSForm of a selection, cut from the whole pack's (tiptoolkit/xlsform.py writes its sheets as
 * `xlsform/mission-pack.js`): the survey's rows of the selected items, in their groups; the choice lists
 * those rows use; settings that name the selection, with a form ID of its own and a version of its rows.
 * Field names and labels stay the pack's. */

import { columnField } from "./import.js";
import { selectedItems } from "./record.js";

const FORM_ID = "tiptoolkit_selection_";  // then a hash of the selection's item IDs, sorted: whatever their order
const HASH_LENGTH = 12;  // hexadecimal digits, as the pack's own version
const LIST = /^select_one (\S+)$/;  // a question on the choice list it names

/** The first HASH_LENGTH hexadecimal digits of the SHA-256 of `text`. */
async function shortHash(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, HASH_LENGTH);
}

/** The rows of a sheet after its first (the column names), each with `cell(column)`: its cell in that column. */
function named(rows) {
  const [header] = rows;
  return rows.slice(1).map((row) => ({ row, cell: (column) => row[header.indexOf(column)] }));
}

/** The survey's rows of the items `ids` (a Set), each group kept only around rows kept within it. */
function cutSurvey(survey, ids) {
  const out = [survey[0]];
  const open = [];  // where each group begun and not yet ended starts in `out`
  for (const { row, cell } of named(survey)) {
    if (cell("type") === "begin_group") {
      open.push(out.length);
      out.push(row);
    } else if (cell("type") === "end_group") {
      const start = open.pop();
      if (out.length === start + 1) out.length = start;  // nothing kept inside: the group goes
      else out.push(row);
    } else if (ids.has(columnField(cell("name"))?.id)) {
      out.push(row);
    }
  }
  return out;
}

/** The choices' rows of the lists that the `survey` rows use. */
function cutChoices(choices, survey) {
  const used = new Set(named(survey).map(({ cell }) => LIST.exec(cell("type"))?.[1]).filter(Boolean));
  return [choices[0], ...named(choices).filter(({ cell }) => used.has(cell("list_name"))).map(({ row }) => row)];
}

/** The settings' rows with `values` (by column name) in place of the pack's. */
function withSettings(settings, values) {
  const [header, row] = settings;
  return [header, header.map((column, index) => values[column] ?? row[index])];
}

/**
 * The XLSForm of the selected questions: the pack's rows of the items that a print of them prints
 * (each question with its sub-items), titled `title`.
 * @param {{survey: string[][], choices: string[][], settings: string[][]}} pack the whole pack's sheets
 * @param {object} data the mission page's data (its items)
 * @param {string[]} questions the selected questions (depth 0), in any order
 * @param {string} title the form's title
 * @returns {Promise<{sheets: object, formId: string}>} the sheets, as the pack's, and the form's ID
 */
export async function selectionForm(pack, data, questions, title) {
  const ids = selectedItems(data, questions).map((item) => item.id);
  const survey = cutSurvey(pack.survey, new Set(ids));
  const asked = new Set(named(survey).map(({ cell }) => columnField(cell("name"))?.id));
  const missing = ids.filter((id) => !asked.has(id));
  if (missing.length) {
    throw new Error(`the site's XLSForm of the whole pack has no field for ${missing.join(", ")}: `
      + "rebuild the site (make build) so that the form and the page come from the same content");
  }
  const choices = cutChoices(pack.choices, survey);
  const formId = FORM_ID + await shortHash([...ids].sort().join(" "));
  const version = await shortHash(JSON.stringify([survey, choices, title]));  // ODK Central needs a new one for a changed form
  const settings = withSettings(pack.settings, { form_title: title, form_id: formId, version });
  return { sheets: { survey, choices, settings }, formId };
}
