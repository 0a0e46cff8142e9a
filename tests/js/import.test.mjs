// web/mission/import.js: a KoboToolbox or ODK Central data export (CSV, or XLSX read by
// import-xlsx.js) read into one mission file per submission, each answer saying where it came from;
// anything else refused whole.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { columnField, readExport, readGrid } from "../../web/mission/import.js";
import { xlsxGrid } from "../../web/mission/import-xlsx.js";
import { ANNEX, META, data, missionWith } from "./fixtures.mjs";
import { workbook } from "./import-fixtures.mjs";

const mine = missionWith([], META);
const CENTRAL = [  // ODK Central's CSV: SubmissionDate first, groups joined by "-", meta and review columns after
  "SubmissionDate,IV-IV_C-IV_C_1_response,IV-IV_C-IV_C_1_notes,IV-IV_C-IV_C_1_a_response,ANNEX-ANNEX_E-ANNEX_E_1_d_ii_response,meta-instanceID,KEY,SubmitterID,SubmitterName,ReviewState",
  '2026-12-07T09:30:00.000Z,yes,"Vu au ministère, le 5.\nÀ confirmer.",,3,uuid:1,uuid:1,7,Jean Martin,',
  "2026-12-08T11:00:00.000Z,partly,,no,,uuid:2,uuid:2,8,Awa Diallo,approved",
].join("\r\n");
const KOBO = [  // KoboToolbox's CSV: groups joined by "/", its own submission columns
  "start;end;IV/IV_C/IV_C_1_response;_submission_time;_submitted_by",
  "2026-12-07T08:00:00.000+01:00;2026-12-07T08:10:00.000+01:00;unknown;2026-12-07T07:11:00;ama",
].join("\n");

describe("a data export", () => {
  it("names its fields by the group path, the last name being the item's ID and the field", () => {
    assert.deepEqual(columnField("IV-IV_C-IV_C_1_a_response"), { id: "IV.C.1.a", field: "response" });
    assert.deepEqual(columnField("group/ANNEX_E_1_d_ii_notes"), { id: ANNEX, field: "notes" });
    assert.equal(columnField("meta-instanceID"), null);
  });

  it("from ODK Central gives a mission file per submission, each answer with its origin", () => {
    const [first, second] = readExport(CENTRAL, "central.csv", data, mine);
    assert.equal(first.mission.id, mine.mission.id);
    assert.deepEqual(first.mission.team, ["Jean Martin"]);
    assert.deepEqual(first.answers["IV.C.1"], {
      response: "yes", option: null, notes: "Vu au ministère, le 5.\nÀ confirmer.", sources: [], changes: [
        { at: "2026-12-07T09:30:00.000Z", by: "Jean Martin (central.csv)", field: "response" },
        { at: "2026-12-07T09:30:00.000Z", by: "Jean Martin (central.csv)", field: "notes" }] });
    assert.equal(first.answers[ANNEX].option, 3);
    assert.equal(first.answers["IV.C.1.a"], undefined); // an empty cell answers nothing
    assert.equal(second.answers["IV.C.1.a"].response, "no");
    assert.equal(second.answers["IV.C.1"].changes[0].by, "Awa Diallo (central.csv)");
  });

  it("from KoboToolbox (semicolons, a submission time without a zone) reads the same way", () => {
    const [file] = readExport(KOBO, "kobo.csv", data, mine);
    assert.deepEqual(file.answers["IV.C.1"].changes, [{ at: "2026-12-07T07:11:00.000Z", by: "ama (kobo.csv)", field: "response" }]);
  });

  it("is refused whole when it is not one of ours, answers an item the edition lacks, or leaves a scale", () => {
    const refused = (text, code) => assert.throws(() => readExport(text, "x.csv", data, mine), (error) => error.code === code);
    refused("name,age\nAnna,40\n", "not-export");
    refused("%PDF-1.7 binary", "not-export");
    refused("IV-IV_C-IV_C_9_response\nyes\n", "unknown-item");
    refused("ANNEX-ANNEX_E-ANNEX_E_1_d_ii_response\n9\n", "scale");
    refused("IV-IV_C-IV_C_1_response\nmaybe\n", "invalid");
  });
});

describe("an XLSX data export", () => {
  const KOBO_XLSX = [  // KoboToolbox's XLSX: its first sheet, the CSV's columns, cells of any type
    ["start", "IV/IV_C/IV_C_1_response", "IV/IV_C/IV_C_1_notes", "ANNEX/ANNEX_E/ANNEX_E_1_d_ii_response",
     "_id", "_submission_time", "_submitted_by"],
    ["2026-12-07T08:00:00.000+01:00", "partly", "Vu au ministère.\nÀ confirmer.", 3, 41,
     { value: new Date(Date.UTC(2026, 11, 7, 7, 11)), format: "yyyy-mm-dd hh:mm:ss" }, "ama"],
    [null, null, null, null, null, null, null],
    ["2026-12-08T08:00:00.000+01:00", "no", null, null, 42, "2026-12-08T07:30:00", null],
  ];

  it("is read from its first sheet, each cell as the text a CSV export would hold", async () => {
    const grid = await xlsxGrid(await workbook(KOBO_XLSX));
    assert.deepEqual(grid[0], KOBO_XLSX[0]);
    assert.deepEqual(grid[1], ["2026-12-07T08:00:00.000+01:00", "partly", "Vu au ministère.\nÀ confirmer.", "3", "41",
                               "2026-12-07T07:11:00.000Z", "ama"]);
    assert.equal(await xlsxGrid(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), null);  // not a workbook
  });

  it("gives a mission file per submission, as the CSV does, by the submitter and the file", async () => {
    const [first, second, more] = readGrid(await xlsxGrid(await workbook(KOBO_XLSX)), "kobo.xlsx", data, mine);
    assert.equal(more, undefined);  // an empty row is no submission
    assert.deepEqual(first.answers["IV.C.1"], {
      response: "partly", option: null, notes: "Vu au ministère.\nÀ confirmer.", sources: [], changes: [
        { at: "2026-12-07T07:11:00.000Z", by: "ama (kobo.xlsx)", field: "response" },
        { at: "2026-12-07T07:11:00.000Z", by: "ama (kobo.xlsx)", field: "notes" }] });
    assert.equal(first.answers[ANNEX].option, 3);
    assert.deepEqual(second.answers["IV.C.1"].changes, [{ at: "2026-12-08T07:30:00.000Z", by: "ODK (kobo.xlsx)", field: "response" }]);
  });

  it("is refused as a CSV is: none of our columns, an unknown item, a value off its scale", () => {
    const refused = (grid, code) => assert.throws(() => readGrid(grid, "x.xlsx", data, mine), (error) => error.code === code);
    refused([["type", "name", "label::Français (fr)"], ["select_one response", "IV_C_1_response", "IV.C.1 — Q"]], "not-export");
    refused([["IV/IV_C/IV_C_1_response"]], "not-export");  // no submission
    refused([["IV/IV_C/IV_C_9_response"], ["yes"]], "unknown-item");
    refused([["ANNEX/ANNEX_E/ANNEX_E_1_d_ii_response"], ["5"]], "scale");
  });
});

describe("an export with the questions' labels for column names (KoboToolbox's \"Labels\")", () => {
  it("is refused with its own reason, as CSV and as XLSX", () => {
    const csv = "start;IV — Chapitre/Questions clefs/IV.C.1 — Existe-t-il une loi?;Notes — IV.C.1;_submission_time\n"
      + "2026-12-07;Oui;;2026-12-07\n";
    assert.throws(() => readExport(csv, "labels.csv", data, mine), (error) => error.code === "export-labels");
    const grid = [["IV — Chapitre/Questions clefs/IV.C.1 — Existe-t-il une loi?", "_uuid"], ["Oui", "u1"]];
    assert.throws(() => readGrid(grid, "labels.xlsx", data, mine), (error) => error.code === "export-labels");
  });

  it("is told apart from a file that names no item of ours", () => {
    assert.throws(() => readExport("Question IV.C.9 — ?;_uuid\nOui;u1\n", "x.csv", data, mine),
      (error) => error.code === "not-export");
  });
});
