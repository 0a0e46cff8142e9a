// web/mission/import-file.js: the file chosen with "Import answers", told by its first bytes (a PDF, an
// XLSX workbook, else CSV text) and read by its reader; the readers' bundles as the page runs them.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

import { build } from "esbuild";

import { MAX_BYTES } from "../../web/mission/file.js";
import { READERS, kindOf, readImport } from "../../web/mission/import-file.js";
import { ANNEX, META, data, missionWith } from "./fixtures.mjs";
import { OPTIONS, RESPONSES, fillablePdf, workbook } from "./import-fixtures.mjs";

const mine = missionWith([], META);
const NOW = new Date(Date.UTC(2026, 11, 9, 12, 0));
const READER_MODULES = { pdf: "import-pdf.js", xlsx: "import-xlsx.js" };  // each reader's module, its bundle's entry
const CODE_FROM_STRINGS = /new Worker|\bWorker\(|\beval\(|new Function|\bFunction\(/;  // what the pages' CSP forbids
const CSV = "IV-IV_C-IV_C_1_response,SubmitterName\nyes,Awa\n";
const PDF = { radios: [["IV.C.1.response", RESPONSES, 0], [`${ANNEX}.response`, OPTIONS, 3]], texts: [["mission.assessor", "Anna"]] };
const XLSX = [["IV/IV_C/IV_C_1_response", "_submitted_by"], ["no", "ama"]];

const loaded = [];
/** The readers as Node imports their modules, noting which were asked for. */
async function load(kind) {
  loaded.push(kind);
  return import(`../../web/mission/${READER_MODULES[kind]}`);
}

/** The mission files `bytes` (named `name`) import into, and the readers loaded for it. */
async function imported(bytes, name) {
  loaded.length = 0;
  const files = await readImport(new Blob([bytes]), name, { data, mine, load, now: NOW });
  return { files, loaded: [...loaded] };
}

describe("a file to import", () => {
  it("is a PDF, an XLSX workbook or CSV text by its first bytes", async () => {
    const text = (string) => new TextEncoder().encode(string);
    assert.equal(kindOf(await fillablePdf(PDF)), "pdf");
    assert.equal(kindOf(text("\n\n%PDF-1.7\n")), "pdf");  // junk before the header, as readers accept
    assert.equal(kindOf(await workbook(XLSX)), "xlsx");
    assert.equal(kindOf(text(CSV)), "csv");
    assert.equal(kindOf(text("PK")), "csv");
  });

  it("is read by its content's reader whatever its name, only that reader loaded", async () => {
    const pdf = await imported(await fillablePdf(PDF), "answers.csv");
    assert.deepEqual(pdf.loaded, ["pdf"]);
    assert.deepEqual(pdf.files[0].answers["IV.C.1"].changes, [{ at: NOW.toISOString(), by: "Anna (answers.csv)", field: "response" }]);
    assert.equal(pdf.files[0].answers[ANNEX].option, 4);
    const xlsx = await imported(await workbook(XLSX), "export.pdf");
    assert.deepEqual([xlsx.loaded, xlsx.files[0].answers["IV.C.1"].response], [["xlsx"], "no"]);
    const csv = await imported(new TextEncoder().encode(`\uFEFF${CSV}`), "export.xlsx");
    assert.deepEqual([csv.loaded, csv.files[0].answers["IV.C.1"].changes[0].by], [[], "Awa (export.xlsx)"]);
  });

  it("is refused when it is none of the three, a PDF without a form, or too large to read", async () => {
    const refused = (bytes, code) => assert.rejects(imported(bytes, "x"), (error) => error.code === code);
    await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "not-export");  // a zip that is no workbook
    await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "not-export");  // an old .xls
    await refused(await fillablePdf(), "not-form");
    await refused(new TextEncoder().encode("%PDF-1.4\ntruncated"), "not-form");
    const large = { size: MAX_BYTES + 1, arrayBuffer: () => assert.fail("a file too large is not read") };
    await assert.rejects(readImport(large, "big.csv", { data, mine, load, now: NOW }), (error) => error.code === "too-large");
  });
});

describe("the readers' bundles", () => {
  /** A reader's bundle as tiptoolkit/bundles.py makes it. */
  async function bundle(kind) {
    const entry = fileURLToPath(new URL(`../../web/mission/${READER_MODULES[kind]}`, import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, format: "iife",
                                 platform: "browser", target: "es2020", minify: true, write: false,
                                 globalName: READERS[kind].global, logLevel: "silent" });
    return result.outputFiles[0].text;
  }

  /** What `call` of the bundle of `kind` gives for `bytes`, run as on the mission page: no Node
   * built-ins, no Worker, no code made from strings. */
  async function run(kind, call, bytes) {
    const page = vm.createContext({ TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask },
      { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(await bundle(kind), page);
    page.input = vm.runInContext(`new Uint8Array(${bytes.length})`, page);
    page.input.set(bytes);
    return JSON.parse(await vm.runInContext(`${READERS[kind].global}.${call}(input).then(JSON.stringify)`, page));
  }

  it("are the bundles the site makes, named as the page loads them", async () => {
    const made = await readFile(new URL("../../tiptoolkit/bundles.py", import.meta.url), "utf8");
    for (const [kind, { script, global }] of Object.entries(READERS)) {
      assert.ok(made.includes(`f"{ASSETS}/${script}": ("mission/${READER_MODULES[kind]}", "${global}")`), script);
    }
  });

  it("start no Worker and make no code from strings, and read as their modules do", async () => {
    for (const kind of Object.keys(READERS)) assert.doesNotMatch(await bundle(kind), CODE_FROM_STRINGS, kind);
    const pdf = await run("pdf", "pdfForm", await fillablePdf(PDF));
    assert.deepEqual(pdf.fields, [["IV.C.1.response", "yes"], [`${ANNEX}.response`, "4"], ["mission.assessor", "Anna"]]);
    assert.deepEqual(await run("xlsx", "xlsxGrid", await workbook(XLSX)), XLSX);
  });
});
