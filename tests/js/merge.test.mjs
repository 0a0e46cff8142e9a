// web/mission/merge.js: a colleague's file merged into mine takes what only one side has, keeps
// one copy of the same answer, takes the newer of an answer and its older copy, and lists the
// rest as conflicts that only a choice resolves; neither input is ever changed.

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { isoNow, setAnswer } from "../../web/mission/answers.js";
import { checkAnswer, checkMission } from "../../web/mission/file.js";
import { mergeMissions, resolveConflict } from "../../web/mission/merge.js";
import { ANNEX, at, data, missionWith } from "./fixtures.mjs";

/** `value` and everything in it frozen: a change to it throws (modules are strict). */
function frozen(value) {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

/** Mine (Anna's) and theirs (Bob's), the same mission: `shared` steps, then each side's own. */
function sides(shared, mineSteps, theirSteps) {
  const base = missionWith(shared);
  const mine = structuredClone(base);
  const theirs = structuredClone(base);
  theirs.mission.team = ["Bob", "Anna"];
  for (const [id, field, value, by, minutes] of mineSteps) setAnswer(mine, data, id, field, value, by, at(minutes));
  for (const [id, field, value, by, minutes] of theirSteps) setAnswer(theirs, data, id, field, value, by, at(minutes));
  return [frozen(mine), frozen(theirs)];
}

/** Merges frozen inputs (a change to either throws) and checks they are still as they were. */
function merge(mine, theirs) {
  const [mineBefore, theirsBefore] = [structuredClone(mine), structuredClone(theirs)];
  const result = mergeMissions(mine, theirs);
  assert.deepEqual(mine, mineBefore);
  assert.deepEqual(theirs, theirsBefore);
  checkMission(result.file, data);
  return result;
}

describe("merging", () => {
  it("takes the answers only one side has, and unites the teams", () => {
    const [mine, theirs] = sides([], [["IV.C.1", "response", "yes", "Anna", 1]],
      [["IV.D.3", "notes", "Vu.", "Bob", 2], [ANNEX, "option", 3, "Bob", 3]]);
    const mineWithTeam = { ...mine, mission: { ...mine.mission, team: ["Anna", "Carl", "Anna"] } };
    const { file, conflicts } = merge(mineWithTeam, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(file.answers, { "IV.C.1": mine.answers["IV.C.1"], "IV.D.3": theirs.answers["IV.D.3"],
      [ANNEX]: theirs.answers[ANNEX] });
    assert.deepEqual(file.mission, { ...mine.mission, team: ["Anna", "Carl", "Bob"] });
    assert.equal(file.saved, mine.saved);
  });

  it("keeps the same answer once, with the changes of both, each once, oldest first", () => {
    const [mine, theirs] = sides([["IV.C.1", "notes", "Vu.", "Anna", 1]], [["IV.C.1", "response", "no", "Anna", 20]],
      [["IV.C.1", "response", "no", "Bob", 15]]);
    const { file, conflicts } = merge(mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(file.answers["IV.C.1"], { response: "no", option: null, notes: "Vu.", sources: [], changes: [
      { at: isoNow(at(1)), by: "Anna", field: "notes" }, { at: isoNow(at(15)), by: "Bob", field: "response" },
      { at: isoNow(at(20)), by: "Anna", field: "response" }] });
  });

  it("takes the newer side where the other is an older copy of it, either way", () => {
    const [mine, theirs] = sides([["IV.C.1", "response", "yes", "Anna", 1]],
      [["IV.C.1", "response", "no", "Anna", 30]], []);
    assert.deepEqual(merge(mine, theirs), { file: { ...mine, mission: { ...mine.mission, team: ["Anna", "Bob"] } },
      conflicts: [] });
    const { file, conflicts } = merge(theirs, mine);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(file.answers["IV.C.1"], mine.answers["IV.C.1"]);
  });

  it("lists answers changed differently on both sides as conflicts, keeping mine until resolved", () => {
    const [mine, theirs] = sides([["IV.C.1", "response", "yes", "Anna", 1]],
      [["IV.C.1", "response", "no", "Anna", 30], ["IV.D.3", "notes", "à moi", "Anna", 31]],
      [["IV.C.1", "response", "partly", "Bob", 40]]);
    const { file, conflicts } = merge(mine, theirs);
    assert.deepEqual(conflicts, [{ id: "IV.C.1", mine: mine.answers["IV.C.1"], theirs: theirs.answers["IV.C.1"] }]);
    assert.deepEqual(file.answers, mine.answers);
  });
});

describe("resolving a conflict", () => {
  const [mine, theirs] = sides([["IV.C.1", "response", "yes", "Anna", 1]],
    [["IV.C.1", "response", "no", "Anna", 30], ["IV.C.1", "notes", "Selon le ministère.", "Anna", 31],
      ["IV.C.1", "sources", [{ institution: "Ministère" }], "Anna", 32]],
    [["IV.C.1", "response", "partly", "Bob", 40], ["IV.C.1", "notes", "Selon le parquet.", "Bob", 41],
      ["IV.C.1", "sources", [{ institution: "Parquet", role: "procureur" }, { institution: "Ministère" }], "Bob",
        42]]);
  const [conflict] = merge(mine, theirs).conflicts;
  const both = [...mine.answers["IV.C.1"].changes, ...theirs.answers["IV.C.1"].changes.slice(1)]
    .sort((a, b) => a.at.localeCompare(b.at));

  function resolve(choice) {
    const answer = resolveConflict(frozen(structuredClone(conflict)), choice, "Anna", at(60));
    checkAnswer("IV.C.1", answer, data);
    return answer;
  }

  it("by mine: mine's answer with the changes of both, so that the colleague's file no longer conflicts", () => {
    const answer = resolve("mine");
    assert.deepEqual(answer, { ...mine.answers["IV.C.1"], changes: both });
    const merged = { ...mine, answers: { ...mine.answers, "IV.C.1": answer } };
    assert.deepEqual(merge(merged, theirs).conflicts, []);
    assert.deepEqual(merge(theirs, merged).file.answers["IV.C.1"], answer);
  });

  it("by theirs: the colleague's answer, each field it changes recorded as the user's change", () => {
    const answer = resolve("theirs");
    const { changes, ...content } = answer;
    const { changes: _, ...theirContent } = theirs.answers["IV.C.1"];
    assert.deepEqual(content, theirContent);
    assert.deepEqual(changes, [...both, ...["response", "notes", "sources"].map((field) =>
      ({ at: isoNow(at(60)), by: "Anna", field }))]);
  });

  it("by both: mine's response, both notes with the colleague named, all sources once", () => {
    const answer = resolve("both");
    assert.equal(answer.response, "no");
    assert.equal(answer.notes, "Selon le ministère.\n\n— Bob —\nSelon le parquet.");
    assert.deepEqual(answer.sources, [{ institution: "Ministère", role: null, document: null },
      { institution: "Parquet", role: "procureur", document: null }]);
    assert.deepEqual(answer.changes, [...both, ...["notes", "sources"].map((field) =>
      ({ at: isoNow(at(60)), by: "Anna", field }))]);
  });

  it("by both, when only the colleague has notes: theirs, named", () => {
    const answer = resolveConflict({ ...conflict, mine: { ...conflict.mine, notes: "" } }, "both", "Anna", at(60));
    assert.equal(answer.notes, "— Bob —\nSelon le parquet.");
  });

  it("by both, when the colleague has no other notes: mine alone", () => {
    for (const notes of ["", "Selon le ministère."]) {
      const answer = resolveConflict({ ...conflict, theirs: { ...conflict.theirs, notes } }, "both", "Anna", at(60));
      assert.equal(answer.notes, "Selon le ministère.");
    }
  });

  it("only by mine, theirs or both", () => {
    assert.throws(() => resolveConflict(conflict, "neither", "Anna", at(60)), TypeError);
  });
});

describe("a saved copy merged back after more typing", () => {
  it("is an older copy, not a conflict", () => {
    const mine = missionWith([["IV.C.1", "notes", "Vu", "Anna", 1]]);
    mine.saved = isoNow(at(2)); // Anna saves her file and gives it to Bob, then goes on typing
    const copy = structuredClone(mine);
    setAnswer(mine, data, "IV.C.1", "notes", "Vu au ministère.", "Anna", at(4));
    const back = mergeMissions(copy, mine); // Bob merges Anna's newer file into his copy of the older one
    assert.deepEqual(back.conflicts, []);
    assert.equal(back.file.answers["IV.C.1"].notes, "Vu au ministère.");
  });
});
