// web/mission/import.js: a KoboToolbox or ODK Central data export (CSV) read into one mission file per
// submission, each answer saying where it came from; anything else refused whole.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { columnField, readExport } from "../../web/mission/import.js";
import { ANNEX, META, data, missionWith } from "./fixtures.mjs";

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
