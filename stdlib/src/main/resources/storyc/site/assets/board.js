// The board's grid, drawn from data/board.js a page of rows at a time, so that a workspace of a
// thousand stories paints as fast as one of ten. The filter matches story ids, titles and owners.
(function () {
  "use strict";
  var data = window.STORYC_BOARD;
  var PAGE = 100;
  var table = document.getElementById("board");
  var filter = document.getElementById("board-filter");
  var label = document.getElementById("board-page");
  var prev = document.getElementById("board-prev");
  var next = document.getElementById("board-next");
  var page = 0;
  var rows = data.stories;

  function cell(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function head() {
    var row = document.createElement("tr");
    row.appendChild(cell("th", "Story"));
    data.environments.forEach(function (environment) {
      var th = cell("th", environment.name);
      th.title = environment.kind + ", release " + environment.release;
      th.setAttribute("data-env", environment.name);
      row.appendChild(th);
    });
    table.tHead.appendChild(row);
  }

  function draw() {
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(page, pages - 1);
    var body = document.createElement("tbody");
    rows.slice(page * PAGE, (page + 1) * PAGE).forEach(function (story) {
      var row = document.createElement("tr");
      row.setAttribute("data-story", story.id);
      var name = document.createElement("th");
      var link = cell("a", story.id);
      link.href = "stories/" + story.id + ".html";
      link.title = story.title;
      name.appendChild(link);
      row.appendChild(name);
      story.cells.forEach(function (value, i) {
        var td = cell("td", value[1], "cell " + value[0] + (value[1].slice(-1) === "*" ? " moved" : ""));
        td.setAttribute("data-env", data.environments[i].name);
        td.setAttribute("data-state", value[0]);
        if (value[2]) td.title = "pinned to tree " + value[2];
        // With --live, the fourth value says whether the story is deployed in that database.
        if (value[3]) {
          var word = value[3];
          var kind = word === "-" ? "none" : word === "?" ? "unreachable" : word;
          var deployed = cell("span", word, "deployed " + kind);
          deployed.title = word === "?" ? "database unreachable: "
              + (data.environments[i].database_text || "") : "in the database: " + word;
          td.setAttribute("data-deployed", kind);
          td.appendChild(document.createTextNode(" "));
          td.appendChild(deployed);
        }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    table.replaceChild(body, table.tBodies[0]);
    label.textContent = rows.length ? (page * PAGE + 1) + "–" + Math.min(rows.length, (page + 1) * PAGE)
        + " of " + rows.length : data.stories.length ? "no story matches" : "no stories yet";
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    rows = !q ? data.stories : data.stories.filter(function (story) {
      return story.id.indexOf(q) >= 0 || story.title.toLowerCase().indexOf(q) >= 0
          || story.owner.toLowerCase().indexOf(q) >= 0;
    });
    page = 0;
    draw();
  });
  prev.addEventListener("click", function () { page--; draw(); });
  next.addEventListener("click", function () { page++; draw(); });
  head();
  draw();
})();
