// web/mission/import-pdf.js and import-form.js: a filled fillable PDF of the site (its form read with
// pdf-lib) as one mission file, its answers by the assessor the cover names; anything else refused whole.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { formField, readForm } from "../../web/mission/import-form.js";
import { pdfForm } from "../../web/mission/import-pdf.js";
import { ANNEX, META, data, missionWith } from "./fixtures.mjs";
import { OPTIONS, RESPONSES, fillablePdf } from "./import-fixtures.mjs";

const mine = missionWith([], META);
const NAME = "checklist-iv-fillable-fr.pdf";
const NOW = new Date(Date.UTC(2026, 11, 9, 12, 0));
const CREATED = new Date(Date.UTC(2026, 10, 1, 8, 0));
const MODIFIED = new Date(Date.UTC(2026, 11, 7, 16, 45));
// As /tmp/sample-filled.pdf: IV.C.1 partly with two lines of notes, the annex item's 3rd option, by Anna.
const FILLED = {
  radios: [["IV.C.1.response", RESPONSES, 2], ["IV.C.1.a.response", RESPONSES, null], [`${ANNEX}.response`, OPTIONS, 2]],
  texts: [["IV.C.1.notes", "Vu au ministère.\nÀ vérifier."], ["IV.C.1.a.notes", ""], [`${ANNEX}.notes`, ""],
          ["mission.country", "Pays"], ["mission.dates", ""], ["mission.institution", ""],
          ["mission.interlocutors", ""], ["mission.assessor", "Anna"]],
};

/** The mission files of the PDF made from `spec` by fillablePdf. */
async function imported(spec, name = NAME) {
  return readForm(await pdfForm(await fillablePdf(spec)), name, data, mine, NOW);
}

describe("a fillable PDF's field", () => {
  it("is an item's response or notes by its ID, or one of the cover's", () => {
    assert.deepEqual(formField("IV.D.3.o.response"), { id: "IV.D.3.o", field: "response" });
    assert.deepEqual(formField(`${ANNEX}.notes`), { id: ANNEX, field: "notes" });
    assert.deepEqual(formField("mission.assessor"), { cover: "assessor" });
    assert.equal(formField("mission.budget"), null);
    assert.equal(formField("IV.C.1.response.undefined"), null);  // how pdf-lib names a radio button listed as a field
  });
});

describe("a filled fillable PDF", () => {
  it("is read with its radio groups' values through /Opt, its notes, and no field for a button", async () => {
    const form = await pdfForm(await fillablePdf({ ...FILLED, modified: MODIFIED, created: CREATED }));
    const fields = Object.fromEntries(form.fields);
    assert.equal(form.fields.length, FILLED.radios.length + FILLED.texts.length);
    assert.equal(fields["IV.C.1.response"], "partly");
    assert.equal(fields[`${ANNEX}.response`], "3");
    assert.equal(fields["IV.C.1.a.response"], "");
    assert.equal(fields["IV.C.1.notes"], "Vu au ministère.\nÀ vérifier.");
    assert.deepEqual([form.modified, form.created], [MODIFIED, CREATED]);
  });

  it("gives one mission file, each answer by the cover's assessor and the file, at the PDF's last change", async () => {
    const [file, more] = await imported({ ...FILLED, modified: MODIFIED, created: CREATED });
    assert.equal(more, undefined);
    assert.equal(file.mission.id, mine.mission.id);
    assert.deepEqual(file.mission.team, ["Anna"]);
    const by = `Anna (${NAME})`;
    const at = MODIFIED.toISOString();
    assert.deepEqual(file.answers["IV.C.1"], {
      response: "partly", option: null, notes: "Vu au ministère.\nÀ vérifier.", sources: [], changes: [
        { at, by, field: "response" }, { at, by, field: "notes" }] });
    assert.deepEqual(file.answers[ANNEX], { response: null, option: 3, notes: "", sources: [], changes: [{ at, by, field: "option" }] });
    assert.deepEqual(Object.keys(file.answers).sort(), [ANNEX, "IV.C.1"]);  // empty fields answer nothing
  });

  it("reads a choice by its value alone, or by the button shown as on where the value is a string (pypdf)", async () => {
    for (const how of [{ shown: false }, { asString: true }]) {
      const [file] = await imported({ ...FILLED, ...how });
      assert.equal(file.answers["IV.C.1"].response, "partly");
      assert.equal(file.answers[ANNEX].option, 3);
    }
  });

  it("without an assessor is by the PDF, now when its date is missing or not a last change", async () => {
    const texts = FILLED.texts.filter(([name]) => name !== "mission.assessor").concat([["mission.assessor", "  "]]);
    const later = new Date(NOW.getTime() + 60_000);
    for (const dates of [{}, { modified: later }, { modified: CREATED, created: CREATED }]) {
      const [file] = await imported({ ...FILLED, texts, ...dates }, "iv.pdf");
      assert.deepEqual(file.answers["IV.C.1"].changes[0], { at: NOW.toISOString(), by: "PDF (iv.pdf)", field: "response" });
      assert.deepEqual(file.mission.team, ["PDF"]);
    }
  });

  it("ends a reader's \\r line breaks as the mission file does", async () => {
    const [file] = await imported({ texts: [["IV.C.1.notes", "Ligne 1\r\nLigne 2\rLigne 3\r\n"]] });
    assert.equal(file.answers["IV.C.1"].notes, "Ligne 1\nLigne 2\nLigne 3");
  });
});

describe("a PDF that does not fit", () => {
  const refused = async (spec, code) => assert.rejects(imported(spec), (error) => error.code === code);

  it("is refused whole: no form, none of our fields, an item the edition lacks, a value off its scale", async () => {
    assert.deepEqual((await pdfForm(await fillablePdf())).fields, []);
    await refused({}, "not-form");
    await refused({ texts: [["Name", "Anna"]], radios: [["Choice", ["a", "b"], 1]] }, "not-form");
    await refused({ ...FILLED, texts: [...FILLED.texts, ["IV.C.9.notes", "Vu."]] }, "unknown-item");
    await refused({ radios: [[`${ANNEX}.response`, ["1", "2", "3", "4", "5", "6"], 5]] }, "scale");
    await refused({ radios: [["IV.C.1.response", ["oui", "non"], 0]] }, "invalid");
  });

  it("is no form at all when pdf-lib cannot read it", async () => {
    assert.equal(await pdfForm(new TextEncoder().encode("%PDF-1.7\nnot a PDF at all")), null);
  });
});
