/** The workspace's words: the page's data carries them in its language (content/<lang>/site.yml, `mission`). */

/** `template` with each `{name}` replaced by `params[name]`. */
export function format(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The function that gives the UI string `key`, formatted; an unknown key is a bug, and says so. */
export function wording(data) {
  const ui = data.strings.ui;
  return (key, params) => {
    if (!(key in ui)) throw new Error(`no wording "${key}" in content/${data.lang}/site.yml (mission.ui)`);
    return format(ui[key], params);
  };
}

/** A date-time as the reader's locale writes it, in the page's language. */
export function when(iso, lang) {
  return new Date(iso).toLocaleString(lang, { dateStyle: "short", timeStyle: "short" });
}
