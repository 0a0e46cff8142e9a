/** The missions of this browser: the list (switch to one, delete one after asking), a new mission and
 * a mission's details (title, country, dates, team, working language, and the assessor's own name). */

import { newMission } from "./answers.js";
import { modal, field, message } from "./dialog.js";
import { el } from "./dom.js";
import { assessor } from "./store.js";

const answered = (file) => Object.keys(file.answers).length;

/** The details form; resolves to the details given, or null. `file` is the mission edited, if any. */
export function detailsDialog({ data, t, file }) {
  const m = file ? file.mission : { title: "", country: "", start: "", end: "", team: [], language: data.lang };
  return modal({
    title: file ? t("edit_mission") : t("new_mission"), closeLabel: t("close"),
    build(close) {
      const input = (name, type, value, extra = {}) => el("input", { type, name, value, required: true, ...extra });
      const title = input("title", "text", m.title);
      const country = input("country", "text", m.country);
      const start = input("start", "date", m.start);
      const end = input("end", "date", m.end);
      const team = el("textarea", { name: "team", rows: 3, required: true });
      team.value = m.team.join("\n");
      const me = input("me", "text", assessor.get(), { autocomplete: "name" });
      const language = el("select", { name: "language" }, data.langs.map((code) => el("option",
        { value: code, selected: code === m.language }, data.labels[data.lang].language_names[code])));
      const problem = message();
      const form = el("form", { method: "dialog", class: "tk-dialog-form" },
        field(t("field_title"), title), field(t("field_country"), country),
        el("div", { class: "tk-dialog-row" }, field(t("field_start"), start), field(t("field_end"), end)),
        field(t("field_team"), team), field(t("field_language"), language), field(t("field_me"), me), problem,
        el("p", { class: "tk-dialog-actions" },
          el("button", { type: "submit", class: "md-button md-button--primary" }, file ? t("update") : t("create")),
          el("button", { type: "button", class: "md-button", onclick: () => close(null) }, t("cancel"))));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (end.value < start.value) { problem.textContent = t("dates_order"); end.focus(); return; }
        const names = team.value.split("\n").map((name) => name.trim()).filter(Boolean);
        const own = me.value.trim();
        if (own && !names.includes(own)) names.push(own);
        assessor.set(own);
        close({ title: title.value.trim(), country: country.value.trim(), start: start.value, end: end.value,
                team: names, language: language.value });
      });
      return [form];
    },
  });
}

/** A new mission from the details form, or null. */
export async function createMission({ data, t }) {
  const details = await detailsDialog({ data, t, file: null });
  return details ? newMission(details) : null;
}

/** The list of missions: resolves to {action: "switch"|"new"|"edit"|"delete", id} or null. */
export function missionsDialog({ t, files, currentId }) {
  return modal({
    title: t("missions_title"), closeLabel: t("close"),
    build(close) {
      const rows = files.map((file) => {
        const m = file.mission;
        const isCurrent = m.id === currentId;
        return el("li", { class: isCurrent ? "tk-mission-current" : "" },
          el("strong", {}, m.title), " ",
          el("span", {}, t("mission_summary", { country: m.country, start: m.start, end: m.end, n: answered(file) })),
          el("span", { class: "tk-dialog-actions" },
            isCurrent ? null : el("button", { type: "button", class: "md-button",
              onclick: () => close({ action: "switch", id: m.id }) }, `${t("switch")} — ${m.title}`),
            isCurrent ? el("button", { type: "button", class: "md-button",
              onclick: () => close({ action: "edit", id: m.id }) }, t("edit_mission")) : null,
            el("button", { type: "button", class: "md-button tk-danger",
              onclick: () => close({ action: "delete", id: m.id }) }, `${t("delete_mission")} — ${m.title}`)));
      });
      return [
        files.length ? el("ul", { class: "tk-missions" }, rows) : el("p", {}, t("missions_none")),
        el("p", { class: "tk-dialog-actions" },
          el("button", { type: "button", class: "md-button md-button--primary",
            onclick: () => close({ action: "new" }) }, t("new_mission"))),
      ];
    },
  });
}

/** Ask before deleting: true to delete. */
export function confirmDelete({ t, file }) {
  return modal({
    title: t("delete_mission"), closeLabel: t("close"),
    build: (close) => [
      el("p", {}, t("delete_confirm", { title: file.mission.title, n: answered(file) })),
      el("p", { class: "tk-dialog-actions" },
        el("button", { type: "button", class: "md-button tk-danger", onclick: () => close(true) }, t("delete_yes")),
        el("button", { type: "button", class: "md-button md-button--primary", onclick: () => close(false) }, t("cancel"))),
    ],
  });
}
