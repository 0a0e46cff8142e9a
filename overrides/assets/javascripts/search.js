/* Search: the dialog of partials/search.html. The header button or the `/` key opens it; the
   first time, it loads MiniSearch, the edition's stemmer and stop words, its index
   (tiptoolkit/search_index.py), the matching (search/engine.js) and the other editions'
   wordings of the items, as classic scripts, which
   load from file:// too; a page where nobody searches loads none of them. Results follow the
   typing; arrows move through them, Enter opens the first or the chosen one, Escape closes.
   `?q=` in the address opens the search with its words (the 404 pages send it). */
(function () {
  "use strict";
  var dialog = document.getElementById("tk-search");
  if (!dialog) return;
  var input = dialog.querySelector(".tk-search-input");
  var status = dialog.querySelector(".tk-search-status");
  var list = dialog.querySelector(".tk-search-results");
  var texts = dialog.dataset;
  var root = new URL("../../", document.currentScript.src);  // <edition>/assets/javascripts/
  var SHOWN = 50;  // results listed at most
  var engine = null;  // the promise of {find, entry}, once the search is first used

  function script(path) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = new URL(path, root).href;
      element.async = false;  // run in the order added
      element.onload = resolve;
      element.onerror = function () { reject(new Error(path)); };
      document.head.appendChild(element);
    });
  }

  function load() {
    if (!engine) {
      status.textContent = texts.loading;
      var files = [texts.library, texts.language, texts.index, texts.engine].concat(texts.wordings.split(" ").filter(Boolean));
      engine = Promise.all(files.map(script)).then(function () {
        return self.tiptoolkitSearchEngine(self.tiptoolkitSearchIndex, self.tiptoolkitSearchWordings || {},
                                           self.tiptoolkitSearchLanguage, root, texts);
      });
      engine.catch(function () { status.textContent = texts.failed; engine = null; });
    }
    return engine;
  }

  function show(query) {
    query = query.trim();
    if (!query) { list.replaceChildren(); list.dataset.query = status.textContent = ""; return; }
    load().then(function (found) {
      if (input.value.trim() !== query) return;  // typed on meanwhile
      var results = found.find(query);
      list.replaceChildren.apply(list, results.slice(0, SHOWN).map(found.entry));
      list.dataset.query = query;  // what the results are for
      status.textContent = !results.length ? texts.none.replace("{query}", "“" + query + "”")
        : results.length === 1 ? texts.oneResult : texts.results.replace("{count}", results.length);
    });
  }

  function open(query) {
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) input.value = query;
    input.focus();
    input.select();  // what is typed next replaces the last query
    show(input.value);
  }

  function close() { if (dialog.open) dialog.close(); }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  document.querySelector(".tk-search-open").addEventListener("click", function () { open(); });
  dialog.querySelector(".tk-search-close").addEventListener("click", close);
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.closest("a")) close();  // the backdrop, or a result on this page
  });
  input.addEventListener("input", function () { show(input.value); });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { close(); location.href = first.href; }
  });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {  // closes at once (in a search field, the browser's first would empty it)
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = links(), next = all.indexOf(document.activeElement) + (event.key === "ArrowDown" ? 1 : -1);
      if (!all.length) return;
      event.preventDefault();
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    }
  });
  // `/` opens the search unless the reader is typing somewhere (before Material's own shortcuts).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    event.stopPropagation();
    open();
  }, true);

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) open(asked);
})();
