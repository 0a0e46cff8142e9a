// web/mission/file.js: a mission file is read as tiptoolkit/mission_file.py's check_data reads it,
// each refusal with its code, in the same order; a saved file reads back.

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  MAX_BYTES, MissionFileError, checkSize, isoNow, readMissionText, serialise,
} from "../../web/mission/file.js";
import { ANNEX, at, data, missionWith } from "./fixtures.mjs";

const CHANGE = { at: "2026-12-07T10:15:00+01:00", by: "Anna", field: "response" };

/** A plain mission file as JSON-ready object, with `answers` by ID. */
function saved(answers = {}) {
  return {
    format: "tiptoolkit-mission", version: 1, saved: "2026-12-07T18:00:00Z",
    mission: { id: "2f1c7d9e-5b7a-4d8e-9a0b-1c2d3e4f5a6b", title: "Mission", country: "Pays",
      start: "2026-11-30", end: "2026-12-11", team: ["Anna", "Bob"], language: "fr" },
    answers,
  };
}

function answer(fields = {}) {
  return { changes: [CHANGE], ...fields };
}

function encrypted(fields = {}) {
  return {
    format: "tiptoolkit-mission-encrypted", version: 1, cipher: "AES-GCM", kdf: "PBKDF2-SHA-256",
    iterations: 600000, salt: btoa("s".repeat(16)), iv: btoa("i".repeat(12)), data: btoa("ciphertext"), ...fields,
  };
}

/** The MissionFileError reading `object` as a file's JSON throws. */
function refusal(object) {
  return textRefusal(JSON.stringify(object));
}

function textRefusal(text) {
  try {
    readMissionText(text, data);
  } catch (error) {
    assert.ok(error instanceof MissionFileError, error);
    return error;
  }
  assert.fail("the file was accepted");
}

function assertInvalid(object, path, message) {
  const error = refusal(object);
  assert.equal(error.code, "invalid", error.message);
  assert.equal(error.params.path, path);
  if (message) assert.match(error.params.message, message);
  assert.equal(error.item, path);
}

describe("size", () => {
  it("takes a file of MAX_BYTES (50 MB), refuses one byte more", () => {
    assert.equal(MAX_BYTES, 50 * 1024 * 1024);
    checkSize(MAX_BYTES);
    assert.throws(() => checkSize(MAX_BYTES + 1),
      (error) => error.code === "too-large" && error.params.size === MAX_BYTES + 1 && /50 MB/.test(error.message));
  });
});

describe("a good file", () => {
  it("reads a plain file with answers of every kind", () => {
    const object = saved({
      "IV.D.3.o": answer({ response: "partly", notes: "Vu.\nÀ vérifier.",
        sources: [{ institution: "Ministère", role: "juriste" }] }),
      [ANNEX]: answer({ option: 4, changes: [{ ...CHANGE, field: "option" }] }),
      "IV.C.1": answer({ response: null, option: null, notes: "", sources: [] }),
    });
    assert.deepEqual(readMissionText(JSON.stringify(object), data), { kind: "plain", file: object });
  });

  it("reads an encrypted file as its envelope", () => {
    assert.deepEqual(readMissionText(JSON.stringify(encrypted()), data), { kind: "encrypted", envelope: encrypted() });
  });

  it("takes the dates and times Python takes", () => {
    for (const moment of ["2026-12-07T10:15:00+0100", "2026-12-07 10:15:00Z", "2026-12-07t10:15:00.123456789z"]) {
      const object = saved({ "IV.C.1": answer({ changes: [{ ...CHANGE, at: moment }] }) });
      assert.equal(readMissionText(JSON.stringify(object), data).kind, "plain", moment);
    }
  });

  it("takes Base64 padded as Python takes it", () => {
    assert.equal(readMissionText(JSON.stringify(encrypted({ data: "abcd=" })), data).kind, "encrypted");
  });
});

describe("refusals, in check_data's order", () => {
  it("not JSON", () => {
    const error = textRefusal('{"format": "tiptoolkit-missi');
    assert.equal(error.code, "not-json");
    assert.equal(error.item, "(whole file)");
    assert.match(error.message, /cut short/);
  });

  it("not a mission file", () => {
    for (const object of [{ format: "something else", version: 1 }, [saved()], null, 3, "tiptoolkit-mission"]) {
      const error = refusal(object);
      assert.equal(error.code, "not-mission", JSON.stringify(object));
      assert.equal(error.item, "format");
    }
  });

  it("another version, before the model", () => {
    const error = refusal({ ...saved(), version: 2, mission: null });
    assert.equal(error.code, "version");
    assert.deepEqual(error.params, { version: 2 });
    assert.match(error.message, /format version 2; this site reads version 1/);
    assert.deepEqual(refusal({ format: "tiptoolkit-mission-encrypted" }).params, { version: null });
  });

  it("the model: the schema, with the path of what is wrong and Ajv's message", () => {
    assertInvalid(saved({ "IV.D.3.o": { response: "yes", changes: [] } }), "answers.IV.D.3.o.changes",
      /fewer than 1 items/);
    assertInvalid(saved({ "IV.D.3.o": answer({ response: "maybe" }) }), "answers.IV.D.3.o.response");
    assertInvalid(saved({ "IV.D.3.o": answer({ option: 0, response: null }) }), "answers.IV.D.3.o.option");
    assertInvalid({ ...saved(), extra: 1 }, "extra", /additional properties/);
    const { title, ...untitled } = saved().mission;
    assertInvalid({ ...saved(), mission: untitled }, "mission.title", /required property 'title'/);
    assertInvalid({ ...saved(), saved: "2026-12-07T10:15:00" }, "saved", /date-time/);
  });

  it("the model: an answer's key is an item ID", () => {
    assertInvalid(saved({ foo: 5 }), "answers.foo", /additional properties/);
  });

  it("the model: what the schema cannot say", () => {
    const mission = saved().mission;
    assertInvalid({ ...saved(), mission: { ...mission, title: " \u3000" } }, "mission.title", /blank/);
    assertInvalid({ ...saved(), mission: { ...mission, team: ["Anna", "\t"] } }, "mission.team.1", /blank/);
    assertInvalid({ ...saved(), mission: { ...mission, end: "2026-11-01" } }, "mission", /ends before it starts/);
    assertInvalid({ ...saved(), mission: { ...mission, start: "0000-01-01" } }, "mission.start", /year 1/);
    assertInvalid(saved({ "IV.D.3.o": answer({ sources: [{}] }) }), "answers.IV.D.3.o.sources.0",
      /names an institution, a role or a document/);
    assertInvalid(saved({ "IV.D.3.o": answer({ sources: [{ institution: null, role: null }] }) }),
      "answers.IV.D.3.o.sources.0");
    assertInvalid(saved({ "IV.D.3.o": answer({ sources: [{ role: " " }] }) }), "answers.IV.D.3.o.sources.0.role");
    assertInvalid(saved({ [ANNEX]: answer({ response: "yes", option: 1 }) }), `answers.${ANNEX}`, /not both/);
    assertInvalid(saved({ "IV.C.1": answer({ changes: [{ ...CHANGE, by: "\u0085" }] }) }),
      "answers.IV.C.1.changes.0.by", /blank/);
  });

  it("the model: dates and times Python refuses", () => {
    for (const moment of ["2026-12-07T23:59:60Z", "2026-12-07T10:15:00+01", "0000-01-01T00:00:00Z",
      "2026-12-07\t10:15:00Z"]) {
      assertInvalid(saved({ "IV.C.1": answer({ changes: [{ ...CHANGE, at: moment }] }) }),
        "answers.IV.C.1.changes.0.at", /UTC offset/);
    }
    assertInvalid({ ...saved(), saved: "2026-06-30T23:59:60Z" }, "saved");
  });

  it("the model of an encrypted file", () => {
    assertInvalid(encrypted({ iterations: 1000 }), "iterations", /600000/);
    assertInvalid(encrypted({ iv: btoa("short") }), "iv", /5 bytes, where 12/);
    assertInvalid(encrypted({ salt: btoa("s".repeat(15)) }), "salt", /15 bytes, where 16/);
    assertInvalid(encrypted({ data: "not base64!" }), "data", /pattern/);
    for (const data of ["abc", "ab=", "abc==", "a"]) assertInvalid(encrypted({ data }), "data", /padding/);
    assertInvalid(encrypted({ cipher: "AES-CBC" }), "cipher");
  });

  it("then an ID the edition does not have", () => {
    const error = refusal(saved({ "IV.D.99": answer({ response: "yes" }) }));
    assert.equal(error.code, "unknown-item");
    assert.deepEqual(error.params, { id: "IV.D.99" });
    assert.equal(error.item, "answers.IV.D.99");
  });

  it("the model before the IDs", () => {
    const object = saved({ "IV.D.99": answer({ response: "yes" }), "IV.C.1": answer({ notes: 5 }) });
    assert.equal(refusal(object).code, "invalid");
  });

  it("then an answer off its item's scale", () => {
    const cases = [
      [saved({ "IV.D.3.o": answer({ option: 1 }) }),
        { id: "IV.D.3.o", scale: "Oui / Non / En partie / Inconnu / Sans objet", options: 5 }],
      [saved({ [ANNEX]: answer({ response: "yes" }) }), { id: ANNEX, scale: "Notation", options: 4 }],
      [saved({ [ANNEX]: answer({ option: 5 }) }), { id: ANNEX, scale: "Notation", options: 4 }],
    ];
    for (const [object, params] of cases) {
      const error = refusal(object);
      assert.equal(error.code, "scale");
      assert.deepEqual(error.params, params);
      assert.equal(error.item, `answers.${params.id}`);
    }
  });
});

describe("saving", () => {
  it("writes the file's JSON with the time it is saved, without changing the file", () => {
    const file = missionWith([["IV.C.1", "response", "yes", "Anna", 1]]);
    const before = structuredClone(file);
    const text = serialise(file, at(30));
    assert.deepEqual(file, before);
    assert.deepEqual(JSON.parse(text), { ...before, saved: isoNow(at(30)) });
    assert.deepEqual(readMissionText(text, data).file, JSON.parse(text));
  });
});
