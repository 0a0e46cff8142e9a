/* The toolkit's own behaviour, served from the site (no inline script: see the CSP).
   - The language switcher keeps the reader's place: the question in the URL fragment, and
     the query (the mission checklist's selection).
   - The language the reader reads in is remembered; short permalinks (/q/<anchor>/) use it.
   - Each question's “copy link” button copies its short permalink. */
(function () {
  "use strict";
  var KEY = "tiptoolkit.lang";
  var root = new URL("../../../", document.currentScript.src);  // <root>/<lang>/assets/javascripts/

  try { localStorage.setItem(KEY, document.documentElement.lang); } catch (e) { /* storage off */ }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tk-language");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();  // Material's own handler would drop the fragment
    try { localStorage.setItem(KEY, link.hreflang); } catch (e) { /* storage off */ }
    location.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
  }, true);

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
