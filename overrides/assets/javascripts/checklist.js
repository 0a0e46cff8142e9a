/* The mission checklist page: the reader ticks chapters, parts or single questions (a click
   anywhere on a question ticks it too); only those print, and a print with none says so. The
   selection is kept in the address (`?select=IV,V.C,VI.D.2`: whole chapters, whole parts,
   single questions), so it can be shared: the bar that stays in view copies it. No server is
   involved. */
(function () {
  "use strict";
  var form = document.querySelector(".tk-mission-form");
  var bar = document.querySelector(".tk-mission-bar");
  var sheet = document.querySelector(".tk-mission-sheet");
  if (!form || !bar || !sheet) return;

  var questions = Array.prototype.slice.call(sheet.querySelectorAll(".tk-cl-q"));
  var boxes = {};  // question ID -> its tick box
  sheet.querySelectorAll("input.tk-cl-pick").forEach(function (box) { boxes[box.value] = box; });
  var groups = Array.prototype.slice.call(form.querySelectorAll("input[data-select]"));
  var count = bar.querySelector(".tk-mission-count");
  var alert = bar.querySelector(".tk-mission-alert");
  var link = bar.querySelector(".tk-mission-link");
  var copied = bar.querySelector(".tk-mission-copied");
  var empty = document.querySelector(".tk-mission-empty");

  function within(id, group) {  // is question `id` in chapter or part `group`?
    return id === group || id.indexOf(group + ".") === 0;
  }
  function members(group) {
    return questions.filter(function (q) { return within(q.dataset.id, group); });
  }
  function selected(q) { return boxes[q.dataset.id].checked; }

  // The shortest description of the selection: whole chapters, whole parts, then questions.
  function tokens() {
    var out = [], covered = {};
    groups.forEach(function (input) {
      var group = input.dataset.select, list = members(group);
      if (covered[group.split(".")[0]]) return;
      if (list.length && list.every(selected)) {
        out.push(group);
        covered[group] = true;
        list.forEach(function (q) { covered[q.dataset.id] = true; });
      }
    });
    questions.forEach(function (q) {
      if (selected(q) && !covered[q.dataset.id]) out.push(q.dataset.id);
    });
    return out;
  }

  function mark(element, on) { element.dataset.selected = on ? "true" : "false"; }

  function update(keepAddress) {
    var total = 0;
    questions.forEach(function (q) { var on = selected(q); mark(q, on); if (on) total += 1; });
    sheet.querySelectorAll(".tk-cl-block, .tk-cl-part, .tk-cl-section").forEach(function (element) {
      mark(element, !!element.querySelector('.tk-cl-q[data-selected="true"]'));
    });
    var first = true;
    sheet.querySelectorAll(".tk-cl-section").forEach(function (section) {
      var shown = section.dataset.selected === "true";
      section.classList.toggle("tk-cl-later", shown && !first);
      if (shown) first = false;
    });
    groups.forEach(function (input) {
      var list = members(input.dataset.select), on = list.filter(selected).length;
      input.checked = list.length > 0 && on === list.length;
      input.indeterminate = on > 0 && on < list.length;
    });
    count.textContent = count.dataset.template.replace("{n}", total);
    if (total) alert.textContent = "";
    empty.hidden = total > 0;  // printed instead of blank pages
    var url = new URL(location.href);
    var list = tokens();
    if (list.length) url.searchParams.set("select", list.join(","));
    else url.searchParams.delete("select");
    url.search = decodeURIComponent(url.search);  // keep IDs readable: ?select=IV,V.C
    if (!keepAddress) history.replaceState(null, "", url.href);
    link.value = url.href;
  }

  function select(group, on) {
    members(group).forEach(function (q) { boxes[q.dataset.id].checked = on; });
  }

  var wanted = new URLSearchParams(location.search).get("select");
  (wanted ? wanted.split(",") : []).forEach(function (token) { select(token.trim(), true); });

  groups.forEach(function (input) {
    input.addEventListener("change", function () { select(input.dataset.select, input.checked); update(); });
  });
  Object.keys(boxes).forEach(function (id) { boxes[id].addEventListener("change", function () { update(); }); });
  bar.addEventListener("click", function (event) {
    var action = event.target.closest && event.target.closest("button[data-action]");
    if (!action) return;
    if (action.dataset.action === "print") {
      if (!questions.some(selected)) { alert.textContent = alert.dataset.message; return; }
      window.print();
    } else if (action.dataset.action === "copy") {
      navigator.clipboard.writeText(link.value).then(function () {
        copied.textContent = action.dataset.copied;
        setTimeout(function () { copied.textContent = ""; }, 4000);
      }, function () { link.focus(); });  // no clipboard here: the link is selected, to copy by hand
    } else {
      questions.forEach(function (q) { boxes[q.dataset.id].checked = action.dataset.action === "all"; });
      update();
    }
  });
  link.addEventListener("focus", function () { link.select(); });
  // A click on a question (not on a link, its box or while selecting text) ticks or unticks it.
  sheet.addEventListener("click", function (event) {
    var question = event.target.closest(".tk-cl-q");
    if (!question || event.target.closest("a, input") || String(getSelection())) return;
    boxes[question.dataset.id].checked = !boxes[question.dataset.id].checked;
    update();
  });

  form.hidden = bar.hidden = false;
  update(!wanted);
})();
