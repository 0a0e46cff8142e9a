/** Modal dialogs of the workspace: the browser's own `<dialog>` (focus kept inside, Escape closes). */

import { el } from "./dom.js";

let count = 0;

/** Show a dialog titled `title`; `build(close)` gives its content, and `close(value)` ends it: the
 * promise resolves to that value (null when the reader closes it with Escape or the × button). */
export function modal({ title, closeLabel, build, className = "" }) {
  return new Promise((resolve) => {
    count += 1;
    const heading = `tk-dialog-${count}`;
    const dialog = el("dialog", { class: `tk-dialog ${className}`.trim(), "aria-labelledby": heading });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.append(
      el("button", { type: "button", class: "tk-dialog-close", "aria-label": closeLabel, onclick: () => close(null) }, "×"),
      el("h2", { id: heading }, title),
      ...build(close));
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(null); });
    document.body.append(dialog);
    dialog.showModal();
    const first = dialog.querySelector("input:not([type=hidden]), textarea, select, .md-button--primary");
    if (first) first.focus();
  });
}

/** A labelled field: its label then the control. */
export function field(label, control) {
  const id = control.id || `tk-field-${++count}`;
  control.id = id;
  return el("p", { class: "tk-dialog-field" }, el("label", { for: id }, label), control);
}

/** A message inside a dialog, said to screen readers as it changes. */
export function message() {
  return el("p", { class: "tk-dialog-message", role: "alert" });
}
