/* A short permalink (/q/<anchor>/) sends the reader to the item in their language: the one
   they last read the site in, else their browser's, else French. Without JavaScript the
   page offers a plain link per language. */
(function () {
  "use strict";
  var wanted = [];
  try { wanted.push(localStorage.getItem("tiptoolkit.lang")); } catch (e) { /* storage off */ }
  (navigator.languages || [navigator.language]).forEach(function (tag) {
    wanted.push(String(tag).slice(0, 2).toLowerCase());
  });
  wanted.push("fr");
  var links = document.querySelectorAll("a[hreflang]");
  for (var i = 0; i < wanted.length; i++) {
    for (var j = 0; j < links.length; j++) {
      if (links[j].hreflang === wanted[i]) {
        location.replace(links[j].href);
        return;
      }
    }
  }
})();
