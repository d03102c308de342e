// The lineage graph: data/lineage.js filtered by environment and story, laid out left to right by
// dagre (assets/dagre-*.min.js, pinned and vendored) and drawn as SVG. The layout is dagre's; this
// file only filters, draws dagre's coordinates and handles clicks.
(function () {
  "use strict";
  var data = window.STORYC_LINEAGE;
  var MAX_NODES = 400;
  var SVG = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("lineage-graph");
  var detail = document.getElementById("lineage-detail");
  var envSelect = document.getElementById("lineage-env");
  var storySelect = document.getElementById("lineage-story");
  var count = document.getElementById("lineage-count");
  var byId = {};
  data.nodes.forEach(function (node) { byId[node.id] = node; });

  function option(select, value) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = value;
    select.appendChild(element);
  }
  data.environments.forEach(function (env) { option(envSelect, env); });
  data.stories.forEach(function (story) { option(storySelect, story); });

  function readHash() {
    var params = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var parts = pair.split("=");
      // A hand-edited or truncated address may not decode; such a part is ignored, not fatal.
      try {
        if (parts[0]) params[decodeURIComponent(parts[0])] = decodeURIComponent(parts[1] || "");
      } catch (malformed) {
        return;
      }
    });
    envSelect.value = params.env && data.environments.indexOf(params.env) >= 0 ? params.env : "";
    storySelect.value = params.story && data.stories.indexOf(params.story) >= 0 ? params.story : "";
  }

  // Returns the edges and nodes of one environment (or all), and of one story's lineage: the nodes
  // it defines and everything upstream and downstream of them.
  function visible() {
    var env = data.environments.indexOf(envSelect.value);
    var nodes = data.nodes.filter(function (n) { return env < 0 || n.envs.indexOf(env) >= 0; });
    var edges = data.edges.filter(function (e) { return env < 0 || e.envs.indexOf(env) >= 0; });
    var story = storySelect.value;
    var whole = 0;
    if (story) {
      var own = nodes.filter(function (n) { return n.story === story; }).map(function (n) { return n.id; });
      var keep = reach(own, edges, Infinity);
      // A story most others read (a shared patients or dates table) has a lineage too large to
      // draw; its nodes and their direct neighbours still are, and say what the story touches.
      whole = Object.keys(keep).length;
      if (whole > MAX_NODES) keep = reach(own, edges, 1);
      nodes = nodes.filter(function (n) { return keep[n.id]; });
      edges = edges.filter(function (e) { return keep[e.from] && keep[e.to]; });
    }
    return { nodes: nodes, edges: edges, whole: whole };
  }

  // Returns the set of ids reachable from `start` along edges within `depth` steps, in both
  // directions separately. Each direction's neighbours are indexed once: scanning every edge for
  // every node visited cost nodes × edges, twice for a story too large to draw whole.
  function reach(start, edges, depth) {
    var seen = {};
    [["from", "to"], ["to", "from"]].forEach(function (way) {
      var next = {};
      edges.forEach(function (e) { (next[e[way[0]]] = next[e[way[0]]] || []).push(e[way[1]]); });
      var queue = start.map(function (id) { return [id, 0]; });
      var done = {};
      for (var head = 0; head < queue.length; head++) {
        var id = queue[head][0];
        var steps = queue[head][1];
        if (done[id]) continue;
        done[id] = true;
        seen[id] = true;
        if (steps >= depth) continue;
        (next[id] || []).forEach(function (to) { if (!done[to]) queue.push([to, steps + 1]); });
      }
    });
    return seen;
  }

  function el(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (parent) parent.appendChild(element);
    return element;
  }

  function draw() {
    var shown = visible();
    svg.textContent = "";
    detail.innerHTML = "<p>Select a node.</p>";
    if (shown.nodes.length > MAX_NODES) {
      count.textContent = storySelect.value
          ? "too many to draw: " + shown.whole + " nodes in this story's lineage, " + shown.nodes.length
              + " one step from it; choose an environment"
          : shown.nodes.length + " nodes: choose a story to draw its lineage";
      svg.setAttribute("width", 0);
      svg.setAttribute("height", 0);
      return;
    }
    if (shown.nodes.length === 0) {
      // dagre sizes an empty graph -Infinity wide; there is nothing to lay out.
      count.textContent = storySelect.value ? "nothing to draw: no node of this story in this environment"
          : "nothing to draw in this environment";
      svg.setAttribute("width", 0);
      svg.setAttribute("height", 0);
      return;
    }
    count.textContent = shown.nodes.length + " nodes, " + shown.edges.length + " edges"
        + (shown.whole > shown.nodes.length ? " (its whole lineage has " + shown.whole
            + " nodes: shown, the story and what is one step from it)" : "");
    var graph = new dagre.graphlib.Graph();
    graph.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 60, marginx: 10, marginy: 10 });
    graph.setDefaultEdgeLabel(function () { return {}; });
    shown.nodes.forEach(function (node) {
      graph.setNode(node.id, { width: Math.max(80, node.label.length * 7 + 24), height: 34 });
    });
    shown.edges.forEach(function (edge) { graph.setEdge(edge.from, edge.to); });
    dagre.layout(graph);
    var size = graph.graph();
    svg.setAttribute("width", Math.ceil(size.width || 0));
    svg.setAttribute("height", Math.ceil(size.height || 0));
    svg.setAttribute("viewBox", "0 0 " + Math.ceil(size.width || 0) + " " + Math.ceil(size.height || 0));
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", "class": "arrow" }, marker);
    var edgeLayer = el("g", { "class": "edges" }, svg);
    shown.edges.forEach(function (edge) {
      var points = graph.edge(edge.from, edge.to).points;
      var d = points.map(function (p, i) { return (i ? "L" : "M") + p.x.toFixed(1) + " " + p.y.toFixed(1); }).join(" ");
      el("path", { d: d, "class": "edge", "data-from": edge.from, "data-to": edge.to, "marker-end": "url(#arrow)" },
          edgeLayer);
    });
    var nodeLayer = el("g", { "class": "nodes" }, svg);
    shown.nodes.forEach(function (node) {
      var box = graph.node(node.id);
      var g = el("g", { "class": "node " + node.kind, "data-id": node.id, "data-kind": node.kind,
        "data-story": node.story, tabindex: "0",
        transform: "translate(" + (box.x - box.width / 2).toFixed(1) + "," + (box.y - box.height / 2).toFixed(1) + ")" },
        nodeLayer);
      el("rect", { width: box.width, height: box.height, rx: "5" }, g);
      var text = el("text", { x: box.width / 2, y: box.height / 2 + 4, "text-anchor": "middle" }, g);
      text.textContent = node.label;
      var title = el("title", {}, g);
      title.textContent = node.kind + " " + node.name + (node.story ? " (story " + node.story + ")" : "");
      g.addEventListener("click", function () { select(node.id, shown.edges); });
      g.addEventListener("keydown", function (event) { if (event.key === "Enter") select(node.id, shown.edges); });
    });
  }

  function select(id, edges) {
    var up = reachOne(id, edges, "to", "from");
    var down = reachOne(id, edges, "from", "to");
    svg.querySelectorAll(".node").forEach(function (g) {
      var other = g.getAttribute("data-id");
      g.classList.toggle("selected", other === id);
      g.classList.toggle("related", other !== id && (up[other] || down[other]));
      g.classList.toggle("faded", other !== id && !up[other] && !down[other]);
    });
    svg.querySelectorAll(".edge").forEach(function (path) {
      var from = path.getAttribute("data-from"), to = path.getAttribute("data-to");
      var on = (up[from] || from === id) && (up[to] || to === id) || (down[from] || from === id) && (down[to] || to === id);
      path.classList.toggle("related", on);
      path.classList.toggle("faded", !on);
    });
    showDetail(byId[id], up, down);
  }

  function reachOne(id, edges, from, to) {
    var seen = {}, queue = [id];
    while (queue.length) {
      var current = queue.shift();
      edges.forEach(function (e) {
        if (e[from] === current && !seen[e[to]]) { seen[e[to]] = true; queue.push(e[to]); }
      });
    }
    delete seen[id];
    return seen;
  }

  function showDetail(node, up, down) {
    detail.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = node.name;
    detail.appendChild(heading);
    var facts = document.createElement("dl");
    function fact(name, value) {
      var dt = document.createElement("dt"); dt.textContent = name; facts.appendChild(dt);
      var dd = document.createElement("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      facts.appendChild(dd);
    }
    fact("Kind", node.kind);
    if (node.story) {
      var link = document.createElement("a");
      link.href = "stories/" + node.story + ".html";
      link.textContent = node.story;
      link.className = "story-link";
      fact("Story", link);
    } else {
      fact("Story", node.kind === "raw-table" ? "none: a raw or external table" : "none: not defined here");
    }
    fact("Environments", node.envs.map(function (i) { return data.environments[i]; }).join(", "));
    fact("Upstream", Object.keys(up).length + " nodes");
    fact("Downstream", Object.keys(down).length + " nodes");
    if (node.fields.length) fact("Fields", node.fields.join(", "));
    detail.appendChild(facts);
  }

  function writeHash() {
    var parts = [];
    if (storySelect.value) parts.push("story=" + encodeURIComponent(storySelect.value));
    if (envSelect.value) parts.push("env=" + encodeURIComponent(envSelect.value));
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : window.location.pathname);
    draw();
  }

  envSelect.addEventListener("change", writeHash);
  storySelect.addEventListener("change", writeHash);
  window.addEventListener("hashchange", function () { readHash(); draw(); });
  readHash();
  draw();
})();
