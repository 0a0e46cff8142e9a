// A mission file encrypted with a passphrase (tiptoolkit/mission_file.py's EncryptedMissionFile),
// with WebCrypto only: the key from PBKDF2-SHA-256 (a random salt), AES-GCM 256 (a random IV),
// all bytes in standard Base64. Passphrases are compared as Unicode NFC, so that the same letters
// typed on any system open the file.

import { IV_BYTES, MissionFileError, SALT_BYTES, checkEnvelope } from "./file.js";
import { CIPHER, ENCRYPTED_FORMAT, KDF, MIN_ITERATIONS, VERSION } from "./validate-mission.js";

const CHUNK = 0x8000; // bytes per String.fromCharCode call (its arguments are on the stack)

/** The encrypted file (its envelope object) of the plain mission file's JSON text `jsonText`. */
export async function encryptMission(jsonText, passphrase) {
  if (!isPassphrase(passphrase)) throw new TypeError("a passphrase is needed to encrypt a mission file");
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, MIN_ITERATIONS);
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(jsonText));
  return {
    format: ENCRYPTED_FORMAT, version: VERSION, cipher: CIPHER, kdf: KDF, iterations: MIN_ITERATIONS,
    salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)),
  };
}

/** The plain JSON text in `envelope` (to read with readMissionText); MissionFileError "invalid"
 * for an envelope the model refuses (e.g. too few iterations), "passphrase" when AES-GCM refuses
 * the data: a wrong (or empty) passphrase, or data altered or cut short, which it cannot tell apart. */
export async function decryptMission(envelope, passphrase) {
  checkEnvelope(envelope);
  if (!isPassphrase(passphrase)) throw new MissionFileError("passphrase", {}, "data");
  const key = await deriveKey(passphrase, fromBase64(envelope.salt), envelope.iterations);
  let plain;
  try {
    const iv = fromBase64(envelope.iv);
    plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, key, fromBase64(envelope.data));
  } catch {
    throw new MissionFileError("passphrase", {}, "data");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch (error) {
    throw new MissionFileError("not-json", { detail: `not UTF-8: ${error.message}` });
  }
}

function isPassphrase(passphrase) {
  return typeof passphrase === "string" && passphrase !== "";
}

/** The AES-GCM 256 key PBKDF2-SHA-256 derives from `passphrase`. */
async function deriveKey(passphrase, salt, iterations) {
  const secret = new TextEncoder().encode(passphrase.normalize("NFC"));
  const material = await crypto.subtle.importKey("raw", secret, "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

function toBase64(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The bytes of a Base64 text that checkEnvelope accepted (its padding as Python reads it). */
function fromBase64(text) {
  return Uint8Array.from(atob(text.replace(/=+$/, "")), (character) => character.charCodeAt(0));
}
