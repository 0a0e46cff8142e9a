/* The mission's progress (issue 15, "Progress"): per section (chapter, annex, Working Group
   paper) and per part, how many items there are, how many have a response or an option, how many
   of those are "unknown", and which key questions (depth 0 in a part with key: true) have none
   yet. progress() counts (pure); progressChart() draws the counts as one stacked bar per section
   in an inline SVG, gives the same numbers as a table and links the open key questions. */
import { isAnswered } from "./answers.js";
import { el } from "./dom.js";
import { wording } from "./strings.js";

const SVG = "http://www.w3.org/2000/svg";
const HATCH = "tk-progress-hatch";  // the pattern of the "unknown" segments; one chart per page at a time
const LINE = 18;  // px between two lines of the chart's text (12 px type, progress.css)
const BAR = 14;  // px: a bar's height
const GAP = 14;  // px between two sections
const PARTS_PER_LINE = 2;  // parts' numbers side by side under a bar (x 0 and 50 %): fits a phone
const EXCERPT = 70;  // characters of an open key question's text shown after its ID

/**
 * Counts of one part, one section or the whole mission.
 * @typedef {object} Counts
 * @property {number} total     items (questions and their sub-items)
 * @property {number} answered  items with a response or an option, "unknown" included
 * @property {number} unknown   items whose response is "unknown"
 * @property {object[]} open    key questions without a response or option: data.items' objects, in page order
 */

function empty() {
  return { total: 0, answered: 0, unknown: 0, open: [] };
}

/** Adds one item to `counts`; `key` when the item's part holds key questions. */
function count(counts, item, answer, key) {
  counts.total += 1;
  if (isAnswered(answer)) {
    counts.answered += 1;
    if (answer.response === "unknown") counts.unknown += 1;
  } else if (key && item.depth === 0) {
    counts.open.push(item);
  }
}

/**
 * The progress of `file` (a MissionFile) over the page's `data`.
 * @returns {Counts & {sections: Array<Counts & {section: object, parts: Array<Counts & {part: object}>}>}}
 *   the whole mission's counts, then each of data.sections' and each of its parts', in page order
 */
export function progress(data, file) {
  const byPart = new Map();
  const sections = data.sections.map((section) => {
    const entry = { section, ...empty(), parts: section.parts.map((part) => ({ part, ...empty() })) };
    for (const part of entry.parts) byPart.set(part.part.id, [entry, part]);
    return entry;
  });
  const whole = { ...empty(), sections };
  for (const item of data.items) {
    const found = byPart.get(item.part);
    if (!found || found[0].section.id !== item.section) {
      throw new Error(`Item ${item.id} belongs to part ${item.part} of section ${item.section}, which the page's ` +
        "data.sections does not list: the mission page's data is inconsistent; rebuild the site.");
    }
    const key = found[1].part.key;
    for (const counts of [whole, ...found]) count(counts, item, file.answers[item.id], key);
  }
  return whole;
}

/** The beginning of `text`, cut at a space (and before the punctuation there), with "…" when cut. */
export function excerpt(text) {
  if (text.length <= EXCERPT) return text;
  const cut = text.slice(0, EXCERPT);
  return cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : EXCERPT).replace(/[\s,;:]+$/, "") + "…";
}

/** An SVG element with attributes and children (strings become text nodes). */
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** `n` of `total` as a percentage of the bar's width. */
function share(n, total) {
  return total ? `${(n / total) * 100}%` : "0%";
}

/** The numbers a template of the chart fills for `counts`. */
function numbers(counts) {
  return { answered: counts.answered, total: counts.total, unknown: counts.unknown };
}

/** The legend: a swatch and its words per segment, one per line; returns [group, height]. */
function legend(t, unknownName) {
  const rows = [[{ class: "tk-progress-known" }, t("progress_known")],
    [{ class: "tk-progress-unknown", fill: `url(#${HATCH})` }, unknownName],
    [{ class: "tk-progress-none" }, t("progress_none")]];
  const group = svg("g", {}, ...rows.map(([kind, name], n) => svg("g", { transform: `translate(0 ${n * LINE})` },
    svg("rect", { ...kind, x: 0.5, y: 3.5, width: 22, height: 11 }), svg("text", { x: 30, y: 13 }, name))));
  return [group, rows.length * LINE + GAP];
}

/** One section's row at `y`: its numbers, its bar, its parts' numbers; returns [group, height]. */
function sectionRow(entry, y, t, unknownName) {
  const known = entry.answered - entry.unknown;
  const rest = entry.total - entry.answered;
  const title = (name, n) => svg("title", {}, `${name}: ${n}`);
  const bar = svg("g", { transform: `translate(0 ${LINE})` },
    svg("rect", { class: "tk-progress-none", x: 0, y: 0, width: "100%", height: BAR }, title(t("progress_none"), rest)),
    svg("rect", { class: "tk-progress-known", x: 0, y: 0, width: share(known, entry.total), height: BAR },
      title(t("progress_known"), known)),
    svg("rect", { class: "tk-progress-unknown", fill: `url(#${HATCH})`, x: share(known, entry.total), y: 0,
      width: share(entry.unknown, entry.total), height: BAR }, title(unknownName, entry.unknown)));
  const parts = entry.parts.map((part, n) => svg("text", {
    x: `${(100 / PARTS_PER_LINE) * (n % PARTS_PER_LINE)}%`,
    y: LINE + BAR + LINE * (1 + Math.floor(n / PARTS_PER_LINE)),
  }, t("progress_part", { part: part.part.id.split(".").pop(), ...numbers(part) })));
  const group = svg("g", { transform: `translate(0 ${y})` },
    svg("text", { class: "tk-progress-section", x: 0, y: 13 }, t("progress_section", { section: entry.section.id, ...numbers(entry) })),
    bar, ...parts);
  return [group, LINE + BAR + LINE * Math.ceil(entry.parts.length / PARTS_PER_LINE) + GAP];
}

/** The chart: legend, then a row per section, in an SVG named and described for screen readers. */
function chart(counts, t, unknownName) {
  const hatch = svg("pattern", { id: HATCH, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    svg("rect", { class: "tk-progress-hatch-ground", width: 6, height: 6 }),
    svg("line", { class: "tk-progress-hatch-line", x1: 1.5, y1: 0, x2: 1.5, y2: 6 }));
  const [key, keyHeight] = legend(t, unknownName);
  const rows = [];
  let y = keyHeight;
  for (const entry of counts.sections) {
    const [row, height] = sectionRow(entry, y, t, unknownName);
    rows.push(row);
    y += height;
  }
  return svg("svg", { role: "img", width: "100%", height: y },
    svg("title", {}, t("progress_chart")), svg("desc", {}, t("progress_chart_help")), svg("defs", {}, hatch), key, ...rows);
}

/** A table row: a heading cell, then the numbers of `counts`. */
function tableRow(kind, heading, counts) {
  return el("tr", { class: kind }, el("th", { scope: "row" }, heading),
    ...[counts.total, counts.answered, counts.unknown, counts.total - counts.answered].map((n) => el("td", {}, String(n))));
}

/** The same numbers as the chart, per section and part, as a table; it scrolls sideways on a narrow
    screen, so its box can be focused (keyboard scrolling) and is named. */
function table(data, counts, t) {
  const head = ["where", "items", "answered", "unknown", "none"].map((key) => el("th", { scope: "col" }, t(`progress_${key}`)));
  const body = counts.sections.flatMap((entry) => [
    tableRow("tk-progress-section", entry.section.title[data.lang], entry),
    ...entry.parts.map((part) => tableRow("tk-progress-part", `${part.part.id} — ${part.part.title[data.lang]}`, part)),
  ]);
  const caption = t("progress_table");
  return el("div", { class: "tk-progress-scroll", tabindex: "0", role: "region", "aria-label": caption },
    el("table", { class: "tk-progress-table" }, el("caption", {}, caption),
      el("thead", {}, el("tr", {}, ...head)), el("tbody", {}, ...body),
      el("tfoot", {}, tableRow("tk-progress-total", t("progress_total"), counts))));
}

/** The open key questions, each a link to `href(item)`, or a line saying there are none. */
function openList(data, counts, t, href) {
  if (!counts.open.length) return [el("p", { class: "tk-progress-open" }, t("progress_none_open"))];
  return [el("p", { class: "tk-progress-open" }, t("open_key")),
    el("ul", { class: "tk-progress-open-list" }, ...counts.open.map((item) => el("li", {},
      el("a", { href: href(item) }, `${item.id} — ${excerpt(item.text[data.lang])}`))))];
}

/**
 * The progress of `file` as a figure: its numbers as caption, the chart (inline SVG), the table,
 * the open key questions.
 * @param {object} data  the page's data (sections, items, lang, labels)
 * @param {object} file  the MissionFile
 * @param {Record<string, string>} strings  the workspace's words in data.lang (content/<lang>/site.yml,
 *   mission.ui); {name} is filled in. The chart's:
 *   progress_summary    the caption: {answered} {total} {unknown} {open}
 *   progress_chart      the SVG's accessible name;  progress_chart_help  its description (how to read it)
 *   progress_known      legend: a response other than Unknown
 *   progress_none       legend and column: no response yet
 *   progress_section    a section's numbers above its bar: {section} {answered} {total} {unknown}
 *   progress_part       a part's under the bar: {part} (its letter) {answered} {total} {unknown}
 *   progress_table      the table's caption;  progress_where  its first column (chapter or part)
 *   progress_items, progress_answered, progress_unknown  the other columns;  progress_total  the last row
 *   open_key            heading of the open key questions;  progress_none_open  the line when none is
 *   (the "unknown" segment's legend is data.labels[data.lang].responses.unknown)
 * @param {(item: object) => string} href  the address of an item's control
 * @returns {HTMLElement} a <figure class="tk-progress">
 */
export function progressChart(data, file, strings, href) {
  const t = wording({ lang: data.lang, strings: { ui: strings } });
  const counts = progress(data, file);
  const unknownName = data.labels[data.lang].responses.unknown;
  return el("figure", { class: "tk-progress" },
    el("figcaption", {}, t("progress_summary", { ...numbers(counts), open: counts.open.length })),
    chart(counts, t, unknownName), table(data, counts, t), ...openList(data, counts, t, href));
}
