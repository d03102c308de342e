// Search over the index in data/search.js: [kind, name, story, url, detail] rows, matched by
// substring on the name, the story and the detail. Runs on every page.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var index = window.STORYC_SEARCH || [];
  var root = document.body.getAttribute("data-root") || "";
  var LIMIT = 30;

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var exact = [], partial = [];
    for (var i = 0; i < index.length; i++) {
      var row = index[i];
      var name = row[1].toLowerCase();
      // Every row is read for exact names: stopping at the first 500 matches of any kind hid a
      // view named exactly as typed behind 500 stories that mention it (round 19). Partial matches
      // past LIMIT are never shown, so they are not collected.
      if (name === q) exact.push(row);
      else if (partial.length < LIMIT && (name.indexOf(q) >= 0 || row[2].toLowerCase().indexOf(q) >= 0
          || row[4].toLowerCase().indexOf(q) >= 0)) partial.push(row);
    }
    return exact.concat(partial).slice(0, LIMIT);
  }

  function show(rows) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      item.className = "result " + row[0];
      item.setAttribute("data-kind", row[0]);
      var link = document.createElement("a");
      link.href = root + row[3];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = row[0];
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = row[1];
      var story = document.createElement("span");
      story.className = "in";
      story.textContent = row[2];
      link.appendChild(kind);
      link.appendChild(name);
      link.appendChild(story);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!rows.length && input.value.trim()) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing matches.";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }

  if (input) {
    input.addEventListener("input", function () { show(search(input.value)); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show([]); }
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      }
    });
  }
})();
