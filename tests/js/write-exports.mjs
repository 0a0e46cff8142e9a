// Writes the hand-overs of the exports fixture into a folder, for tests/test_mission_exports.py
// to read back: the Word file and the Excel file (named as the site names them) and
// record.json, the record they were made from.
//
//   node tests/js/write-exports.mjs <folder> [--bundles <folder>] [--copies <n>]
//
// --bundles: take wordBlob and excelBlob from the browser bundles word.js and excel.js in that
//   folder (classic scripts defining tkMissionWord and tkMissionExcel), run as on the mission
//   page: no Node built-ins, no Web Worker, no code made from strings (eval, new Function).
// --copies: the record's sections n times over, for a selection as large as the whole toolkit.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import vm from "node:vm";

import { excelBlob } from "../../web/mission/excel.js";
import { buildRecord, fileName } from "../../web/mission/record.js";
import { wordBlob } from "../../web/mission/word.js";
import { data, file, ids, link, now } from "./exports-fixture.mjs";

const USAGE = "usage: node tests/js/write-exports.mjs <folder> [--bundles <folder>] [--copies <n>]";

/** wordBlob and excelBlob as the mission page runs them: from the bundles, in a page-like realm. */
async function bundled(folder) {
  const page = vm.createContext({ Blob, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask },
    { codeGeneration: { strings: false, wasm: false } });
  for (const name of ["word.js", "excel.js"]) vm.runInContext(await readFile(path.join(folder, name), "utf8"), page);
  // The record crosses into the page's realm as JSON, as the page would hold it.
  const run = (call) => (record) => {
    page.recordJson = JSON.stringify(record);
    return vm.runInContext(`${call}(JSON.parse(recordJson))`, page);
  };
  return { word: run("tkMissionWord.wordBlob"), excel: run("tkMissionExcel.excelBlob") };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { bundles: { type: "string" }, copies: { type: "string", default: "1" } },
});
const copies = Number(values.copies);
if (positionals.length !== 1 || !(Number.isInteger(copies) && copies >= 1)) {
  console.error(`${USAGE}\n(the folder to write into; n a whole number from 1)`);
  process.exit(2);
}
const [folder] = positionals;
const make = values.bundles ? await bundled(values.bundles) : { word: wordBlob, excel: excelBlob };
const record = buildRecord(data, file, ids, link, now);
record.sections = Array.from({ length: copies }, () => record.sections).flat();

await mkdir(folder, { recursive: true });
const save = async (name, blob) => writeFile(path.join(folder, name), Buffer.from(await blob.arrayBuffer()));
await save(fileName(file, "docx", now), await make.word(record));
await save(fileName(file, "xlsx", now), await make.excel(record));
await writeFile(path.join(folder, "record.json"), JSON.stringify(record, null, 2));
