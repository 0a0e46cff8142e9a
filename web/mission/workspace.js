/** The current mission: its file, kept in the store as soon as it changes, with its saved state shown. */

import { setAnswer } from "./answers.js";
import { assessor, current } from "./store.js";

const QUIET = 300;  // ms of quiet typing before a write (a keystroke is still saved within this)

/** `store` is the promise of the store (store.js): nothing waits for it but a write. */
export function createWorkspace({ data, t, store, status, onChange }) {
  let file = null;
  let timer = null;
  let writing = Promise.resolve();

  function show(state) {
    status.dataset.state = state;
    status.textContent = state === "saved" ? t("saved") : state === "saving" ? t("saving") : state === "failed" ? t("save_failed") : "";
  }

  async function write() {
    clearTimeout(timer);
    timer = null;
    if (!file) return;
    const copy = structuredClone(file);
    writing = writing.then(() => store).then((opened) => opened.put(copy)).then(
      () => { if (!timer) show("saved"); },
      () => show("failed"));
    await writing;
  }

  function changed() {
    show("saving");
    clearTimeout(timer);
    timer = setTimeout(write, QUIET);
  }

  // Leaving the page writes what is pending at once.
  addEventListener("pagehide", () => { if (timer) write(); });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden" && timer) write(); });

  return {
    get file() { return file; },
    answer: (id) => (file ? file.answers[id] : undefined),
    /** Record a change of item `id` by the assessor; false if there is no mission to record it in. */
    set(id, field, value) {
      if (!file) return false;
      setAnswer(file, data, id, field, value, assessor.get() || file.mission.team[0]);
      changed();
      return true;
    },
    /** Make `next` the current mission (null: none), and keep it. */
    async use(next) {
      if (timer) await write();
      file = next;
      current.set(file);
      if (file) await write();
      else show("");
      onChange();
    },
    /** The mission's details changed (title, team…): keep them. */
    async saveNow() { current.set(file); await write(); onChange(); },
    flush: () => (timer ? write() : writing),
  };
}
