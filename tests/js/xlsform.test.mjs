// web/mission/xlsform.js: the XLSForm of a selection, cut from the whole pack's sheets (a small pack
// here, of the items of fixtures.mjs, in the shape tiptoolkit/xlsform.py writes).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { selectionForm } from "../../web/mission/xlsform.js";
import { ANNEX, data } from "./fixtures.mjs";

const FR = "label::Français (fr)";
const EN = "label::English (en)";
const begin = (name) => ["begin_group", name, `${name} (fr)`, `${name} (en)`];
const end = ["end_group", "", "", ""];
const ask = (list, name) => [
  [`select_one ${list}`, `${name}_response`, `${name} — fr`, `${name} — en`],
  ["text", `${name}_notes`, `Notes — ${name}`, `Notes — ${name} (en)`],
];
const PACK = Object.freeze({
  survey: [
    ["type", "name", FR, EN],
    begin("IV"), begin("IV_C"), ...ask("response", "IV_C_1"), ...ask("response", "IV_C_1_a"),
    ...ask("response", "IV_C_1_a_i"), end,
    begin("IV_D"), ...ask("response", "IV_D_3"), ...ask("response", "IV_D_3_o"), end, end,
    begin("ANNEX"), begin("ANNEX_E"), ...ask("rating", "ANNEX_E_1_d_ii"), end, end,
  ],
  choices: [
    ["list_name", "name", FR, EN],
    ["response", "yes", "Oui", "Yes"], ["response", "no", "Non", "No"],
    ["rating", "1", "Aucun", "None"], ["rating", "2", "Fort", "High"],
    ["usage", "1", "Jamais", "Never"],
  ],
  settings: [["form_title", "form_id", "version", "default_language"],
             ["Boîte à outils — Dossier complet", "tiptoolkit_mission_pack", "d855373d94cb", "Français (fr)"]],
});
const TITLE = "Boîte à outils — sélection de 2 questions";

const names = (form) => form.sheets.survey.slice(1).map((row) => row[1]);
const lists = (form) => [...new Set(form.sheets.choices.slice(1).map((row) => row[0]))];
const settings = (form) => Object.fromEntries(form.sheets.settings[0].map((column, i) => [column, form.sheets.settings[1][i]]));

describe("the XLSForm of a selection", () => {
  it("keeps each group only around the rows kept within it", async () => {
    const form = await selectionForm(PACK, data, ["IV.D.3"], TITLE);
    assert.deepEqual(form.sheets.survey, [
      PACK.survey[0], begin("IV"), begin("IV_D"), ...ask("response", "IV_D_3"), ...ask("response", "IV_D_3_o"), end, end,
    ]);
  });

  it("brings each selected question's sub-items with it, in the pack's order", async () => {
    const form = await selectionForm(PACK, data, [ANNEX, "IV.C.1"], TITLE);
    assert.deepEqual(names(form), ["IV", "IV_C", "IV_C_1_response", "IV_C_1_notes", "IV_C_1_a_response",
      "IV_C_1_a_notes", "IV_C_1_a_i_response", "IV_C_1_a_i_notes", "", "", "ANNEX", "ANNEX_E",
      "ANNEX_E_1_d_ii_response", "ANNEX_E_1_d_ii_notes", "", ""]);
  });

  it("keeps the choices of the lists its rows use, and only those", async () => {
    assert.deepEqual(lists(await selectionForm(PACK, data, ["IV.D.3"], TITLE)), ["response"]);
    assert.deepEqual(lists(await selectionForm(PACK, data, [ANNEX], TITLE)), ["rating"]);
    const both = await selectionForm(PACK, data, [ANNEX, "IV.C.1"], TITLE);
    assert.deepEqual(both.sheets.choices, PACK.choices.slice(0, 5));
  });

  it("names the selection, with a form ID of its items and a version of its rows", async () => {
    const form = await selectionForm(PACK, data, ["IV.C.1", ANNEX], TITLE);
    const again = await selectionForm(PACK, data, [ANNEX, "IV.C.1"], TITLE);
    const other = await selectionForm(PACK, data, ["IV.C.1"], TITLE);
    const retitled = await selectionForm(PACK, data, ["IV.C.1", ANNEX], "Toolkit — selection of 2 questions");
    assert.match(form.formId, /^tiptoolkit_selection_[0-9a-f]{12}$/);
    assert.deepEqual(settings(form), { form_title: TITLE, form_id: form.formId, version: settings(form).version,
                                       default_language: "Français (fr)" });
    assert.match(settings(form).version, /^[0-9a-f]{12}$/);
    assert.deepEqual(again, form);
    assert.notEqual(other.formId, form.formId);
    assert.notEqual(settings(other).version, settings(form).version);
    assert.equal(retitled.formId, form.formId);
    assert.notEqual(settings(retitled).version, settings(form).version);
  });

  it("keeps its form ID when the edition puts its items in another order", async () => {
    const moved = { ...data, items: [...data.items.slice(3), ...data.items.slice(0, 3)] };  // IV.C after the annex
    const form = await selectionForm(PACK, data, ["IV.C.1", ANNEX], TITLE);
    assert.equal((await selectionForm(PACK, moved, ["IV.C.1", ANNEX], TITLE)).formId, form.formId);
  });

  it("refuses a pack that lacks a selected item, saying to rebuild the site", async () => {
    const stale = { ...PACK, survey: PACK.survey.filter((row) => !row[1].startsWith("IV_D_3_o")) };
    await assert.rejects(selectionForm(stale, data, ["IV.D.3"], TITLE), /no field for IV\.D\.3\.o: rebuild the site/);
  });
});
