// A mission's answers in memory (the MissionFile of tiptoolkit/mission_file.py): a new mission,
// a change to one answer (recorded with its time and assessor), and what an answer says.

import { checkAnswer, checkModel, isBlank, isoNow } from "./file.js";
import { FORMAT, VERSION } from "./validate-mission.js";

export { isoNow };

/** An answer's fields that a change names, in the file's order. */
export const FIELDS = ["response", "option", "notes", "sources"];
/** Successive changes of one field by one person within this time are one change. */
export const SAME_CHANGE_MS = 10 * 60 * 1000;
const SOURCE_PARTS = ["institution", "role", "document"];

/** A new mission file from `meta` ({title, country, start, end, team, language}), with a new ID
 * and no answers; MissionFileError "invalid" if `meta` does not fit (e.g. it ends before it starts). */
export function newMission(meta, now = new Date()) {
  const { title, country, start, end, team, language } = meta;
  const mission = structuredClone({ id: crypto.randomUUID(), title, country, start, end, team, language });
  return checkModel({ format: FORMAT, version: VERSION, saved: isoNow(now), mission, answers: {} });
}

/** An answer with nothing in it yet. */
function blankAnswer() {
  return { response: null, option: null, notes: "", sources: [], changes: [] };
}

/** Sets the `field` of the answer to item `id` to `value`, by the assessor `by` at `now`, and
 * records the change; returns `file`, changed in place. A value equal to the current one changes
 * nothing. Sources are [{institution, role, document}]: blank parts are stored as null, a source
 * with none is left out. A value that does not fit (an option for an item without a scale, an
 * unknown response, a blank name…) throws a MissionFileError and `file` is not changed. */
export function setAnswer(file, data, id, field, value, by, now = new Date()) {
  if (!FIELDS.includes(field)) throw new TypeError(`an answer's field is one of ${FIELDS.join(", ")}, not ${field}`);
  const answer = { ...blankAnswer(), ...structuredClone(file.answers[id] ?? {}) };
  const stored = field === "sources" ? cleanSources(value) : value;
  if (JSON.stringify(answer[field]) === JSON.stringify(stored)) return file;
  answer[field] = stored;
  record(answer.changes, { at: isoNow(now), by, field }, file.saved);
  file.answers[id] = checkAnswer(id, answer, data);
  return file;
}

/** `sources` as stored: each source's parts in order, blank ones null; empty sources left out.
 * Anything else (not an array, a source with other keys…) is left for the check to refuse. */
function cleanSources(sources) {
  return Array.isArray(sources) ? sources.map(cleanSource).filter((source) => !isEmptySource(source)) : sources;
}

function cleanSource(source) {
  if (source === null || typeof source !== "object") return source;
  const parts = Object.fromEntries(SOURCE_PARTS.map((part) => [part, blankToNull(source[part])]));
  return { ...parts, ...source, ...parts }; // the parts first, then any other key
}

function blankToNull(part) {
  return part === undefined || (typeof part === "string" && isBlank(part)) ? null : part;
}

function isEmptySource(source) {
  return source !== null && typeof source === "object" && Object.keys(source).length === SOURCE_PARTS.length
    && SOURCE_PARTS.every((part) => source[part] === null);
}

/** Adds `change` to `changes`, or moves the last one's time if it is the same person's change
 * of the same field at most SAME_CHANGE_MS before, made since the file was last `saved` (a change
 * a saved file holds is never rewritten: a colleague's copy of it must still be found in the
 * history when that file is merged back). */
function record(changes, change, saved) {
  const last = changes.at(-1);
  const since = last ? Date.parse(change.at) - Date.parse(last.at) : NaN;
  const unsaved = last && Date.parse(last.at) > Date.parse(saved);
  if (unsaved && last.by === change.by && last.field === change.field && since >= 0 && since <= SAME_CHANGE_MS) {
    last.at = change.at;
  } else {
    changes.push(change);
  }
}

/** Whether `answer` (or undefined) has a response or an option. */
export function isAnswered(answer) {
  return Boolean(answer) && (answer.response != null || answer.option != null);
}

/** The latest change of `answer`, {at, by, field}; null without an answer. */
export function lastChange(answer) {
  const last = answer?.changes.at(-1);
  return last ? { at: last.at, by: last.by, field: last.field } : null;
}
