// The mission file (tiptoolkit/mission_file.py): reading one as the site must before touching a
// mission, and writing one. A file is refused, with a MissionFileError that says what is wrong,
// in the Python model's order: too large (checkSize, on the File's size before it is read), not
// JSON, another format, another version, the model (the JSON Schema, then the rules a schema
// cannot state), then the items' IDs and scales against the page's `data`.

import {
  ENCRYPTED_FORMAT, FORMAT, VERSION, validateAnswer, validateEncrypted, validateMission,
} from "./validate-mission.js";

export const MAX_BYTES = 50 * 1024 * 1024; // a larger file is refused before it is read
export const SALT_BYTES = 16; // PBKDF2's salt
export const IV_BYTES = 12; // AES-GCM's usual 96-bit initialisation vector
const WHOLE_FILE = "(whole file)";

/** Why a mission file is refused. `code` names the refusal (the page's messages are keyed by it),
 * `params` fill its message, `item` is where in the file it is (as tiptoolkit's Problem.item). */
export class MissionFileError extends Error {
  constructor(code, params = {}, item = WHOLE_FILE) {
    super(explain(code, params));
    this.name = "MissionFileError";
    this.code = code;
    this.params = params;
    this.item = item;
  }
}

/** The English message of a refusal: what is wrong, then what to do. */
function explain(code, params) {
  const saved = "open a file saved with “Save mission file”";
  switch (code) {
    case "too-large": return `The file holds ${params.size} bytes, more than a mission file's `
      + `${MAX_BYTES / 2 ** 20} MB: open the mission file itself, saved from the mission page.`;
    case "not-json": return `It is not JSON (${params.detail}): it may be cut short or another kind of file; ${saved}.`;
    case "not-mission": return `It is not a mission file of this site: ${saved}.`;
    case "version": return `It is a mission file of format version ${JSON.stringify(params.version)}; this site `
      + `reads version ${VERSION}: open it with the edition of the site that saved it.`;
    case "invalid": return `${params.path}: ${params.message}: save the mission again from the mission page.`;
    case "unknown-item": return `The edition has no item ${params.id}: check the ID; the file may come from `
      + "another edition.";
    case "scale": return `The answer to ${params.id} does not fit its scale (${params.scale}, ${params.options} `
      + "options): an item with a scale takes an `option` from 1 to its number of options, any other a `response`.";
    case "passphrase": return "Wrong passphrase, or the file was altered (or cut short): check the passphrase, "
      + "or open another copy of the file.";
    case "not-export": return "It is neither a filled PDF form nor a data export of this site's forms: import a "
      + "fillable PDF of the site, filled and saved, or the form's data exported from KoboToolbox or ODK Central "
      + "as CSV or XLSX, whose columns are named as the form's fields (IV_D_3_o_response…).";
    case "export-labels": return "Its columns are named by the questions' labels, not by the form's fields "
      + "(IV_D_3_o_response…): export the data again from KoboToolbox with “XML values and headers”.";
    case "not-form": return "It is not a fillable PDF of this site: it has no form field named as an item's "
      + "(IV.D.3.o.response…); download the fillable PDF from the Checklists page, fill it in and save it.";
    default: throw new TypeError(`unknown mission file error code ${code}`);
  }
}

/** Refuses a file of `bytes` bytes over MAX_BYTES (before reading it). */
export function checkSize(bytes) {
  if (bytes > MAX_BYTES) throw new MissionFileError("too-large", { size: bytes });
}

/** A mission file's text, checked: {kind: "plain", file} or, for an encrypted one, {kind:
 * "encrypted", envelope} (decryptMission gives its plain text, to read with this again). */
export function readMissionText(text, data) {
  let object;
  try {
    object = JSON.parse(text);
  } catch (error) {
    throw new MissionFileError("not-json", { detail: error.message });
  }
  return kindOf(object) === ENCRYPTED_FORMAT
    ? { kind: "encrypted", envelope: checkEnvelope(object) }
    : { kind: "plain", file: checkMission(object, data) };
}

/** `object` checked as a plain mission file of `data`'s edition; returned as it is. */
export function checkMission(object, data) {
  checkModel(object);
  for (const [id, answer] of Object.entries(object.answers ?? {})) checkFit(id, answer, data);
  return object;
}

/** `object` checked as a plain mission file, all but its items against an edition. */
export function checkModel(object) {
  if (kindOf(object) !== FORMAT) throw new MissionFileError("not-mission", {}, "format");
  schemaCheck(validateMission, object);
  missionRules(object);
  for (const [id, answer] of Object.entries(object.answers ?? {})) answerRules(answer, `answers.${id}`);
  return object;
}

/** `object` checked as an encrypted mission file (its envelope); returned as it is. */
export function checkEnvelope(object) {
  if (kindOf(object) !== ENCRYPTED_FORMAT) throw new MissionFileError("not-mission", {}, "format");
  schemaCheck(validateEncrypted, object);
  for (const [field, size] of [["salt", SALT_BYTES], ["iv", IV_BYTES], ["data", null]]) {
    const bytes = base64Size(object[field]);
    if (bytes === null) invalid(field, "is not Base64 (its `=` padding does not fit its length)");
    if (size !== null && bytes !== size) invalid(field, `holds ${bytes} bytes, where ${size} are needed`);
  }
  return object;
}

/** One answer to the item `id`, checked as a file's would be (web/mission/answers.js). */
export function checkAnswer(id, answer, data) {
  schemaCheck(validateAnswer, answer, `answers.${id}`);
  answerRules(answer, `answers.${id}`);
  checkFit(id, answer, data);
  return answer;
}

/** The JSON text of `file` as saved at `now` (its `saved`); `file` itself is not changed. */
export function serialise(file, now = new Date()) {
  return `${JSON.stringify({ ...file, saved: isoNow(now) }, null, 2)}\n`;
}

/** A moment as the mission file writes it, e.g. "2026-12-07T10:15:00.000Z". */
export function isoNow(date = new Date()) {
  return date.toISOString();
}

/** Which format `object` says it is in; refuses anything but a mission file of VERSION. */
function kindOf(object) {
  const format = object !== null && typeof object === "object" && !Array.isArray(object) ? object.format : undefined;
  if (format !== FORMAT && format !== ENCRYPTED_FORMAT) throw new MissionFileError("not-mission", {}, "format");
  if (object.version !== VERSION) {
    throw new MissionFileError("version", { version: object.version ?? null }, "version");
  }
  return format;
}

/** Throws the first error of the schema validation `validate` of `value` (at `base`). */
function schemaCheck(validate, value, base = "") {
  if (validate(value)) return;
  const [error] = validate.errors;
  const steps = error.instancePath.split("/").slice(1).map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"));
  const extra = error.params.missingProperty ?? error.params.additionalProperty;
  const path = [base, ...steps, extra].filter((step) => step !== undefined && step !== "").join(".");
  invalid(path || WHOLE_FILE, error.message);
}

function invalid(path, message) {
  throw new MissionFileError("invalid", { path, message }, path);
}

// --- what the JSON Schema cannot say, and pydantic refuses -------------------------------------

const BLANK = /^\p{White_Space}*$/u; // pydantic strips text (Unicode White_Space) before its length
// Dates and times as Python reads them, beyond the schema's formats: a year from 1, seconds below
// 60 (no leap second), a UTC offset with its minutes.
const DATE = /^(?!0000)\d{4}-/;
const DATE_TIME = /^(?!0000)\d{4}-\d\d-\d\d[T ]\d\d:\d\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/i;

/** Whether `value` is empty or only white space (what pydantic's text refuses). */
export function isBlank(value) {
  return BLANK.test(value);
}

function text(value, path) {
  if (isBlank(value)) invalid(path, "must not be blank");
}

function dateTime(value, path) {
  if (!DATE_TIME.test(value)) {
    invalid(path, "must be a date and time from year 1 with seconds below 60 and a UTC offset with its "
      + "minutes, e.g. 2026-12-07T10:15:00Z");
  }
}

function missionRules(file) {
  dateTime(file.saved, "saved");
  const { mission } = file;
  text(mission.title, "mission.title");
  text(mission.country, "mission.country");
  mission.team.forEach((name, index) => text(name, `mission.team.${index}`));
  for (const field of ["start", "end"]) {
    if (!DATE.test(mission[field])) invalid(`mission.${field}`, "must be a date from year 1, e.g. 2026-12-07");
  }
  if (mission.end < mission.start) invalid("mission", "the mission ends before it starts");
}

function answerRules(answer, path) {
  (answer.sources ?? []).forEach((source, index) => {
    const parts = ["institution", "role", "document"].filter((part) => source[part] != null);
    parts.forEach((part) => text(source[part], `${path}.sources.${index}.${part}`));
    if (parts.length === 0) invalid(`${path}.sources.${index}`, "a source names an institution, a role or a document");
  });
  answer.changes.forEach((change, index) => {
    dateTime(change.at, `${path}.changes.${index}.at`);
    text(change.by, `${path}.changes.${index}.by`);
  });
  if (answer.response != null && answer.option != null) {
    invalid(path, "an answer has a response or an option of a scale, not both");
  }
}

/** Bytes a Base64 text (already matching the schema's pattern) decodes to, as Python's
 * `b64decode(validate=True)` reads it; null where it refuses it (padding). */
function base64Size(value) {
  const characters = value.replace(/=+$/, "").length;
  const padding = value.length - characters;
  const rest = characters % 4;
  const fits = rest === 0 || (rest === 2 && padding === 2) || (rest === 3 && padding === 1);
  return fits ? Math.floor((characters * 3) / 4) : null;
}

// --- against the edition ----------------------------------------------------------------------

const itemMaps = new WeakMap(); // data -> Map of its items by ID

function itemOf(data, id) {
  if (!itemMaps.has(data)) itemMaps.set(data, new Map(data.items.map((item) => [item.id, item])));
  return itemMaps.get(data).get(id);
}

/** Refuses `answer` if the page's edition has no item `id`, or it is not on the item's scale. */
function checkFit(id, answer, data) {
  const item = itemOf(data, id);
  const where = `answers.${id}`;
  if (!item) throw new MissionFileError("unknown-item", { id }, where);
  if (!item.scale) {
    if (answer.option != null) {
      const labels = data.labels[data.lang].responses;
      const scale = data.responses.map((response) => labels[response]).join(" / ");
      throw new MissionFileError("scale", { id, scale, options: data.responses.length }, where);
    }
    return;
  }
  const scale = data.scales[item.scale];
  const options = scale.options[data.lang].length;
  if (answer.response != null || (answer.option != null && answer.option > options)) {
    throw new MissionFileError("scale", { id, scale: scale.label[data.lang], options }, where);
  }
}
