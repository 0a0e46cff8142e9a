// Files to import, made as their makers make them: a filled fillable PDF of the site (the structure
// WeasyPrint writes, built with pdf-lib's low-level objects) and a KoboToolbox XLSX export
// (write-excel-file), for the import's unit tests.

import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import writeExcelFile from "write-excel-file/node";

/** A response group's options on the toolkit's scale and on a 4-option annex scale, as `/Opt` holds them. */
export const RESPONSES = ["yes", "no", "partly", "unknown", "not-applicable"];
export const OPTIONS = ["1", "2", "3", "4"];

/** A radio group as WeasyPrint writes it: a field `name` with `/Opt` `options`, whose widgets (its
 * kids) have the on-states `/0`…`/n-1`; the `chosen`-th on (null: none). `asString`: `/V` written
 * as the string `(/2)`, as pypdf fills it, rather than the name `/2`; `shown` false: every button's
 * appearance `/AS` left off, as a filler that sets only the value leaves them. */
function radioGroup(context, page, name, options, chosen, { asString, shown }) {
  const ref = context.nextRef();
  const kids = options.map((_, index) => context.register(context.obj({
    Type: "Annot", Subtype: "Widget", Rect: [65, 750 - 12 * index, 72, 757 - 12 * index], P: page.ref, F: 4,
    AS: index === chosen && shown ? String(index) : "Off", AP: { N: { [String(index)]: context.register(context.stream("", {})) } },
    Parent: ref,
  })));
  const value = chosen === null ? PDFName.of("Off") : asString ? PDFString.of(`/${chosen}`) : PDFName.of(String(chosen));
  context.assign(ref, context.obj({
    FT: "Btn", Ff: 49152, T: PDFString.of(name), V: value, Kids: kids, Opt: options.map((option) => PDFString.of(option)),
  }));
  return { field: ref, widgets: kids };
}

/** A multi-line text field `name` holding `value`, field and widget in one, as WeasyPrint writes it. */
function textField(context, page, name, value) {
  const ref = context.register(context.obj({
    Type: "Annot", Subtype: "Widget", Rect: [65, 100, 269, 130], P: page.ref, F: 4,
    FT: "Tx", Ff: 4096, T: PDFString.of(name), V: PDFHexString.fromText(value),
  }));
  return { field: ref, widgets: [ref] };
}

/**
 * The bytes of a one-page PDF whose form holds `radios` ([name, options, chosen index or null]) and
 * `texts` ([name, value]), their choices written as `asString` and `shown` say (radioGroup); dated
 * `modified` and `created` if given. Like WeasyPrint, the form's
 * `/Fields` lists each radio button's widget beside its group. No form at all if both are empty.
 */
export async function fillablePdf({ radios = [], texts = [], modified, created, asString = false, shown = true } = {}) {
  const document = await PDFDocument.create({ updateMetadata: false });
  const page = document.addPage([595, 842]);
  const { context } = document;
  const made = [
    ...radios.map(([name, options, chosen]) => radioGroup(context, page, name, options, chosen, { asString, shown })),
    ...texts.map(([name, value]) => textField(context, page, name, value)),
  ];
  if (made.length) {
    const widgets = made.flatMap((field) => field.widgets);
    page.node.set(PDFName.of("Annots"), context.obj(widgets));
    const fields = made.flatMap((field) => [...new Set([field.field, ...field.widgets])]);
    document.catalog.set(PDFName.of("AcroForm"), context.obj({ Fields: fields, NeedAppearances: true }));
  }
  if (modified) document.setModificationDate(modified);
  if (created) document.setCreationDate(created);
  return document.save({ updateFieldAppearances: false });
}

/** The bytes of an XLSX workbook whose first sheet holds `rows` (a second sheet follows, as
 * KoboToolbox writes one per repeat group). */
export async function workbook(rows) {
  const buffer = await writeExcelFile([{ data: rows, sheet: "Checklist IV" }, { data: [["_index"], [1]], sheet: "repeat" }])
    .toBuffer();
  return new Uint8Array(buffer);
}
