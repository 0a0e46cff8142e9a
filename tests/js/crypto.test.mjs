// web/mission/crypto.js: an encrypted mission file opens with its passphrase and only with it;
// altered or cut data, and an envelope the model refuses, are refused.

import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { decryptMission, encryptMission } from "../../web/mission/crypto.js";
import { MissionFileError, readMissionText, serialise } from "../../web/mission/file.js";
import { at, data, missionWith } from "./fixtures.mjs";

const PASSPHRASE = "Élan vital, mission 2026";
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/; // standard, padded

function bytes(base64) {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

function base64(array) {
  return btoa(String.fromCharCode(...array));
}

async function refusedWith(promise, code) {
  await assert.rejects(promise, (error) => error instanceof MissionFileError && error.code === code);
}

describe("an encrypted mission file", () => {
  let text;
  let envelope;
  before(async () => {
    text = serialise(missionWith([["IV.C.1", "notes", "Rencontré le juge d’instruction.", "Anna", 1]]), at(5));
    envelope = await encryptMission(text, PASSPHRASE);
  });

  it("is in the encrypted format: PBKDF2-SHA-256 600000 times, a 16-byte salt, a 12-byte IV, AES-GCM", () => {
    assert.deepEqual(Object.keys(envelope), ["format", "version", "cipher", "kdf", "iterations", "salt", "iv", "data"]);
    assert.equal(envelope.format, "tiptoolkit-mission-encrypted");
    assert.equal(envelope.iterations, 600000);
    assert.equal(envelope.cipher, "AES-GCM");
    assert.equal(envelope.kdf, "PBKDF2-SHA-256");
    for (const field of ["salt", "iv", "data"]) assert.match(envelope[field], BASE64, field);
    assert.equal(bytes(envelope.salt).length, 16);
    assert.equal(bytes(envelope.iv).length, 12);
    const plain = new TextEncoder().encode(text).length;
    assert.equal(bytes(envelope.data).length, plain + 16); // the ciphertext and AES-GCM's 128-bit tag
    assert.equal(readMissionText(JSON.stringify(envelope), data).kind, "encrypted");
  });

  it("holds nothing of the plain text", () => {
    assert.doesNotMatch(JSON.stringify(envelope), /juge|Anna|IV\.C\.1/);
  });

  it("opens with its passphrase, to the same text, which reads as a plain file", async () => {
    const opened = await decryptMission(envelope, PASSPHRASE);
    assert.equal(opened, text);
    assert.equal(readMissionText(opened, data).file.answers["IV.C.1"].notes, "Rencontré le juge d’instruction.");
  });

  it("opens with the same passphrase typed in another Unicode form (NFD)", async () => {
    assert.equal(await decryptMission(envelope, PASSPHRASE.normalize("NFD")), text);
  });

  it("gets a new salt and IV each time", async () => {
    const again = await encryptMission(text, PASSPHRASE);
    assert.notEqual(again.salt, envelope.salt);
    assert.notEqual(again.iv, envelope.iv);
    assert.notEqual(again.data, envelope.data);
  });

  it("does not open with a wrong passphrase", async () => {
    await refusedWith(decryptMission(envelope, "élan vital, mission 2026"), "passphrase");
  });

  it("does not open once a byte of its data is changed", async () => {
    const altered = bytes(envelope.data);
    altered[10] ^= 1;
    await refusedWith(decryptMission({ ...envelope, data: base64(altered) }, PASSPHRASE), "passphrase");
  });

  it("does not open cut short, even below the tag's length", async () => {
    const data = bytes(envelope.data);
    await refusedWith(decryptMission({ ...envelope, data: base64(data.subarray(0, data.length - 3)) }, PASSPHRASE),
      "passphrase");
    await refusedWith(decryptMission({ ...envelope, data: base64(data.subarray(0, 8)) }, PASSPHRASE), "passphrase");
  });

  it("is refused with too few iterations, before any key is derived", async () => {
    await assert.rejects(decryptMission({ ...envelope, iterations: 1000 }, PASSPHRASE),
      (error) => error.code === "invalid" && error.params.path === "iterations");
  });

  it("is refused when its IV is not of 12 bytes", async () => {
    await assert.rejects(decryptMission({ ...envelope, iv: base64(new Uint8Array(16)) }, PASSPHRASE),
      (error) => error.code === "invalid" && error.params.path === "iv");
  });

  it("needs a passphrase to be made; without one it does not open", async () => {
    await assert.rejects(encryptMission(text, ""), TypeError);
    await refusedWith(decryptMission(envelope, ""), "passphrase");
    await refusedWith(decryptMission(envelope, undefined), "passphrase");
  });
});

describe("decrypted bytes that are not UTF-8", () => {
  it("are not JSON", async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(PASSPHRASE), "PBKDF2", false,
      ["deriveKey"]);
    const key = await crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 600000 },
      material, { name: "AES-GCM", length: 256 }, false, ["encrypt"]);
    const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new Uint8Array([0x7b, 0xff, 0x7d]));
    const envelope = {
      format: "tiptoolkit-mission-encrypted", version: 1, cipher: "AES-GCM", kdf: "PBKDF2-SHA-256",
      iterations: 600000, salt: base64(salt), iv: base64(iv), data: base64(new Uint8Array(sealed)),
    };
    await refusedWith(decryptMission(envelope, PASSPHRASE), "not-json");
  });
});
