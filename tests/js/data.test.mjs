// The page's data block and another edition's words, assembled as the modules read them (web/mission/data.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { hasWords, pageData, withWords } from "../../web/mission/data.js";

const words = (lang, suffix = "") => ({
  site: `Toolkit ${lang}`,
  labels: { responses: { yes: lang === "fr" ? "Oui" : "Yes" } },
  scales: { usage: { label: `Usage ${lang}`, options: [`a ${lang}`, `b ${lang}`] } },
  titles: { IV: `IV ${lang}`, "IV.C": `C ${lang}` },
  texts: { "IV.C.1": `Question ${lang}${suffix}`, "IV.C.1.a": `Sub ${lang}` },
});
const page = {
  lang: "fr", langs: ["fr", "en"], others: { en: "../../en/mission/words.js" },
  sections: [{ id: "IV", anchor: "cl-iv", parts: [{ id: "IV.C", anchor: "cl-iv-c", key: true }] }],
  items: [{ id: "IV.C.1", part: "IV.C", depth: 0, scale: null }, { id: "IV.C.1.a", part: "IV.C", depth: 1, scale: "usage" }],
  words: { fr: words("fr") },
};

test("the page's own words are in place, by language", () => {
  const data = pageData(page);
  assert.equal(data.items[0].text.fr, "Question fr");
  assert.equal(data.sections[0].title.fr, "IV fr");
  assert.equal(data.sections[0].parts[0].title.fr, "C fr");
  assert.deepEqual(data.scales.usage.options.fr, ["a fr", "b fr"]);
  assert.equal(data.site.fr, "Toolkit fr");
  assert.ok(hasWords(data, "fr") && !hasWords(data, "en"));
  assert.equal(data.words, undefined);
  assert.equal(page.items[0].text, undefined); // the block itself is left as it was
});

test("another edition's words join them", () => {
  const data = withWords(pageData(page), "en", words("en"));
  assert.equal(data.items[0].text.en, "Question en");
  assert.equal(data.items[0].text.fr, "Question fr");
  assert.equal(data.scales.usage.label.en, "Usage en");
  assert.ok(hasWords(data, "en"));
});

test("words that lack an item say to rebuild the site", () => {
  const partial = words("en");
  delete partial.texts["IV.C.1.a"];
  assert.throws(() => withWords(pageData(page), "en", partial), /no item IV\.C\.1\.a: rebuild the site/);
});
