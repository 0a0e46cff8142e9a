/** A PDF's form, read with pdf-lib: the names and values of its fields and its dates, for
 * import-form.js. A bundle of its own (tiptoolkit/bundles.py), loaded when a PDF is first imported.
 *
 * The site's fillable PDFs (WeasyPrint) hold a radio group per item whose buttons' on-states are
 * `/0`…`/n-1` and whose `/Opt` gives their values (`yes`…, or `1`…`n` on an annex scale); pdf-lib's
 * getSelected() maps the group's `/V` through `/Opt`. Two things it does not do are done here:
 * WeasyPrint lists each button among the form's fields too (pdf-lib sees them as fields without a
 * name of their own: skipped), and a filler may write `/V` as a string (pypdf's `(/2)`), where
 * pdf-lib sees no choice: the button shown as on (its `/AS`) is the choice then. */

import { PDFDocument, PDFName, PDFRadioGroup, PDFTextField } from "pdf-lib";

const OFF = PDFName.of("Off");

/** The value chosen in the radio group `group`: its option's export value, or "". */
function chosen(group) {
  const selected = group.getSelected();
  if (selected !== undefined) return selected;
  const on = group.acroField.getWidgets().findIndex((widget) => {
    const state = widget.getAppearanceState();
    return state !== undefined && state !== OFF;
  });
  return on < 0 ? "" : group.getOptions()[on] ?? "";
}

/** What a field holds as text: a radio group's choice, a text field's text; "" for any other kind. */
function valueOf(field) {
  if (field instanceof PDFRadioGroup) return chosen(field);
  if (field instanceof PDFTextField) return field.getText() ?? "";
  return "";
}

/** A date of the document's information, or null where it has none or one pdf-lib cannot read. */
function dated(read) {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

/** The fields of `document`'s form, each [name, value]. */
function fieldsOf(document) {
  return document.getForm().getFields()
    .filter((field) => field.acroField.getPartialName() !== undefined)
    .map((field) => [field.getName(), valueOf(field)]);
}

/**
 * The form of the PDF `bytes`, or null for a file pdf-lib cannot read (damaged, encrypted).
 * @param {Uint8Array} bytes
 * @returns {Promise<{fields: Array<[string, string]>, modified: Date|null, created: Date|null}|null>}
 */
export async function pdfForm(bytes) {
  let document;
  let fields;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
    fields = fieldsOf(document);
  } catch {
    return null;
  }
  return { fields, modified: dated(() => document.getModificationDate()), created: dated(() => document.getCreationDate()) };
}
