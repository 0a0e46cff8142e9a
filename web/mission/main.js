/** The mission page (its markup: tiptoolkit/templates/mission.html; its data: tiptoolkit/mission_data.py):
 * the selection and its print, the missions of this browser, answering, the mission file, the team's
 * merge, the progress and the hand-overs. Bundled into assets/javascripts/mission.js (tiptoolkit/bundles.py). */

import { createAnswering } from "./answering.js";
import { pageData } from "./data.js";
import { el } from "./dom.js";
import { readFile, merge, openChoice, refusal, saveFile } from "./files.js";
import { footPages, handOver, handOverForm } from "./handover.js";
import { loadReader, readImport } from "./import-file.js";
import { confirmDelete, createMission, detailsDialog, missionsDialog } from "./missions.js";
import { progressChart } from "./progress.js";
import { createSelection } from "./selection.js";
import { createSheet } from "./sheet.js";
import { assessor, current, openStore, persistence } from "./store.js";
import { wording } from "./strings.js";
import { createWorkspace } from "./workspace.js";

const base = document.currentScript.src;  // the site's assets are found from here (site or file://)
const ANSWER = "answer";  // the address's mark of the answering mode: ?select=IV&answer
const IMPORTED = [".pdf", ".xlsx", ".csv", "application/pdf", "text/csv",  // what "Import answers" offers to choose
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"].join(",");

async function start() {
  const block = document.getElementById("tk-mission-data");
  const bar = document.querySelector(".tk-mission-bar");
  const form = document.querySelector(".tk-mission-form");
  const sheetRoot = document.querySelector(".tk-mission-sheet");
  if (!block || !bar || !form || !sheetRoot) return;
  const data = pageData(JSON.parse(block.textContent));
  const t = wording(data);
  const questions = data.items.filter((item) => item.depth === 0).map((item) => item.id);
  const items = new Map(data.items.map((item) => [item.id, item]));
  const alert = bar.querySelector(".tk-mission-alert");
  const name = bar.querySelector(".tk-mission-name");
  const modeButton = bar.querySelector('[data-action="mode"]');
  const storageNote = document.querySelector(".tk-mission-storage");
  const progressBox = document.querySelector(".tk-mission-progress");
  const say = (text) => { alert.textContent = text; };

  let selection = null;
  let answering = null;
  const sheet = createSheet(sheetRoot, (part) => { selection.paint([part]); if (answering) answering.decorate(part); });
  selection = createSelection({ questions, form, sheet, bar, empty: document.querySelector(".tk-mission-empty") });
  selection.update(!selection.wanted);
  const stored = openStore();  // the selection and the print work at once; the missions once this is open
  const workspace = createWorkspace({ data, t, store: stored, status: bar.querySelector(".tk-mission-saved"),
                                      onChange: showMission });
  answering = createAnswering({ data, t, workspace, sheet });

  function showMission() {
    const file = workspace.file;
    name.textContent = file ? t("current", { title: file.mission.title }) : t("no_mission");
    const header = document.querySelector(".tk-header-mission");
    if (header) {
      header.textContent = file ? t("current", { title: file.mission.title }) : "";
      header.hidden = !file;
    }
    progressBox.hidden = !file;
    if (file && progressBox.open) drawProgress();
  }

  function drawProgress() {
    const chart = progressChart(data, workspace.file, data.strings.ui, (item) => `#item-${item.id}`);
    progressBox.querySelector(".tk-mission-chart").replaceChildren(chart);
  }

  async function showStorage() {
    const state = await persistence(await stored);
    storageNote.hidden = false;
    storageNote.dataset.state = state;
    storageNote.textContent = t(state === "granted" ? "persistent" : state === "none" ? "no_storage" : "not_persistent");
  }

  async function use(file) {
    if (file) await (await stored).put(file);
    await workspace.use(file);
    answering.refresh();
    if (file) showStorage();
  }

  async function newMission() {
    const file = await createMission({ data, t });
    if (file) await use(file);
    return file;
  }

  async function setMode(on) {
    if (on && !workspace.file) {
      say(t("need_mission"));
      if (!(await newMission())) return;
      say("");
    }
    modeButton.setAttribute("aria-pressed", String(on));
    sheetRoot.classList.toggle("tk-answering", on);
    answering.toggle(on);
    const url = new URL(location.href);
    if (on) url.searchParams.set(ANSWER, ""); else url.searchParams.delete(ANSWER);
    history.replaceState(null, "", decodeURIComponent(url.href).replace(/=(&|$|#)/g, "$1"));
    selection.update(true);
  }

  async function manageMissions() {
    const store = await stored;
    const files = await store.list();
    const choice = await missionsDialog({ t, files, currentId: workspace.file && workspace.file.mission.id });
    if (!choice) return;
    if (choice.action === "new") await newMission();
    else if (choice.action === "switch") await use(await store.get(choice.id));
    else if (choice.action === "edit") {
      const details = await detailsDialog({ data, t, file: workspace.file });
      if (details) {
        Object.assign(workspace.file.mission, details);
        await workspace.saveNow();
      }
    } else if (choice.action === "delete") {
      const file = await store.get(choice.id);
      if (!(await confirmDelete({ t, file }))) return;
      await store.remove(choice.id);
      if (workspace.file && workspace.file.mission.id === choice.id) await use(null);
      say(t("deleted", { title: file.mission.title }));
    }
  }

  const picker = el("input", { type: "file", accept: ".json,application/json", hidden: true, tabindex: "-1",
                               "aria-hidden": "true" });
  const exportPicker = el("input", { type: "file", accept: IMPORTED, hidden: true, tabindex: "-1",
                                     "aria-hidden": "true" });
  bar.append(picker, exportPicker);
  exportPicker.addEventListener("change", async () => {
    const chosen = exportPicker.files[0];
    exportPicker.value = "";
    if (!chosen || !workspace.file) return;
    say(t("checking"));
    let submissions;
    try {
      submissions = await readImport(chosen, chosen.name, { data, mine: workspace.file, load: loadReader(base) });
    } catch (error) {
      say(refusal(data, t, chosen.name, error));
      return;
    }
    say("");
    let mine = workspace.file;
    let taken = 0;
    let conflicts = 0;
    for (const theirs of submissions) {  // every submission, or none if the reader gives up on a conflict
      const merged = await merge({ data, t, mine, theirs, by: assessor.get() || mine.mission.team[0] });
      if (!merged) return;
      [mine, taken, conflicts] = [merged.file, taken + merged.taken, conflicts + merged.conflicts];
    }
    await use(mine);
    say(t("imported", { n: taken, s: submissions.length, c: conflicts, file: chosen.name }));
  });
  picker.addEventListener("change", async () => {
    const chosen = picker.files[0];
    picker.value = "";
    if (!chosen) return;
    say(t("checking"));
    let incoming;
    try {
      incoming = await readFile({ data, t, blob: chosen });
    } catch (error) {
      say(refusal(data, t, chosen.name, error));
      return;
    }
    say("");
    if (!incoming) return;
    const mine = workspace.file;
    const kept = await (await stored).get(incoming.mission.id);
    const how = mine ? await openChoice({ t, incoming, currentFile: mine }) : "new";
    if (!how) return;
    const target = how === "merge" ? mine : kept;
    if (how === "new" && kept) say(t("same_mission"));
    if (!target) {
      await use(incoming);
      say(t("opened", { title: incoming.mission.title, n: Object.keys(incoming.answers).length }));
      return;
    }
    const merged = await merge({ data, t, mine: target, theirs: incoming, by: assessor.get() || target.mission.team[0] });
    if (!merged) return;
    await use(merged.file);
    say(t("merged", { n: merged.taken, c: merged.conflicts }));
  });

  async function handOverAs(kind) {
    if (!workspace.file) { say(t("need_mission")); return; }
    if (!selection.required()) return;
    say(t("export_loading"));
    try {
      await workspace.flush();
      const fileName = await handOver(kind, { data, file: workspace.file, ids: [...selection.chosen],
                                              link: selection.link(), base });
      say(t("exported", { name: fileName }));
    } catch (error) {
      say(t("export_failed", { error: error.message }));
    }
  }

  async function formOfSelection() {
    if (!selection.required()) return;
    say(t("export_loading"));
    try {
      const title = t("xlsform_title", { site: data.site[data.lang], n: selection.chosen.size });
      const fileName = await handOverForm({ data, ids: [...selection.chosen], title, base });
      say(t("exported", { name: fileName }));
    } catch (error) {
      say(t("export_failed", { error: error.message }));
    }
  }

  const actions = {
    missions: manageMissions,
    mode: () => setMode(modeButton.getAttribute("aria-pressed") !== "true"),
    all: () => selection.all(true),
    none: () => selection.all(false),
    print: () => { if (selection.required()) window.print(); },
    xlsform: formOfSelection,
    save: async () => {
      if (!workspace.file) { say(t("need_mission")); return; }
      await workspace.flush();
      const saved = await saveFile({ t, file: workspace.file });
      if (saved) {
        await workspace.saveNow();  // with the time of the save (answers.js)
        say(t("file_saved", { name: saved }));
      }
    },
    open: () => picker.click(),
    import: () => (workspace.file ? exportPicker.click() : say(t("need_mission"))),
    word: () => handOverAs("word"),
    excel: () => handOverAs("excel"),
    copy: (button) => {
      const copied = bar.querySelector(".tk-mission-copied");
      navigator.clipboard.writeText(selection.link()).then(() => {
        copied.textContent = button.dataset.copied;
        setTimeout(() => { copied.textContent = ""; }, 4000);
      }, () => bar.querySelector(".tk-mission-link").focus());  // no clipboard: the link is selected, to copy by hand
    },
  };
  bar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button) actions[button.dataset.action](button);
  });
  bar.querySelector(".tk-mission-link").addEventListener("focus", (event) => event.target.select());

  // Before any print (the button or the browser's own), the selected parts are rendered and every page footed.
  const ownSheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith("/mission.css"));
  addEventListener("beforeprint", () => {
    sheet.renderAll((partId) => questions.some((id) => selection.chosen.has(id) && (id.startsWith(`${partId}.`))));
    const file = workspace.file;
    const parts = [data.site[data.lang], answering.active && file ? file.mission.title : "",
                   new Date().toLocaleDateString(data.lang), selection.link()];
    if (ownSheet) footPages(ownSheet, parts.filter(Boolean).join(" · "));
  });

  // `#item-IV.D.3.o` (the progress's links): that item, rendered, in view.
  function reveal() {
    const match = /^#item-(.+)$/.exec(decodeURIComponent(location.hash));
    const item = match && items.get(match[1]);
    if (!item) return;
    const element = sheet.element(item.part, item.id);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    const control = answering.active && sheetRoot.querySelector(`.tk-answer[data-answer="${CSS.escape(item.id)}"] input`);
    (control || element).focus({ preventScroll: true });
  }
  addEventListener("hashchange", reveal);
  progressBox.addEventListener("toggle", () => { if (progressBox.open && workspace.file) drawProgress(); });
  let redraw = null;  // an open progress follows the answers, a moment after the last change
  ["change", "input"].forEach((type) => sheetRoot.addEventListener(type, () => {
    if (!progressBox.open || !workspace.file) return;
    clearTimeout(redraw);
    redraw = setTimeout(drawProgress, 500);
  }));

  form.hidden = false;
  const id = current.id();
  const file = id ? await (await stored).get(id) : null;
  await workspace.use(file);
  if (file) showStorage();
  bar.hidden = false;  // the workspace is ready
  // What is brought into view (an item, the progress) stops below the bar that stays in view, not under it.
  const belowBar = () => {
    const style = getComputedStyle(bar);
    document.documentElement.style.scrollPaddingTop =
      style.position === "sticky" ? `${parseFloat(style.top) + bar.offsetHeight}px` : "";
  };
  belowBar();
  new ResizeObserver(belowBar).observe(bar);
  if (new URLSearchParams(location.search).has(ANSWER)) {
    await setMode(true);
    const first = questions.find((q) => selection.chosen.has(q));
    if (first && !location.hash) sheet.element(items.get(first).part, first).scrollIntoView();
  }
  reveal();
}

start();
