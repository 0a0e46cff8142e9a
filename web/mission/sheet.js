/** The checklist sheet of the mission page: each part's body waits in a `<template>` until the reader
 * comes near it, or until it prints, so that the page holds only what is in view. */

const NEAR = "800px 0px";  // how far from the view a part is rendered
const ITEM_HEIGHT = 90;  // px a question row takes, roughly: keeps the scroll bar and the anchors about right

/** The sheet under `root`; `onRender(part)` is called for each part once its body is in the page. */
export function createSheet(root, onRender) {
  const parts = new Map();  // part ID -> its <section>
  root.querySelectorAll("section.tk-cl-part").forEach((part) => parts.set(part.dataset.id, part));
  const pending = new Set([...parts.values()].filter((part) => part.querySelector(":scope > template")));
  const observer = new IntersectionObserver((entries) => {
    entries.forEach((entry) => { if (entry.isIntersecting) render(entry.target); });
  }, { rootMargin: NEAR });
  pending.forEach((part) => {
    const items = part.querySelector(":scope > template").content.querySelectorAll("[data-item]").length;
    part.style.minHeight = `${items * ITEM_HEIGHT}px`;
    observer.observe(part);
  });

  function render(part) {
    if (!pending.delete(part)) return;
    observer.unobserve(part);
    const template = part.querySelector(":scope > template");
    part.append(template.content.cloneNode(true));
    template.remove();
    part.style.minHeight = "";
    onRender(part);
  }

  return {
    root,
    parts,
    /** Every part not yet rendered that `wanted(partId)` accepts (all of them by default): before a print. */
    renderAll(wanted = () => true) {
      [...pending].filter((part) => wanted(part.dataset.id)).forEach(render);
    },
    /** The element of item `id` in part `partId`, rendered if it was not. */
    element(partId, id) {
      const part = parts.get(partId);
      if (!part) return null;
      render(part);
      return part.querySelector(`[data-item="${CSS.escape(id)}"]`);
    },
    /** The rendered parts. */
    rendered() { return [...parts.values()].filter((part) => !pending.has(part)); },
  };
}
