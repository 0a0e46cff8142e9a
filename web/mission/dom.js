/** Building elements without markup strings: `el("button", {type: "button", class: "x"}, "text", child)`. */

/** An element with attributes (`class`, `for`, any other; `on<event>` listeners; false/null skipped) and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Make `blob` a download named `name` (no server: the browser saves it). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Load a classic script of the site once (the hand-overs' libraries): resolves when it has run. */
const loading = {};
export function loadScript(src) {
  if (!loading[src]) {
    loading[src] = new Promise((resolve, reject) => {
      const script = el("script", { src });
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => { delete loading[src]; reject(new Error(`${src} did not load`)); });
      document.head.append(script);
    });
  }
  return loading[src];
}
