/** What the mission page prints and hands over: chapters, parts or single questions, ticked in the panel
 * or on the sheet (a click anywhere on a question ticks it too). The selection is kept in the address
 * (`?select=IV,V.C,VI.D.2`: whole chapters, whole parts, single questions), so it can be shared. */

/** Is question `id` in chapter or part `group`? */
export function within(id, group) {
  return id === group || id.startsWith(`${group}.`);
}

/** The shortest description of `chosen` (a Set of question IDs): whole chapters, whole parts, then questions. */
export function tokens(chosen, questions, groups) {
  const out = [];
  const covered = new Set();
  for (const group of groups) {
    if (covered.has(group.split(".")[0])) continue;
    const members = questions.filter((id) => within(id, group));
    if (members.length && members.every((id) => chosen.has(id))) {
      out.push(group);
      covered.add(group);
      members.forEach((id) => covered.add(id));
    }
  }
  return out.concat(questions.filter((id) => chosen.has(id) && !covered.has(id)));
}

/** The selection of the page: `questions` are the IDs of every question (depth 0), in page order. */
export function createSelection({ questions, form, sheet, bar, empty }) {
  const chosen = new Set();
  const groups = [...form.querySelectorAll("input[data-select]")];
  const names = groups.map((input) => input.dataset.select);
  const count = bar.querySelector(".tk-mission-count");
  const alert = bar.querySelector(".tk-mission-alert");
  const link = bar.querySelector(".tk-mission-link");

  function select(group, on) {
    questions.filter((id) => within(id, group)).forEach((id) => (on ? chosen.add(id) : chosen.delete(id)));
  }
  function mark(element, on) { element.dataset.selected = on ? "true" : "false"; }

  /** Reflect the selection in a rendered part, or in every rendered one. */
  function paint(parts) {
    parts.forEach((part) => {
      part.querySelectorAll(".tk-cl-q").forEach((q) => {
        const on = chosen.has(q.dataset.id);
        mark(q, on);
        const box = q.querySelector("input.tk-cl-pick");
        if (box) box.checked = on;
      });
      part.querySelectorAll(".tk-cl-block").forEach((block) => {
        mark(block, !!block.querySelector('.tk-cl-q[data-selected="true"]'));
      });
    });
  }

  function update(keepAddress) {
    sheet.parts.forEach((part, id) => mark(part, questions.some((q) => within(q, id) && chosen.has(q))));
    let first = true;
    document.querySelectorAll(".tk-mission-sheet .tk-cl-section").forEach((section) => {
      const shown = questions.some((q) => within(q, section.dataset.id) && chosen.has(q));
      mark(section, shown);
      section.classList.toggle("tk-cl-later", shown && !first);
      if (shown) first = false;
    });
    paint(sheet.rendered());
    groups.forEach((input) => {
      const members = questions.filter((id) => within(id, input.dataset.select));
      const on = members.filter((id) => chosen.has(id)).length;
      input.checked = members.length > 0 && on === members.length;
      input.indeterminate = on > 0 && on < members.length;
    });
    count.textContent = count.dataset.template.replace("{n}", chosen.size);
    if (chosen.size) alert.textContent = "";
    empty.hidden = chosen.size > 0;  // printed instead of blank pages
    const url = new URL(location.href);
    const list = tokens(chosen, questions, names);
    if (list.length) url.searchParams.set("select", list.join(","));
    else url.searchParams.delete("select");
    url.search = decodeURIComponent(url.search).replace(/=(&|$)/g, "$1");  // readable: ?select=IV,V.C&answer
    if (!keepAddress) history.replaceState(null, "", url.href);
    link.value = url.href;
  }

  const wanted = new URLSearchParams(location.search).get("select");
  (wanted ? wanted.split(",") : []).forEach((token) => select(token.trim(), true));

  groups.forEach((input) => {
    input.addEventListener("change", () => { select(input.dataset.select, input.checked); update(); });
  });
  sheet.root.addEventListener("change", (event) => {
    if (!event.target.matches("input.tk-cl-pick")) return;
    select(event.target.value, event.target.checked);
    update();
  });
  // A click on a question (not on a link, a control or while selecting text) ticks or unticks it.
  sheet.root.addEventListener("click", (event) => {
    const question = event.target.closest(".tk-cl-q");
    if (!question || event.target.closest("a, input, textarea, button, label, summary, .tk-answer")
        || String(getSelection())) return;
    select(question.dataset.id, !chosen.has(question.dataset.id));
    update();
  });

  return {
    chosen,
    wanted: Boolean(wanted),
    update,
    paint,
    all(on) { questions.forEach((id) => (on ? chosen.add(id) : chosen.delete(id))); update(); },
    /** Say that nothing is selected; true if something is. */
    required() {
      if (!chosen.size) alert.textContent = alert.dataset.message;
      return chosen.size > 0;
    },
    link: () => link.value,
  };
}
