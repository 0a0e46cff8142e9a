/** The page's data (tiptoolkit/mission_data.py) in the shape every module reads: each text by language,
 * `data.site[lang]`, `data.labels[lang]`, `data.scales[name].label[lang]` and `.options[lang]`,
 * `section.title[lang]`, `part.title[lang]`, `item.text[lang]`. The page brings its own language's words;
 * another's come from that edition's `mission/words.js` (`withWords`) when a hand-over needs them. */

/** The data of the page's JSON data block `page`, with its own language's words. */
export function pageData(page) {
  const data = {
    ...page,
    site: {},
    labels: {},
    scales: {},
    sections: page.sections.map((section) => ({
      ...section, title: {}, parts: section.parts.map((part) => ({ ...part, title: {} })),
    })),
    items: page.items.map((item) => ({ ...item, text: {} })),
  };
  Object.entries(page.words).forEach(([lang, words]) => withWords(data, lang, words));
  delete data.words;
  return data;
}

/** Add the words of language `lang` (an edition's `mission/words.js`) to `data`; an item, section or
 * scale they lack is a sign of editions built from different content, and says so. */
export function withWords(data, lang, words) {
  const lacking = (what, id) => new Error(`the ${lang} edition's words have no ${what} ${id}: `
    + "rebuild the site (make build) so that every edition comes from the same content");
  data.site[lang] = words.site;
  data.labels[lang] = words.labels;
  Object.entries(words.scales).forEach(([name, scale]) => {
    data.scales[name] ??= { label: {}, options: {} };
    data.scales[name].label[lang] = scale.label;
    data.scales[name].options[lang] = scale.options;
  });
  data.sections.forEach((section) => {
    [section, ...section.parts].forEach((titled) => {
      if (!(titled.id in words.titles)) throw lacking("title for", titled.id);
      titled.title[lang] = words.titles[titled.id];
    });
  });
  data.items.forEach((item) => {
    if (!(item.id in words.texts)) throw lacking("item", item.id);
    item.text[lang] = words.texts[item.id];
  });
  return data;
}

/** Whether `data` holds the words of `lang`. */
export function hasWords(data, lang) {
  return lang in data.site;
}
