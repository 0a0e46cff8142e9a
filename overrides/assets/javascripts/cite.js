/* “Cite”: `tkCite(button)` opens a window with the citation of the page (its own button) or of an
   item (a button with data-anchor) in United Nations style, to copy, and as files for reference
   managers: BibTeX (.bib), RIS (.ris), CSL-JSON (.json). toolkit.js makes the buttons and loads
   this script and the page's citations (`window.tkCitation`, written by tiptoolkit/citation.py) on
   first use. They come with tokens where the date of access goes, which is the reader's, and, in
   the items' template, the item's name and anchor; this script only fills them in. Nothing is
   fetched: it works from file:// too (the offline bundle). */
(function () {
  "use strict";
  var data = window.tkCitation;
  var FILES = [  // format (a key of the data), file extension, media type, button
    ["bibtex", ".bib", "application/x-bibtex", "BibTeX (.bib)"],
    ["ris", ".ris", "application/x-research-info-systems", "RIS (.ris)"],
    ["csl", ".json", "application/vnd.citationstyles.csl+json", "CSL-JSON (.json)"]
  ];
  var dialog = null, current = null;

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function values(button) {  // token -> what goes in its place, for this button, today
    var now = new Date(), t = data.tokens, out = {};
    var y = String(now.getFullYear()), m = now.getMonth() + 1, d = now.getDate();
    var text = now.toLocaleDateString(data.locale, {day: "numeric", month: "long", year: "numeric"});
    out[t.text] = d === 1 && /^fr\b/.test(data.locale) ? text.replace(/^1 /, "1er ") : text;  // le 1er janvier
    out[t.iso] = y + "-" + two(m) + "-" + two(d);
    out[t.slashed] = y + "/" + two(m) + "/" + two(d);
    out[t.year] = y;
    out[t.month] = String(m);
    out[t.day] = String(d);
    if (button.dataset.anchor) {
      out[t.locator] = data.items[button.dataset.anchor];
      out[t.anchor] = button.dataset.anchor;
    }
    return out;
  }

  function fill(text, tokens) {
    Object.keys(tokens).forEach(function (token) { text = text.split(token).join(tokens[token]); });
    return text;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function copy(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var field = document.createElement("textarea");
    field.value = text;
    dialog.appendChild(field);
    field.select();
    document.execCommand("copy");
    field.remove();
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type + ";charset=utf-8"}));
    var link = element("a");
    link.href = url;
    link.download = name;
    dialog.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function build() {  // the window, made once
    var labels = data.labels;
    dialog = element("dialog", "tk-cite-dialog md-typeset");
    dialog.setAttribute("aria-labelledby", "tk-cite-title");
    var title = element("h2", null, labels.dialog);
    title.id = "tk-cite-title";
    var text = element("p", "tk-cite-text");
    var copyButton = element("button", "md-button md-button--primary", labels.copy);
    copyButton.type = "button";
    var status = element("span", "tk-cite-status");
    status.setAttribute("role", "status");
    copyButton.addEventListener("click", function () {
      copy(current.text.join(""), function () {
        status.textContent = labels.copied;
        setTimeout(function () { status.textContent = ""; }, 4000);
      });
    });
    var files = element("p", "tk-cite-files");
    files.appendChild(element("span", null, labels.download + " "));
    FILES.forEach(function (file) {
      var button = element("button", "md-button", file[3]);
      button.type = "button";
      button.dataset.format = file[0];
      button.addEventListener("click", function () { download(current.key + file[1], current[file[0]], file[2]); });
      files.appendChild(button);
    });
    var close = element("button", "md-button tk-cite-close", labels.close);
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    var actions = element("p");
    actions.append(copyButton, " ", status);
    dialog.append(title, text, actions, files, close);
    document.body.appendChild(dialog);
  }

  window.tkCite = function (button) {
    var template = button.dataset.anchor ? data.item : data.page, tokens = values(button);
    current = {key: fill(template.key, tokens), text: template.text.map(function (run) { return fill(run, tokens); })};
    FILES.forEach(function (file) { current[file[0]] = fill(template[file[0]], tokens); });
    if (!dialog) build();
    var text = dialog.querySelector(".tk-cite-text");
    text.replaceChildren(current.text[0], element("i", null, current.text[1]), current.text[2]);
    dialog.showModal();
  };
})();
