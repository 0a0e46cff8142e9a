/** The mission file: "Save mission file" (plain or encrypted with a passphrase) and "Open mission file"
 * (checked whole before anything changes; then opened as a mission of its own or merged into the
 * current one, each conflict settled by the reader). */

import { encryptMission, decryptMission } from "./crypto.js";
import { modal, field, message } from "./dialog.js";
import { el, download } from "./dom.js";
import { checkSize, readMissionText, serialise, MissionFileError } from "./file.js";
import { mergeMissions, resolveConflict } from "./merge.js";
import { fileName, sourceLine } from "./record.js";
import { format, when } from "./strings.js";

const MIN_PASSPHRASE = 12;
const EXTENSION = "mission.json";

/** The refusal of a file, in the page's language: what is wrong and what to do. */
export function refusal(data, t, name, error) {
  if (!(error instanceof MissionFileError)) throw error;
  return t("refused", { file: name, error: format(data.strings.errors[error.code], error.params || {}) });
}

/** Save `file` as a download, encrypted if the reader chooses (the default): resolves to its name or null. */
export function saveFile({ t, file }) {
  return modal({
    title: t("save_title"), closeLabel: t("close"),
    build(close) {
      const encrypt = el("input", { type: "checkbox", checked: true, id: "tk-save-encrypt" });
      const pass = el("input", { type: "password", autocomplete: "new-password", minlength: MIN_PASSPHRASE });
      const again = el("input", { type: "password", autocomplete: "new-password" });
      const secret = el("div", { class: "tk-dialog-secret" }, field(t("passphrase"), pass),
        field(t("passphrase_again"), again), el("p", { class: "tk-dialog-help" }, t("passphrase_help")));
      const problem = message();
      encrypt.addEventListener("change", () => { secret.hidden = !encrypt.checked; });
      const form = el("form", { method: "dialog", class: "tk-dialog-form" },
        el("p", {}, encrypt, el("label", { for: "tk-save-encrypt" }, ` ${t("encrypt")}`)), secret, problem,
        el("p", { class: "tk-dialog-actions" },
          el("button", { type: "submit", class: "md-button md-button--primary" }, t("download")),
          el("button", { type: "button", class: "md-button", onclick: () => close(null) }, t("cancel"))));
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (encrypt.checked && pass.value.length < MIN_PASSPHRASE) { problem.textContent = t("passphrase_short"); pass.focus(); return; }
        if (encrypt.checked && pass.value !== again.value) { problem.textContent = t("passphrase_mismatch"); again.focus(); return; }
        const text = serialise(file);
        file.saved = JSON.parse(text).saved;  // what the file holds from now on is never rewritten (answers.js)
        const body = encrypt.checked ? `${JSON.stringify(await encryptMission(text, pass.value), null, 1)}\n` : text;
        const name = fileName(file, EXTENSION);
        download(new Blob([body], { type: "application/json" }), name);
        close(name);
      });
      return [form];
    },
  });
}

/** Ask for the passphrase until it opens `envelope`: resolves to the plain text, or null. */
function decryptDialog({ data, t, envelope }) {
  return modal({
    title: t("decrypt_title"), closeLabel: t("close"),
    build(close) {
      const pass = el("input", { type: "password", autocomplete: "current-password", required: true });
      const problem = message();
      const form = el("form", { method: "dialog", class: "tk-dialog-form" },
        el("p", {}, t("decrypt_help")), field(t("passphrase"), pass), problem,
        el("p", { class: "tk-dialog-actions" },
          el("button", { type: "submit", class: "md-button md-button--primary" }, t("decrypt")),
          el("button", { type: "button", class: "md-button", onclick: () => close(null) }, t("cancel"))));
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        problem.textContent = t("checking");
        try {
          close(await decryptMission(envelope, pass.value));
        } catch (error) {
          if (!(error instanceof MissionFileError)) throw error;
          problem.textContent = format(data.strings.errors[error.code], error.params || {});
          pass.select();
        }
      });
      return [form];
    },
  });
}

/** The mission a chosen file holds, checked whole; null if the reader gave up; MissionFileError if refused. */
export async function readFile({ data, t, blob }) {
  checkSize(blob.size);
  const read = readMissionText(await blob.text(), data);
  if (read.kind === "plain") return read.file;
  const text = await decryptDialog({ data, t, envelope: read.envelope });
  if (text === null) return null;
  const inner = readMissionText(text, data);
  if (inner.kind !== "plain") throw new MissionFileError("not-mission", {}, "format");
  return inner.file;
}

/** Open the file as its own mission or merge it into the current one: resolves to "new", "merge" or null. */
export function openChoice({ t, incoming, currentFile }) {
  return modal({
    title: t("open_title"), closeLabel: t("close"),
    build: (close) => [
      el("p", {}, t("open_what", { title: incoming.mission.title, country: incoming.mission.country,
                                   n: Object.keys(incoming.answers).length })),
      el("p", { class: "tk-dialog-actions tk-dialog-choices" },
        el("button", { type: "button", class: "md-button md-button--primary", onclick: () => close("merge") },
          t("merge_into", { title: currentFile.mission.title })),
        el("button", { type: "button", class: "md-button", onclick: () => close("new") }, t("open_as_new")),
        el("button", { type: "button", class: "md-button", onclick: () => close(null) }, t("cancel"))),
    ],
  });
}

function answerView(data, t, answer, item) {
  const labels = data.labels[data.lang];
  const response = item.scale
    ? (answer.option ? data.scales[item.scale].options[data.lang][answer.option - 1] : labels.no_response)
    : (answer.response ? labels.responses[answer.response] : labels.no_response);
  const last = answer.changes[answer.changes.length - 1];
  return [
    el("p", {}, el("strong", {}, response)),
    answer.notes ? el("p", { class: "tk-conflict-notes" }, answer.notes) : null,
    answer.sources.length ? el("ul", {}, answer.sources.map((s) => el("li", {}, sourceLine(s)))) : null,
    el("p", { class: "tk-conflict-by" }, t("changed_by", { date: when(last.at, data.lang), by: last.by })),
  ];
}

/** Each conflict side by side; resolves to {id: "mine"|"theirs"|"both"} once every one is chosen, or null. */
function conflictsDialog({ data, t, conflicts }) {
  const items = new Map(data.items.map((item) => [item.id, item]));
  return modal({
    title: t("conflicts_title"), closeLabel: t("close"), className: "tk-dialog-wide",
    build(close) {
      const choices = ["mine", "theirs", "both"];
      const rows = conflicts.map((conflict) => {
        const item = items.get(conflict.id);
        const name = `tk-conflict-${conflict.id}`;
        return el("fieldset", { class: "tk-conflict", "data-conflict": conflict.id },
          el("legend", {}, `${conflict.id} — ${item.text[data.lang]}`),
          el("div", { class: "tk-conflict-sides" },
            el("div", {}, el("h3", {}, t("mine")), answerView(data, t, conflict.mine, item)),
            el("div", {}, el("h3", {}, t("theirs")), answerView(data, t, conflict.theirs, item))),
          el("p", { class: "tk-conflict-choice" }, choices.map((choice) => el("label", {},
            el("input", { type: "radio", name, value: choice, required: true }), ` ${t(`keep_${choice}`)}`))));
      });
      const form = el("form", { method: "dialog", class: "tk-dialog-form" },
        el("p", {}, t("conflicts_intro")), rows,
        el("p", { class: "tk-dialog-actions" },
          el("button", { type: "submit", class: "md-button md-button--primary" }, t("apply_merge")),
          el("button", { type: "button", class: "md-button", onclick: () => close(null) }, t("cancel"))));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const chosen = {};
        conflicts.forEach((c) => { chosen[c.id] = form.querySelector(`input[name="tk-conflict-${CSS.escape(c.id)}"]:checked`).value; });
        close(chosen);
      });
      return [form];
    },
  });
}

/** `theirs` merged into `mine`, every conflict settled by the reader: {file, taken, conflicts} or null. */
export async function merge({ data, t, mine, theirs, by }) {
  const { file, conflicts } = mergeMissions(mine, theirs);
  if (conflicts.length) {
    const chosen = await conflictsDialog({ data, t, conflicts });
    if (!chosen) return null;
    conflicts.forEach((conflict) => { file.answers[conflict.id] = resolveConflict(conflict, chosen[conflict.id], by); });
  }
  const taken = Object.keys(file.answers)
    .filter((id) => JSON.stringify(file.answers[id]) !== JSON.stringify(mine.answers[id])).length;
  return { file, taken, conflicts: conflicts.length };
}
