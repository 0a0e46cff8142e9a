/* The toolkit's own behaviour, served from the site (no inline script: see the CSP).
   - The language switcher keeps the reader's place: the question in the URL fragment, and
     the query (the mission checklist's selection). The fragment is the one the reader chose:
     nothing rewrites it while scrolling (mkdocs.yml leaves Material's navigation.tracking off).
   - The language the reader reads in is remembered; short permalinks (/q/<anchor>/) use it.
   - Each question's “copy link” button copies its short permalink; a “Cite” button beside it
     (and the page's) shows its citation.
   - The header names the current mission. */
(function () {
  "use strict";
  var KEY = "tiptoolkit.lang";
  var root = new URL("../../../", document.currentScript.src);  // <root>/<lang>/assets/javascripts/

  try { localStorage.setItem(KEY, document.documentElement.lang); } catch (e) { /* storage off */ }

  function switcher(event) {  // the language link the event is on, if any
    return event.target.closest && event.target.closest("a.tk-language");
  }

  // The place goes into the link itself as the reader reaches it (pointer or keyboard), so a
  // click, a middle click, "open in new tab" and "copy link address" all carry it.
  ["pointerover", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = switcher(event);
      if (!link) return;
      link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
      if (type === "click") event.stopPropagation();  // Material's own goes by its sitemap, or home
    }, true);
  });

  // The header names the current mission, which the mission page keeps (web/mission/store.js).
  var mission = document.querySelector(".tk-header-mission"), title = null;
  try { title = localStorage.getItem("tiptoolkit.mission.title"); } catch (e) { /* storage off */ }
  if (mission && title) {
    mission.textContent = mission.dataset.template.replace("{title}", title);
    mission.hidden = false;
  }

  // “Cite”: the page's button, and one made beside each item's copy-link button. The first use
  // loads the page's citations and cite.js, which shows them (classic scripts: file:// too).
  var cite = document.querySelector("button.tk-cite-page"), loading = null;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  if (cite) {
    document.querySelectorAll("button.tk-copy").forEach(function (copy) {
      var button = document.createElement("button"), id = copy.parentNode.querySelector(".tk-id").textContent;
      button.type = "button";
      button.className = "tk-cite";
      button.dataset.anchor = copy.dataset.permalink.split("/")[1];
      button.title = cite.dataset.itemLabel.replace("{id}", id);
      button.setAttribute("aria-label", button.title);
      copy.nextElementSibling.after(button);
    });
    cite.hidden = false;
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.tk-cite");
      if (!button) return;
      loading = loading || load(cite.dataset.citations).then(function () { return load(cite.dataset.script); });
      loading.then(function () { window.tkCite(button); });
    });
  }

  if (location.protocol === "file:") return;  // the offline bundle has no short permalinks

  function copied(button) {
    var status = button.parentNode.querySelector(".tk-copied");
    status.textContent = button.dataset.copied;
    setTimeout(function () { status.textContent = ""; }, 4000);
  }

  document.querySelectorAll("button.tk-copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(button.dataset.permalink, root).href;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { copied(button); });
      } else {
        var field = document.createElement("textarea");
        field.value = url;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        copied(button);
      }
    });
  });
})();
