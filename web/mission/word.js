/**
 * The Word hand-over (.docx) of a mission record (see record.js): the mission's details, then
 * the toolkit's structure in Word's built-in heading styles (chapter, part, question, sub-item:
 * Heading 1 to 5, so Word's navigation pane shows them), each item with its response, notes,
 * sources and last change; in the mission's language.
 */
import {
  Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";

import { sourceLine } from "./record.js";

/** The language tag Word is given for each language of the toolkit (spelling, hyphenation); another
 * language is given as it is. */
const LOCALES = { fr: "fr-FR", en: "en-GB" };

/** A question's heading level is HEADINGS[3], its sub-items' the next ones down. */
const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];

/** "Réponse : " in French (a no-break space before the colon), "Response: " in English. */
function labelled(lang, label) {
  return `${label}${lang === "fr" ? "\u00a0:" : ":"} `;
}

/** A paragraph of a bold label and its value. */
function labelParagraph(lang, label, value) {
  return new Paragraph({ children: [new TextRun({ text: labelled(lang, label), bold: true }), new TextRun(value)] });
}

/** A paragraph of one run of text, styled as `style` says ({bold: true}, {italics: true}). */
function styled(text, style) {
  return new Paragraph({ children: [new TextRun({ text, ...style })] });
}

/** The document's title: "Relevé de mission — <mission title>". */
function title(record) {
  return `${record.labels.record} — ${record.mission.title}`;
}

/** A link that shows its address. */
function link(url) {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: "Hyperlink" })] });
}

/** The mission's details: a two-column table of labels and values. */
function details(record) {
  const { labels, mission } = record;
  const rows = [
    [labels.country, [new TextRun(mission.country)]],
    [labels.dates, [new TextRun(`${mission.start} – ${mission.end}`)]],
    [labels.team, [new TextRun(mission.team.join(", "))]],
    [labels.language, [new TextRun(labels.language_names[mission.language])]],
    [labels.date, [new TextRun(record.date)]],
    [labels.edition, [new TextRun(`${record.site} `), link(record.address)]],
    [labels.selection, [link(record.link)]],
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([label, value]) => new TableRow({
      children: [
        new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE },
          children: [styled(label, { bold: true })] }),
        new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: value })] }),
      ],
    })),
  });
}

/** An item's heading: "IV.D.3 — text" for a question, "a) text — IV.D.3.a" for a sub-item. */
function itemHeading(item) {
  const text = item.depth === 0 ? `${item.id} — ${item.text}` : `${item.label}) ${item.text} — ${item.id}`;
  return new Paragraph({ text, heading: HEADINGS[3 + item.depth] });
}

/** What is recorded for an item: response, notes (a paragraph per line), sources, last change. */
function itemBody(record, item) {
  const { lang, labels } = record;
  const out = [item.response
    ? labelParagraph(lang, item.scale ? item.scale.label : labels.response, item.response)
    : styled(labels.no_response, { italics: true })];
  if (item.notes) {
    out.push(styled(labels.notes, { bold: true }));
    out.push(...item.notes.split(/\r?\n/).map((line) => new Paragraph(line)));
  }
  if (item.sources.length) {
    out.push(styled(labels.sources, { bold: true }));
    out.push(...item.sources.map((source) => new Paragraph({ text: sourceLine(source), bullet: { level: 0 } })));
  }
  if (item.assessor) {
    out.push(styled(`${item.assessor}, ${item.changed.slice(0, 10)}`, { italics: true }));
  }
  return out;
}

/** The body: the title, the details, then every section, part and item under its heading. */
function body(record) {
  const out = [new Paragraph({ text: title(record), heading: HEADINGS[0] }), details(record)];
  for (const section of record.sections) {
    out.push(new Paragraph({ text: section.title, heading: HEADINGS[1] }));
    for (const part of section.parts) {
      out.push(new Paragraph({ text: part.title, heading: HEADINGS[2] }));
      for (const item of part.items) out.push(itemHeading(item), ...itemBody(record, item));
    }
  }
  return out;
}

/**
 * The Word file of a mission record.
 * @param {object} record a RECORD from buildRecord
 * @returns {Promise<Blob>}
 */
export async function wordBlob(record) {
  const document = new Document({
    title: title(record),
    creator: record.mission.team.join(", "),
    styles: { default: { document: { run: { language: { value: LOCALES[record.lang] ?? record.lang } } } } },
    sections: [{ children: body(record) }],
  });
  return Packer.toBlob(document);
}
