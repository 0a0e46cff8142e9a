/** The hand-overs: Word and Excel files made in the browser (their libraries are bundles of their own,
 * loaded on first use), and the printed record's page footers. All three carry the selected items;
 * so does the selection's XLSForm, cut from the whole pack's (xlsform.js) and written as an Excel file. */

import { hasWords, withWords } from "./data.js";
import { download, loadScript } from "./dom.js";
import { buildRecord, fileName } from "./record.js";
import { selectionForm } from "./xlsform.js";

const KINDS = {
  word: { script: "mission-word.js", global: "tkMissionWord", make: "wordBlob", extension: "docx" },
  excel: { script: "mission-excel.js", global: "tkMissionExcel", make: "excelBlob", extension: "xlsx" },
};

/** Load the words of the languages `langs` that `data` lacks, from their editions' `mission/words.js`. */
async function needWords(data, langs) {
  for (const lang of langs.filter((code) => !hasWords(data, code))) {
    await loadScript(new URL(data.others[lang], location.href).href);
    const words = globalThis.tiptoolkitMissionWords && globalThis.tiptoolkitMissionWords[lang];
    if (!words) throw new Error(`${data.others[lang]} holds no ${lang} words: rebuild the site (make build)`);
    withWords(data, lang, words);
  }
}

/** The library of the `kind` ("word", "excel") hand-over, its bundle loaded (from beside `base`) on first use. */
async function library(kind, base) {
  const how = KINDS[kind];
  await loadScript(new URL(how.script, base).href);
  return globalThis[how.global];
}

/** Make and download the `kind` ("word", "excel") hand-over of `file`: resolves to the file's name. The
 * Word file is in the mission's language; the Excel file gives the questions in every language. */
export async function handOver(kind, { data, file, ids, link, base }) {
  const how = KINDS[kind];
  await needWords(data, kind === "excel" ? data.langs : [file.mission.language]);
  const blob = await (await library(kind, base))[how.make](buildRecord(data, file, ids, link));
  const name = fileName(file, how.extension);
  download(blob, name);
  return name;
}

/** Make and download the XLSForm of the selected questions `ids`, titled `title`, from the whole pack's
 * sheets (`data.packSheets`: the script, loaded on first use, and the global it defines): resolves to the
 * file's name, its form ID's. */
export async function handOverForm({ data, ids, title, base }) {
  await loadScript(new URL(data.packSheets.src, location.href).href);
  const pack = globalThis[data.packSheets.global];
  if (!pack) throw new Error(`${data.packSheets.src} holds no XLSForm sheets: rebuild the site (make build)`);
  const { sheets, formId } = await selectionForm(pack, data, ids, title);
  const name = `${formId}.xlsx`;
  download(await (await library("excel", base)).xlsformBlob(sheets), name);
  return name;
}

function cssString(text) {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ")}"`;
}

/** Foot every printed page with `text` (the edition, the mission, the date, the selection's link), the
 * page number at the right. Set through the CSS object model, which the page's policy allows. */
let footer = null;
export function footPages(sheet, text) {
  const index = [...sheet.cssRules].indexOf(footer);
  if (index >= 0) sheet.deleteRule(index);
  const font = `font-family: "Noto Sans", sans-serif;`;  // the checklists' own font (fonts.css)
  const at = sheet.insertRule(`@page { @bottom-left { content: ${cssString(text)}; ${font} font-size: 6.5pt; }
    @bottom-center { content: none; } @bottom-right { content: counter(page) " / " counter(pages); ${font} font-size: 7pt; } }`,
  sheet.cssRules.length);
  footer = sheet.cssRules[at];
}
