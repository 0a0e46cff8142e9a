// The mission record (web/mission/record.js): what the Word, Excel and printed hand-overs carry;
// and what the Word and Excel files (word.js, excel.js) are made of it (their content is read
// back in tests/test_mission_exports.py).
import test from "node:test";
import assert from "node:assert/strict";

import { excelBlob } from "../../web/mission/excel.js";
import { buildRecord, fileName, sourceLine } from "../../web/mission/record.js";
import { wordBlob } from "../../web/mission/word.js";
import { data, file, ids, link, now } from "./exports-fixture.mjs";

const record = buildRecord(data, file, ids, link, now);
const items = (r) => r.sections.flatMap((s) => s.parts.flatMap((p) => p.items));
const find = (r, id) => items(r).find((i) => i.id === id);
const inEnglish = { ...file, mission: { ...file.mission, language: "en" } };

test("the selected questions come in page order, each followed by its sub-items", () => {
  assert.deepEqual(items(record).map((i) => i.id), [
    "IV.C.1", "IV.C.2", "IV.D.2", "IV.D.2.a", "IV.D.2.b", "IV.D.3", "V.C.1",
    "ANNEX.E.1", "ANNEX.E.1.a", "ANNEX.E.1.a.i", "BP2019.Q.3",
  ]);
  assert.deepEqual(items(record).map((i) => i.depth), [0, 0, 0, 1, 1, 0, 0, 0, 1, 2, 0]);
});

test("sections and parts without a selected item are left out", () => {
  assert.deepEqual(record.sections.map((s) => s.id), ["IV", "V", "ANNEX", "BP2019"]);
  assert.deepEqual(record.sections.map((s) => s.parts.map((p) => p.id)),
    [["IV.C", "IV.D"], ["V.C"], ["ANNEX.E"], ["BP2019.Q"]]);
  assert.equal(find(record, "V.D.1.a"), undefined, "an answer outside the selection stays out");
});

test("sections, parts and items are in the mission's language, items with both texts", () => {
  const [iv] = record.sections;
  assert.deepEqual({ id: iv.id, title: iv.title }, { id: "IV", title: "IV. Identification des victimes" });
  assert.deepEqual(iv.parts.map((p) => [p.title, p.key]), [["C. Questions clefs", true], ["D. Questions spécifiques", false]]);
  assert.equal(record.sections[2].parts[0].key, false, "a part that is not of key questions says so");
  const sub = find(record, "IV.D.2.a");
  assert.equal(sub.label, "a");
  assert.equal(sub.text, "des directives ?");
  assert.deepEqual(sub.texts, { fr: "des directives ?", en: "guidelines?" });
  const english = buildRecord(data, inEnglish, ids, link, now);
  assert.equal(english.sections[0].title, "IV. Identification of victims");
  assert.equal(find(english, "IV.D.2.a").text, "guidelines?");
  assert.equal(english.labels, data.labels.en);
  assert.equal(english.site, data.site.en);
});

test("an answered item carries its response, notes, sources and last change", () => {
  assert.deepEqual(find(record, "IV.C.1"), {
    id: "IV.C.1", depth: 0, label: null,
    text: "Existe-t-il des procédures d’identification ?",
    texts: { fr: "Existe-t-il des procédures d’identification ?", en: "Are there identification procedures?" },
    scale: null,
    response: "Oui",
    notes: "Procédures écrites depuis 2021.\nAppliquées surtout à la frontière.\n\nÀ vérifier auprès du ministère.",
    sources: [
      { institution: "Ministère de l’Intérieur", role: "Directeur de la police des frontières", document: "Circulaire 12/2021" },
      { institution: "ONG Aide", role: "", document: "Rapport annuel 2025" },
      { institution: "", role: "Inspectrice du travail", document: "" },
    ],
    assessor: "Awa Diallo",
    changed: "2026-12-03T14:30:00.000+01:00",
  });
  assert.equal(find(buildRecord(data, inEnglish, ids, link, now), "IV.C.1").response, "Yes");
  assert.deepEqual(items(record).map((i) => i.response),
    ["Oui", "", "", "En partie", "", "Inconnu", "Non", "", "", "Faible", "Sans objet"]);
});

test("an item without an answer has empty fields", () => {
  assert.deepEqual(find(record, "IV.C.2"), {
    id: "IV.C.2", depth: 0, label: null,
    text: "Un mécanisme d’orientation est-il en place ?",
    texts: { fr: "Un mécanisme d’orientation est-il en place ?", en: "Is a referral mechanism in place?" },
    scale: null, response: "", notes: "", sources: [], assessor: "", changed: "",
  });
});

test("an annex item on a scale gives the scale and the chosen option's label", () => {
  const rated = find(record, "ANNEX.E.1.a.i");
  assert.deepEqual(rated.scale, { label: "Appréciation", options: ["Très bonne", "Bonne", "Faible", "Très faible"] });
  assert.equal(rated.response, "Faible");
  assert.deepEqual(rated.sources, [{ institution: "", role: "", document: "Plan de formation 2019" }]);
  const english = find(buildRecord(data, inEnglish, ids, link, now), "ANNEX.E.1.a.i");
  assert.equal(english.response, "Poor");
  assert.equal(english.scale.label, "Rating");
});

test("the record names the edition, the mission, the local date and the selection's link", () => {
  assert.equal(record.lang, "fr");
  assert.equal(record.labels, data.labels.fr);
  assert.equal(record.site, data.site.fr);
  assert.equal(record.address, "https://toolkit.example.org/");
  assert.equal(record.mission, file.mission);
  assert.equal(record.date, "2026-12-07");
  assert.equal(buildRecord(data, file, ids, link, new Date(2027, 0, 3, 23, 59)).date, "2027-01-03");
  assert.equal(record.link, link);
});

test("the date is the local one, not UTC's", () => {
  const zone = process.env.TZ;
  process.env.TZ = "Pacific/Kiritimati"; // UTC+14: half past midnight there is the day before in UTC
  try {
    const early = new Date(2026, 11, 7, 0, 30);
    assert.equal(buildRecord(data, file, ids, link, early).date, "2026-12-07");
    assert.equal(fileName(file, "xlsx", early), "Mission-Bénin-Togo-2026-2026-12-07.xlsx");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test("an ID that is not a question of the edition is refused, saying which and what to do", () => {
  assert.throws(() => buildRecord(data, file, ["IV.C.1", "IV.C.9"], link, now),
    { message: /"IV\.C\.9" is not an item of this edition: select questions/ });
  assert.throws(() => buildRecord(data, file, ["IV.D.2.a"], link, now),
    { message: /"IV\.D\.2\.a" is a sub-item of IV\.D\.2: select the question \(IV\.D\.2\)/ });
});

test("a mission in a language the edition lacks is refused", () => {
  const german = { ...file, mission: { ...file.mission, language: "de" } };
  assert.throws(() => buildRecord(data, german, ids, link, now),
    { message: /The mission's language "de" is not one of this edition's \(fr, en\): change/ });
});

test("file names carry the title as a safe name and the date", () => {
  assert.equal(fileName(file, "docx", now), "Mission-Bénin-Togo-2026-2026-12-07.docx");
  assert.equal(fileName(file, "mission.json", now), "Mission-Bénin-Togo-2026-2026-12-07.mission.json");
  const named = (title) => fileName({ mission: { ...file.mission, title } }, "xlsx", now);
  assert.equal(named('a/b\\c:d*e?f"g<h>i|j k'), "a-b-c-d-e-f-g-h-i-j-k-2026-12-07.xlsx");
  assert.equal(named("Côte d’Ivoire — Évaluation n°3"), "Côte-d-Ivoire-Évaluation-n-3-2026-12-07.xlsx");
  assert.equal(named("Cote\u0301 d’Ivoire"), "Coté-d-Ivoire-2026-12-07.xlsx", "composed to NFC");
  assert.equal(named("???"), "2026-12-07.xlsx");
});

test("a file extension that is not one is refused", () => {
  assert.throws(() => fileName(file, "../docx", now), { message: /The file extension "\.\.\/docx" is not one/ });
  assert.throws(() => fileName(file, "", now), { message: /is not one: give letters and digits/ });
});

test("a source is shown on one line, its empty parts left out", () => {
  assert.equal(sourceLine({ institution: "Ministère", role: "Directrice", document: "Rapport" }), "Ministère — Directrice — Rapport");
  assert.equal(sourceLine({ institution: "", role: "Directrice", document: "" }), "Directrice");
});

test("the Word and Excel files are Blobs of their types", async () => {
  const word = await wordBlob(record);
  const excel = await excelBlob(record);
  assert.equal(word.type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  assert.equal(excel.type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  for (const blob of [word, excel]) assert.deepEqual([...new Uint8Array(await blob.slice(0, 2).arrayBuffer())], [0x50, 0x4b], "a zip file");
});

test("notes longer than an Excel cell holds are refused, naming the item, and no file is made", async () => {
  const long = buildRecord(data, { ...file, answers: { ...file.answers,
    "IV.D.3": { ...file.answers["IV.D.3"], notes: "x".repeat(32768) } } }, ids, link, now);
  await assert.rejects(excelBlob(long),
    { message: "The Notes of IV.D.3 are 32768 characters long, more than an Excel cell holds (32767): shorten them, or hand them over in the Word file." });
  const fitting = buildRecord(data, { ...file, answers: { ...file.answers,
    "IV.D.3": { ...file.answers["IV.D.3"], notes: "x".repeat(32767) } } }, ids, link, now);
  assert.ok((await excelBlob(fitting)).size > 0);
});
