/* The search's matching and its results (loaded with the index, the first time the reader
   searches: assets/javascripts/search.js). `tiptoolkitSearchEngine(index, wordings, language,
   root, texts)` indexes the units of tiptoolkit/search_index.py, each item with its wordings in
   the other editions, with MiniSearch: case and accents folded, the stop words of every language
   dropped, the edition's Snowball stemmer. A query is first read
   as an ID in any form (IV.D.3.o, iv-d-3-o, IV D 3 o): that item, then the items under it;
   any other query finds the units that hold every word (or, if none does, any of them), the
   last word also as the start of one while it is being typed, items first among equals. */
(function () {
  "use strict";
  var ITEM_BOOST = 1.5;  // the toolkit's and the Working Group's items before pages' prose
  var SNIPPET = 240;  // characters of a long text shown around its first match

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae").toLowerCase();
  }

  function anchorOf(id) { return id.toLowerCase().replace(/\./g, "-"); }  // as tiptoolkit.edition.anchor_of

  function idKey(query) {  // IV.D.3.o, iv-d-3-o, "IV D 3 o" -> iv-d-3-o: the anchor, as q/permalink.js reads one
    return fold(query).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  self.tiptoolkitSearchEngine = function (index, wordings, language, root, texts) {
    var units = index.units, byAnchor = new Map(), prefixes = new Set(), terms = new Map();
    function others(unit) {  // the item's texts in the other editions: [[lang, text], …]
      return unit.i ? Object.keys(wordings).filter(function (lang) { return wordings[lang][unit.i]; })
        .map(function (lang) { return [lang, wordings[lang][unit.i]]; }) : [];
    }
    var stopWords = new Set(language.stopWords.map(fold));

    function term(word) {  // a word as indexed: folded, stemmed; null for a stop word or a letter
      if (!terms.has(word)) {
        var folded = fold(word);
        terms.set(word, stopWords.has(folded) || (folded.length < 2 && !/\d/.test(folded)) ? null : language.stem(folded));
      }
      return terms.get(word);
    }

    var search = new self.MiniSearch({
      fields: ["t", "o"],
      processTerm: term,
      searchOptions: {
        boost: { t: 2 },
        boostDocument: function (n) { return units[n].i ? ITEM_BOOST : 1; },
        prefix: function (word, i, words) { return i === words.length - 1 && word.length > 2; }
      }
    });
    var documents = units.map(function (unit, n) {
      var anchor = unit.u.split("#")[1];
      var own = unit.i && anchorOf(unit.i) === anchor;
      if (anchor && (own || !byAnchor.has(anchor))) byAnchor.set(anchor, n);
      if (unit.i) prefixes.add(anchorOf(unit.i).split("-")[0]);
      return { id: n, t: unit.t, o: others(unit).map(function (other) { return other[1]; }).join(" ") };
    });

    function byId(query) {  // the item an ID names, then the items under it
      var key = idKey(query);
      if (!key || !prefixes.has(key.split("-")[0])) return [];
      var hits = byAnchor.has(key) ? [byAnchor.get(key)] : [];
      byAnchor.forEach(function (n, anchor) {
        if (anchor.indexOf(key + "-") === 0 && units[n].i) hits.push(n);
      });
      return hits.map(function (n) { return { id: n, terms: [] }; });
    }

    function find(query) {
      var items = byId(query);
      if (items.length) return items;
      var results = search.search(query, { combineWith: "AND" });
      return results.length ? results : search.search(query, { combineWith: "OR" });
    }

    function snippet(text, matched) {  // the text, cut around its first match, the matching words marked
      var element = document.createElement("span"), marks = [], word = /[\p{L}\p{N}]+/gu, match;
      while ((match = word.exec(text))) {
        if (matched.has(term(match[0]))) marks.push([match.index, match.index + match[0].length]);
      }
      var start = text.length > SNIPPET && marks.length && marks[0][0] > SNIPPET / 3
        ? text.indexOf(" ", marks[0][0] - SNIPPET / 3) + 1 : 0;
      var end = Math.min(text.length, start + SNIPPET);
      if (end < text.length) end = text.lastIndexOf(" ", end);
      if (start > 0) element.append("… ");
      var at = start;
      marks.forEach(function (mark) {
        if (mark[0] < at || mark[1] > end) return;
        element.append(text.slice(at, mark[0]));
        var marked = document.createElement("mark");
        marked.textContent = text.slice(mark[0], mark[1]);
        element.append(marked);
        at = mark[1];
      });
      element.append(text.slice(at, end) + (end < text.length ? " …" : ""));
      return { element: element, marked: marks.length > 0 };
    }

    function part(className, text) {
      var element = document.createElement("span");
      element.className = className;
      element.textContent = text;
      return element;
    }

    function entry(result) {  // a result as an item of the list: ID, where it stands, its words
      var unit = units[result.id], matched = new Set(result.terms);
      var item = document.createElement("li"), link = document.createElement("a"), head = part("tk-search-head", "");
      link.href = new URL(unit.u, root).href;
      if (unit.i) head.append(part("tk-search-id", unit.i), " ");
      head.append(part("tk-search-where", index.places[unit.w]));
      var own = snippet(unit.t, matched);
      own.element.className = "tk-search-text";
      link.append(head, own.element);
      if (!own.marked && matched.size) {  // found by its wording in another language: show that
        others(unit).forEach(function (other) {
          var shown = snippet(other[1], matched);
          if (!shown.marked) return;
          shown.element.className = "tk-search-other";
          shown.element.lang = other[0];
          shown.element.prepend(texts.otherLanguage + " ");
          link.append(shown.element);
        });
      }
      item.append(link);
      return item;
    }

    return search.addAllAsync(documents, { chunkSize: 500 }).then(function () {
      return { find: find, entry: entry };
    });
  };
})();
