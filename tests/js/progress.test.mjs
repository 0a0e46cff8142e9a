// The mission's progress counts (web/mission/progress.js) on a small hand-made page's data: a
// chapter with key questions (one with a sub-item) and specific questions, the annex with an item
// rated on a scale; answers of every kind, a notes-only answer, items never answered.
import test from "node:test";
import assert from "node:assert/strict";

import { excerpt, progress } from "../../web/mission/progress.js";

const t = (fr, en) => ({ fr, en });
const item = (id, part, parent, depth, scale = null) => ({
  id, section: id.split(".")[0], part, parent, depth, label: depth ? id.split(".").pop() : null, scale,
  text: t(`Texte de ${id}`, `Text of ${id}`), link: `https://toolkit.example.org/q/${id}`,
});

const data = {
  lang: "fr",
  sections: [
    { id: "IV", anchor: "cl-iv", title: t("IV. Identification", "IV. Identification"), parts: [
      { id: "IV.C", anchor: "cl-iv-c", title: t("Questions clés", "Key questions"), key: true },
      { id: "IV.D", anchor: "cl-iv-d", title: t("Questions spécifiques", "Specific questions"), key: false },
    ] },
    { id: "ANNEX", anchor: "cl-annex", title: t("Annexe", "Annex"), parts: [
      { id: "ANNEX.A", anchor: "cl-annex-a", title: t("A. Profil", "A. Profile"), key: false },
    ] },
  ],
  items: [
    item("IV.C.1", "IV.C", null, 0),
    item("IV.C.1.a", "IV.C", "IV.C.1", 1),
    item("IV.C.2", "IV.C", null, 0),
    item("IV.C.3", "IV.C", null, 0),
    item("IV.C.4", "IV.C", null, 0),
    item("IV.D.1", "IV.D", null, 0),
    item("IV.D.1.a", "IV.D", "IV.D.1", 1),
    item("ANNEX.A.1", "ANNEX.A", null, 0, "rating"),
    item("ANNEX.A.2", "ANNEX.A", null, 0, "rating"),
  ],
};

const answer = (response, option = null, notes = "", field = "response") => ({
  response, option, notes, sources: [], changes: [{ at: "2026-12-07T10:15:00.000Z", by: "Awa", field }],
});

const file = {
  format: "tiptoolkit-mission", version: 1, saved: "2026-12-07T10:20:00.000Z",
  mission: { id: "0b6f4a52-3c1e-4b8e-9a57-2f1d3c4b5a69", title: "Test", country: "Pays", start: "2026-12-01",
    end: "2026-12-12", team: ["Awa"], language: "fr" },
  answers: {
    "IV.C.1": answer("yes"),
    "IV.C.2": answer("unknown"),
    "IV.C.4": answer(null, null, "Rendez-vous mardi", "notes"),  // notes only: still open
    "IV.D.1.a": answer("no"),
    "ANNEX.A.1": answer(null, 2, "", "option"),
  },
};

const numbers = ({ total, answered, unknown, open }) => ({ total, answered, unknown, open: open.map((i) => i.id) });

test("each part counts its items, those answered, those unknown and its open key questions", () => {
  const [iv, annex] = progress(data, file).sections;
  assert.deepEqual(iv.parts.map(numbers), [
    { total: 5, answered: 2, unknown: 1, open: ["IV.C.3", "IV.C.4"] },  // sub-item counted, never a key question
    { total: 2, answered: 1, unknown: 0, open: [] },  // an unanswered question of a part without key: not open
  ]);
  assert.deepEqual(annex.parts.map(numbers), [{ total: 2, answered: 1, unknown: 0, open: [] }]);  // an option answers
  assert.equal(iv.parts[0].part, data.sections[0].parts[0]);
  assert.equal(iv.parts[0].open[0], data.items[3]);  // the item itself, for its link and text
});

test("each section and the whole mission add up their parts", () => {
  const whole = progress(data, file);
  assert.deepEqual(whole.sections.map(numbers), [
    { total: 7, answered: 3, unknown: 1, open: ["IV.C.3", "IV.C.4"] },
    { total: 2, answered: 1, unknown: 0, open: [] },
  ]);
  assert.equal(whole.sections[1].section, data.sections[1]);
  assert.deepEqual(numbers(whole), { total: 9, answered: 4, unknown: 1, open: ["IV.C.3", "IV.C.4"] });
});

test("a new mission has every item still to answer and every key question open", () => {
  const whole = progress(data, { ...file, answers: {} });
  assert.deepEqual(numbers(whole), { total: 9, answered: 0, unknown: 0, open: ["IV.C.1", "IV.C.2", "IV.C.3", "IV.C.4"] });
});

test("an item of a part the sections do not list is refused, saying which", () => {
  for (const stray of [item("IV.E.1", "IV.E", null, 0), { ...item("IV.D.2", "IV.D", null, 0), section: "V" }]) {
    assert.throws(() => progress({ ...data, items: [...data.items, stray] }, file),
      new RegExp(`Item ${stray.id.replaceAll(".", "\\.")} belongs to part ${stray.part.replace(".", "\\.")} of section ${stray.section}, .*rebuild the site`));
  }
});

test("an open key question's text is shown from its beginning, cut at a word", () => {
  assert.equal(excerpt("Courte question ?"), "Courte question ?");
  const long = "Existe-t-il une procédure écrite d’identification des victimes présumées de la traite, connue des services ?";
  assert.equal(excerpt(long), "Existe-t-il une procédure écrite d’identification des victimes…");
  assert.ok(long.startsWith(excerpt(long).slice(0, -1)));
  assert.equal(excerpt("x".repeat(100)), `${"x".repeat(70)}…`);  // no space to cut at
  assert.equal(excerpt(`${"a".repeat(60)}, ${"b".repeat(20)}`), `${"a".repeat(60)}…`);  // not ",…"
});
