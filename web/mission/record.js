/**
 * The mission record: the one content the three hand-overs carry (Word, Excel, the printed
 * record), built from the page's data, a mission file and the selected questions, in the
 * mission's language; and the file name of a hand-over.
 */
import { lastChange } from "./answers.js";

/**
 * A date as "YYYY-MM-DD", in local time.
 * @param {Date} date
 * @returns {string}
 */
function localDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The file name of a hand-over: the mission's title as a safe file name (letters, accented ones
 * too, digits and dashes; everything else becomes a dash), the date, the extension:
 * "Mission-Bénin-2026-2026-12-07.docx". A title with no letter or digit gives the date alone.
 * @param {{mission: {title: string}}} file a MissionFile
 * @param {string} extension "docx", "xlsx", "mission.json"…
 * @param {Date} [now]
 * @returns {string}
 */
export function fileName(file, extension, now = new Date()) {
  if (!/^[a-z0-9]+(\.[a-z0-9]+)*$/i.test(extension)) {
    throw new Error(`The file extension "${extension}" is not one: give letters and digits, such as "docx" or "mission.json".`);
  }
  const title = file.mission.title.normalize("NFC").replace(/[^\p{L}\p{M}\p{Nd}]+/gu, "-").replace(/^-+|-+$/g, "");
  return `${title ? `${title}-` : ""}${localDate(now)}.${extension}`;
}

/**
 * A source on one line, as the hand-overs show it: "institution — role — document", the empty
 * parts left out.
 * @param {{institution: string, role: string, document: string}} source a source of the record
 * @returns {string}
 */
export function sourceLine(source) {
  return [source.institution, source.role, source.document].filter(Boolean).join(" — ");
}

/**
 * What the record says of an answer's response: the label of the response, or of the option
 * chosen on the item's scale, in the mission's language; "" when none was given.
 */
function responseLabel(answer, scale, labels) {
  if (!answer) return "";
  if (scale && answer.option != null) return scale.options[answer.option - 1];
  return answer.response ? labels.responses[answer.response] : "";
}

/** One item of the record: its texts, its scale and its answer, in the mission's language. */
function recordItem(data, item, answer, lang) {
  const scale = item.scale && data.scales[item.scale];
  const recordScale = scale ? { label: scale.label[lang], options: scale.options[lang] } : null;
  const last = lastChange(answer);
  return {
    id: item.id,
    depth: item.depth,
    label: item.label,
    text: item.text[lang],
    texts: { ...item.text },
    scale: recordScale,
    response: responseLabel(answer, recordScale, data.labels[lang]),
    notes: answer?.notes ?? "",
    sources: (answer?.sources ?? []).map((s) => ({
      institution: s.institution ?? "", role: s.role ?? "", document: s.document ?? "",
    })),
    assessor: last ? last.by : "",
    changed: last ? last.at : "",
  };
}

/**
 * The items of the selected questions, in page order: each question followed by its sub-items (what
 * the hand-overs and the selection's XLSForm carry, as a print of the selection shows them).
 * Refuses an ID that is not a question of the edition.
 */
export function selectedItems(data, ids) {
  const byId = new Map(data.items.map((item) => [item.id, item]));
  for (const id of ids) {
    const item = byId.get(id);
    if (!item) throw new Error(`"${id}" is not an item of this edition: select questions from the mission page.`);
    if (item.depth !== 0) {
      throw new Error(`"${id}" is a sub-item of ${item.parent}: select the question (${item.parent}); `
        + "its sub-items come with it.");
    }
  }
  const selected = new Set(ids);
  const kept = new Set();
  for (const item of data.items) {
    if (item.depth === 0 ? selected.has(item.id) : kept.has(item.parent)) kept.add(item.id);
  }
  return data.items.filter((item) => kept.has(item.id));
}

/**
 * The record of a mission's answers to the selected questions, in the mission's language.
 * Sections and parts without a selected item are left out.
 * @param {object} data the mission page's data block (sections, items, labels, scales…)
 * @param {object} file a MissionFile
 * @param {string[]} ids the selected questions (depth 0), in any order
 * @param {string} link the selection's URL
 * @param {Date} [now]
 * @returns {object} RECORD {lang, langs, labels, site, address, mission, date, link, sections}
 */
export function buildRecord(data, file, ids, link, now = new Date()) {
  const lang = file.mission.language;
  if (!data.labels[lang]) {
    const known = Object.keys(data.labels).join(", ");
    throw new Error(`The mission's language "${lang}" is not one of this edition's (${known}): `
      + "change the mission's working language.");
  }
  const items = selectedItems(data, ids);
  const sections = data.sections.map((section) => ({
    id: section.id,
    title: section.title[lang],
    parts: section.parts.map((part) => ({
      id: part.id,
      title: part.title[lang],
      key: Boolean(part.key),
      items: items.filter((item) => item.part === part.id)
        .map((item) => recordItem(data, item, file.answers[item.id], lang)),
    })).filter((part) => part.items.length),
  })).filter((section) => section.parts.length);
  return {
    lang,
    langs: data.langs,
    labels: data.labels[lang],
    site: data.site[lang],
    address: data.address,
    mission: file.mission,
    date: localDate(now),
    link,
    sections,
  };
}
