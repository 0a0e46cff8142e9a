// web/mission/answers.js: a new mission, the changes to an answer (each recorded, successive ones
// merged within 10 minutes), and a value that does not fit refused with nothing changed.

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  SAME_CHANGE_MS, isAnswered, isoNow, lastChange, newMission, setAnswer,
} from "../../web/mission/answers.js";
import { MissionFileError, checkMission } from "../../web/mission/file.js";
import { ANNEX, META, at, data, missionWith } from "./fixtures.mjs";

describe("a new mission", () => {
  it("is a valid mission file with a new ID and no answers", () => {
    const file = newMission(META, at(0));
    assert.deepEqual(file, {
      format: "tiptoolkit-mission", version: 1, saved: "2026-12-07T10:00:00.000Z",
      mission: { id: file.mission.id, ...META }, answers: {},
    });
    assert.match(file.mission.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(newMission(META).mission.id, file.mission.id);
    checkMission(file, data);
  });

  it("does not share the caller's team list", () => {
    const meta = { ...META, team: ["Anna"] };
    const file = newMission(meta);
    meta.team.push("Bob");
    assert.deepEqual(file.mission.team, ["Anna"]);
  });

  it("is refused when its details do not fit, saying which", () => {
    for (const [meta, path] of [[{ ...META, end: "2026-11-01" }, "mission"], [{ ...META, title: " " }, "mission.title"],
      [{ ...META, team: [] }, "mission.team"], [{ ...META, language: undefined }, "mission.language"]]) {
      assert.throws(() => newMission(meta), (error) => error.code === "invalid" && error.params.path === path, path);
    }
  });
});

describe("setting an answer", () => {
  it("records each field's change with its time and assessor", () => {
    const file = newMission(META, at(0));
    assert.equal(setAnswer(file, data, "IV.C.1", "response", "yes", "Anna", at(1)), file);
    setAnswer(file, data, "IV.C.1", "notes", "Vu au ministère.", "Anna", at(2));
    setAnswer(file, data, ANNEX, "option", 4, "Bob", at(3));
    assert.deepEqual(file.answers, {
      "IV.C.1": { response: "yes", option: null, notes: "Vu au ministère.", sources: [], changes: [
        { at: isoNow(at(1)), by: "Anna", field: "response" }, { at: isoNow(at(2)), by: "Anna", field: "notes" }] },
      [ANNEX]: { response: null, option: 4, notes: "", sources: [],
        changes: [{ at: isoNow(at(3)), by: "Bob", field: "option" }] },
    });
    checkMission(file, data);
  });

  it("merges successive changes of a field by one person within 10 minutes into one", () => {
    assert.equal(SAME_CHANGE_MS, 10 * 60 * 1000);
    const file = missionWith([["IV.C.1", "notes", "V", "Anna", 1], ["IV.C.1", "notes", "Vu", "Anna", 5],
      ["IV.C.1", "notes", "Vu.", "Anna", 15]]);
    assert.deepEqual(file.answers["IV.C.1"].changes, [{ at: isoNow(at(15)), by: "Anna", field: "notes" }]);
    assert.equal(file.answers["IV.C.1"].notes, "Vu.");
  });

  it("never rewrites a change a saved file holds: the next one is a change of its own", () => {
    const file = missionWith([["IV.C.1", "notes", "V", "Anna", 1]]);
    file.saved = isoNow(at(2)); // "Save mission file"
    setAnswer(file, data, "IV.C.1", "notes", "Vu", "Anna", at(3));
    assert.deepEqual(file.answers["IV.C.1"].changes.map((change) => change.at), [isoNow(at(1)), isoNow(at(3))]);
  });

  it("records a new change after 10 minutes, by another person, or of another field", () => {
    const changes = (steps) => missionWith(steps).answers["IV.C.1"].changes.map(({ at: moment, by, field }) =>
      `${moment.slice(11, 16)} ${by} ${field}`);
    assert.deepEqual(changes([["IV.C.1", "notes", "a", "Anna", 1], ["IV.C.1", "notes", "b", "Anna", 12]]),
      ["10:01 Anna notes", "10:12 Anna notes"]);
    assert.deepEqual(changes([["IV.C.1", "notes", "a", "Anna", 1], ["IV.C.1", "notes", "b", "Bob", 2]]),
      ["10:01 Anna notes", "10:02 Bob notes"]);
    assert.deepEqual(changes([["IV.C.1", "notes", "a", "Anna", 1], ["IV.C.1", "response", "no", "Anna", 2],
      ["IV.C.1", "notes", "b", "Anna", 3]]), ["10:01 Anna notes", "10:02 Anna response", "10:03 Anna notes"]);
  });

  it("changes nothing when the value is the one already there", () => {
    const file = missionWith([["IV.C.1", "response", "yes", "Anna", 1]]);
    const before = structuredClone(file);
    setAnswer(file, data, "IV.C.1", "response", "yes", "Bob", at(30));
    setAnswer(file, data, "IV.D.3", "notes", "", "Bob", at(30));
    setAnswer(file, data, "IV.D.3", "sources", [{ institution: "", role: null, document: "  " }], "Bob", at(30));
    assert.deepEqual(file, before);
  });

  it("stores sources with blank parts as null and leaves empty ones out", () => {
    const file = missionWith([["IV.C.1", "sources", [
      { role: "juriste", institution: "Ministère", document: "" }, { institution: " ", role: "", document: "" },
      { document: "Rapport 2025" }], "Anna", 1]]);
    assert.deepEqual(file.answers["IV.C.1"].sources, [
      { institution: "Ministère", role: "juriste", document: null },
      { institution: null, role: null, document: "Rapport 2025" }]);
  });

  it("clears a response: the answer stays, with its history, but is no longer answered", () => {
    const file = missionWith([["IV.C.1", "response", "yes", "Anna", 1], ["IV.C.1", "response", null, "Anna", 20]]);
    assert.equal(file.answers["IV.C.1"].changes.length, 2);
    assert.equal(isAnswered(file.answers["IV.C.1"]), false);
  });
});

describe("a value that does not fit", () => {
  const cases = [
    ["an option on an item without a scale", "IV.D.3", "option", 1, "Anna", "scale"],
    ["an option beside a response", "IV.C.1", "option", 1, "Anna", "invalid"],
    ["a response on an item with a scale", ANNEX, "response", "yes", "Anna", "scale"],
    ["an option beyond the scale", ANNEX, "option", 5, "Anna", "scale"],
    ["option 0", ANNEX, "option", 0, "Anna", "invalid"],
    ["a fractional option", ANNEX, "option", 1.5, "Anna", "invalid"],
    ["an unknown response", "IV.C.1", "response", "maybe", "Anna", "invalid"],
    ["notes that are not text", "IV.C.1", "notes", 5, "Anna", "invalid"],
    ["sources that are not a list", "IV.C.1", "sources", "Ministère", "Anna", "invalid"],
    ["a source with another key", "IV.C.1", "sources", [{ institution: "M", name: "Jean" }], "Anna", "invalid"],
    ["a blank assessor", "IV.C.1", "response", "yes", " ", "invalid"],
    ["no assessor", "IV.C.1", "response", "yes", undefined, "invalid"],
    ["an item the edition does not have", "IV.D.99", "response", "yes", "Anna", "unknown-item"],
  ];
  for (const [what, id, field, value, by, code] of cases) {
    it(`is refused, nothing changed: ${what}`, () => {
      const file = missionWith([["IV.C.1", "response", "no", "Anna", 1], [ANNEX, "notes", "vu", "Anna", 1]]);
      const before = structuredClone(file);
      assert.throws(() => setAnswer(file, data, id, field, value, by, at(2)),
        (error) => error instanceof MissionFileError && error.code === code);
      assert.deepEqual(file, before);
    });
  }

  it("is refused for a field an answer does not have", () => {
    const file = newMission(META);
    assert.throws(() => setAnswer(file, data, "IV.C.1", "changes", [], "Anna"), TypeError);
    assert.deepEqual(file.answers, {});
  });
});

describe("what an answer says", () => {
  it("is answered with a response or an option, not with notes or sources alone", () => {
    const file = missionWith([["IV.C.1", "response", "unknown", "Anna", 1], [ANNEX, "option", 1, "Anna", 1],
      ["IV.D.3", "notes", "à voir", "Anna", 1], ["IV.D.3.o", "sources", [{ document: "Loi" }], "Anna", 1]]);
    assert.equal(isAnswered(file.answers["IV.C.1"]), true);
    assert.equal(isAnswered(file.answers[ANNEX]), true);
    assert.equal(isAnswered(file.answers["IV.D.3"]), false);
    assert.equal(isAnswered(file.answers["IV.D.3.o"]), false);
    assert.equal(isAnswered(undefined), false);
  });

  it("tells its last change", () => {
    const file = missionWith([["IV.C.1", "response", "yes", "Anna", 1], ["IV.C.1", "notes", "x", "Bob", 3]]);
    assert.deepEqual(lastChange(file.answers["IV.C.1"]), { at: "2026-12-07T10:03:00.000Z", by: "Bob", field: "notes" });
    assert.equal(lastChange(undefined), null);
  });

  it("writes times in UTC with milliseconds", () => {
    assert.equal(isoNow(new Date(Date.UTC(2026, 11, 7, 10, 15))), "2026-12-07T10:15:00.000Z");
  });
});
