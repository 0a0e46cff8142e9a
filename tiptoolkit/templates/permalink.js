/* The short permalinks' script, on two pages.
   A short permalink (/q/<anchor>/, /q/<ID as printed>/) sends the reader to the item in their
   language: the one they last read the site in, else their browser's, else French. Without
   JavaScript the page offers a plain link per language.
   The site's 404 page (its script tag has `data-not-found`, and `data-base`, the site root's
   path) is shown in the language of the edition the unknown address is under, else as above,
   and sends a short permalink written in another form (/q/iv.d.3.o/, /q/IV D 3 o) to
   /q/<anchor>/ if that item exists (q/anchors.json). */
(function () {
  "use strict";
  var script = document.currentScript;

  function chosen(elements, attribute, first) {
    var wanted = [first];
    try { wanted.push(localStorage.getItem("tiptoolkit.lang")); } catch (e) { /* storage off */ }
    (navigator.languages || [navigator.language]).forEach(function (tag) {
      wanted.push(String(tag).slice(0, 2).toLowerCase());
    });
    wanted.push("fr");
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < elements.length; j++) {
        if (elements[j].getAttribute(attribute) === wanted[i]) return elements[j];
      }
    }
    return elements[0];
  }

  if (!script.hasAttribute("data-not-found")) {
    var link = chosen(document.querySelectorAll("a[hreflang]"), "hreflang");
    if (link) location.replace(link.href);
    return;
  }

  var base = script.getAttribute("data-base");
  var path = location.pathname;
  try { path = decodeURIComponent(path); } catch (e) { /* not UTF-8: taken as it is */ }
  var here = path.indexOf(base) === 0 ? path.slice(base.length) : "";
  var sections = document.querySelectorAll("section[data-not-found]");

  function show(section) {
    for (var i = 0; i < sections.length; i++) sections[i].hidden = sections[i] !== section;
    document.documentElement.lang = section.lang;
    document.title = section.getAttribute("data-title");
  }
  function shown() {  /* a language the reader picked on this page (#not-found-en), else theirs */
    var picked = document.getElementById(location.hash.slice(1));
    return picked && picked.hasAttribute("data-not-found") ? picked : chosen(sections, "data-not-found", here.split("/")[0]);
  }
  show(shown());
  window.addEventListener("hashchange", function () { show(shown()); });

  if (here.indexOf("q/") !== 0) return;
  var anchor = here.slice(2).replace(/\/index\.html$/i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  var target = base + "q/" + anchor + "/";
  if (!anchor || target === location.pathname) return;
  fetch(base + "q/anchors.json")
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (anchors) { if (anchors.indexOf(anchor) >= 0) location.replace(target); })
    .catch(function () { /* the list cannot be read: this page stays */ });
})();
