/** Answering mode: beside each item of the rendered sheet, its response (the toolkit's scale, or the
 * annex item's own), notes and sources, which the workspace records with the assessor's name and time.
 * The reading pages never show these: only the mission page, in this mode. */

import { el } from "./dom.js";
import { sourceLine } from "./record.js";
import { when } from "./strings.js";

const SOURCE_FIELDS = ["institution", "role", "document"];
// Notes grow with their text (so that they print whole): by CSS where the browser can (mission.css).
const SIZED_BY_CSS = globalThis.CSS && CSS.supports("field-sizing", "content");

/** Where CSS cannot, make a notes field as tall as its text. */
export function fitNotes(textarea) {
  if (SIZED_BY_CSS) return;
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

export function createAnswering({ data, t, workspace, sheet }) {
  const items = new Map(data.items.map((item) => [item.id, item]));
  let active = false;

  function choices(item) {
    if (item.scale) {
      return data.scales[item.scale].options[data.lang].map((label, index) => [String(index + 1), label]);
    }
    return data.responses.map((value) => [value, data.labels[data.lang].responses[value]]);
  }

  function chosen(answer, item) {
    if (!answer) return "";
    return item.scale ? (answer.option ? String(answer.option) : "") : answer.response || "";
  }

  function summary(id, answer) {
    const sources = answer ? answer.sources : [];
    const list = sources.map(sourceLine).join("; ");
    return t("sources_n", { n: sources.length }) + (list ? `: ${list}` : "");
  }

  function changed(answer) {
    const last = answer && answer.changes[answer.changes.length - 1];
    return last ? t("changed_by", { date: when(last.at, data.lang), by: last.by }) : "";
  }

  function sourceRow(id, source, n) {
    const input = (field) => el("input", {
      type: "text", class: `tk-source-${field}`, value: source[field] || "",
      "aria-label": t(`${field}_of`, { n, id }), placeholder: data.labels[data.lang][field],
    });
    return el("li", { class: "tk-source" }, SOURCE_FIELDS.map(input),
      el("button", { type: "button", class: "tk-source-remove", "data-answer-action": "remove-source",
                     "aria-label": t("remove_source", { n }) }, "×"));
  }

  function fillSources(box, id) {
    const answer = workspace.answer(id);
    const list = el("ol", { class: "tk-sources" },
      (answer ? answer.sources : []).map((source, index) => sourceRow(id, source, index + 1)));
    box.replaceChildren(box.querySelector("summary"), list,
      el("button", { type: "button", class: "md-button tk-source-add", "data-answer-action": "add-source" },
        t("add_source")));
  }

  /** The controls of item `id`, showing its answer. */
  function controls(id) {
    const item = items.get(id);
    const answer = workspace.answer(id);
    const value = chosen(answer, item);
    const group = el("fieldset", { class: "tk-answer-response", role: "radiogroup", "aria-label": t("response_of", { id }),
                                  "data-none": data.labels[data.lang].no_response },
      choices(item).map(([choice, label]) => el("label", {},
        el("input", { type: "radio", name: `tk-response-${id}`, value: choice, checked: choice === value }), ` ${label}`)));
    const notes = el("textarea", { class: "tk-answer-notes", rows: 2, "aria-label": t("notes_of", { id }) });
    notes.value = answer ? answer.notes : "";
    const sources = el("details", { class: "tk-answer-sources" }, el("summary", {}, summary(id, answer)));
    return el("div", { class: "tk-answer", "data-answer": id },
      group,
      el("button", { type: "button", class: "tk-answer-clear", "data-answer-action": "clear", hidden: !value,
                     "aria-label": t("clear_response", { id }) }, "×"),
      notes, sources, el("p", { class: "tk-answer-changed" }, changed(answer)));
  }

  /** Put the controls after each item of `part` (a table row gets a row of its own). */
  function decorate(part) {
    if (!active) return;
    part.querySelectorAll("[data-item]").forEach((element) => {
      let after = element;
      while (after.nextElementSibling && after.nextElementSibling.matches(".tk-cl-note")) after = after.nextElementSibling;
      const box = controls(element.dataset.item);
      if (element.tagName === "TR") {
        after.after(el("tr", { class: "tk-answer-row" }, el("td", { colspan: element.cells.length }, box)));
      } else {
        after.after(box);
      }
      const notes = box.querySelector(".tk-answer-notes");
      if (notes.value) fitNotes(notes);
    });
  }

  function undecorate(part) {
    part.querySelectorAll(".tk-answer-row, .tk-answer").forEach((element) => element.remove());
  }

  /** Show item `id`'s answer again after it changed (a merge, another field). */
  function show(id) {
    const box = sheet.root.querySelector(`.tk-answer[data-answer="${CSS.escape(id)}"]`);
    if (!box) return;
    const answer = workspace.answer(id);
    const value = chosen(answer, items.get(id));
    box.querySelectorAll(".tk-answer-response input").forEach((radio) => { radio.checked = radio.value === value; });
    box.querySelector(".tk-answer-clear").hidden = !value;
    const notes = box.querySelector(".tk-answer-notes");
    if (document.activeElement !== notes) notes.value = answer ? answer.notes : "";
    box.querySelector(".tk-answer-sources summary").textContent = summary(id, answer);
    box.querySelector(".tk-answer-changed").textContent = changed(answer);
  }

  function readSources(box) {
    return [...box.querySelectorAll(".tk-source")].map((row) => {
      const source = {};
      SOURCE_FIELDS.forEach((field) => {
        const text = row.querySelector(`.tk-source-${field}`).value.trim();
        if (text) source[field] = text;
      });
      return source;
    }).filter((source) => Object.keys(source).length);
  }

  function record(box, field, value) {
    const id = box.dataset.answer;
    if (workspace.set(id, field, value)) show(id);
  }

  sheet.root.addEventListener("change", (event) => {
    const box = event.target.closest(".tk-answer");
    if (!box || !event.target.matches(".tk-answer-response input")) return;
    const item = items.get(box.dataset.answer);
    record(box, item.scale ? "option" : "response", item.scale ? Number(event.target.value) : event.target.value);
  });
  sheet.root.addEventListener("input", (event) => {
    const box = event.target.closest(".tk-answer");
    if (!box) return;
    if (event.target.matches(".tk-answer-notes")) {
      record(box, "notes", event.target.value);
      fitNotes(event.target);
    }
    else if (event.target.closest(".tk-source")) record(box, "sources", readSources(box));
  });
  sheet.root.addEventListener("toggle", (event) => {
    if (event.target.matches(".tk-answer-sources") && event.target.open) {
      fillSources(event.target, event.target.closest(".tk-answer").dataset.answer);
    }
  }, true);
  sheet.root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-answer-action]");
    if (!action) return;
    const box = action.closest(".tk-answer");
    const id = box.dataset.answer;
    const sources = box.querySelector(".tk-answer-sources");
    if (action.dataset.answerAction === "clear") {
      record(box, items.get(id).scale ? "option" : "response", null);
      box.querySelector(".tk-answer-response input").focus();
    } else if (action.dataset.answerAction === "add-source") {
      const list = sources.querySelector(".tk-sources");
      const row = sourceRow(id, {}, list.children.length + 1);
      list.append(row);
      row.querySelector("input").focus();
    } else if (action.dataset.answerAction === "remove-source") {
      action.closest(".tk-source").remove();
      record(box, "sources", readSources(box));
      fillSources(sources, id);
      sources.querySelector(".tk-source-add").focus();
    }
  });

  return {
    get active() { return active; },
    decorate,
    show,
    /** Turn answering on or off for every rendered part. */
    toggle(on) {
      if (on === active) return;
      active = on;
      sheet.rendered().forEach((part) => { undecorate(part); decorate(part); });
    },
    /** Show every answer again (another mission, a merge). */
    refresh() { if (active) sheet.rendered().forEach((part) => { undecorate(part); decorate(part); }); },
  };
}
