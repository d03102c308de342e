// Opens a site written by `storyc site` in headless Chromium and reports what a user sees, as one
// JSON document on stdout; SiteBrowserTest (JUnit) asserts on it. Usage:
//   node site.test.mjs SITE_DIR SCREENSHOT_DIR [--board-only | --large]
// --board-only stops after the board (for timing first paint); --large checks paging, the filter
// and the lineage's story gate on a site of hundreds of stories instead of the example's pages.
// Every request that leaves file:// and every console error is recorded, not just counted.
import { chromium } from "playwright-core";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, shotDir, mode] = process.argv.slice(2);
if (!siteDir || !shotDir) {
  console.error("usage: node site.test.mjs SITE_DIR SCREENSHOT_DIR [--board-only | --large]");
  process.exit(2);
}
const url = (page) => pathToFileURL(path.join(path.resolve(siteDir), page)).href;
const executablePath = process.env.STORYC_CHROMIUM || "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-default-apps", "--disable-sync"],
});
const report = { consoleErrors: [], pageErrors: [], externalRequests: [], requests: 0 };
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") report.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => report.pageErrors.push(String(error)));
  page.on("request", (request) => {
    report.requests++;
    if (!request.url().startsWith("file://")) report.externalRequests.push(request.url());
  });

  // The board: time to first paint, then the cells as the DOM shows them.
  const started = Date.now();
  await page.goto(url("index.html"), { waitUntil: "load" });
  await page.waitForSelector("#board tbody tr");
  report.board = await page.evaluate(() => {
    const paint = performance.getEntriesByType("paint");
    const first = paint.find((p) => p.name === "first-contentful-paint") || paint[0];
    const cells = {};
    document.querySelectorAll("#board tbody td.cell").forEach((td) => {
      const story = td.parentElement.getAttribute("data-story");
      const env = td.getAttribute("data-env");
      (cells[env] = cells[env] || {})[story] = { state: td.getAttribute("data-state"), text: td.textContent,
        deployed: td.getAttribute("data-deployed") };
    });
    const environments = {};
    document.querySelectorAll("#environments tbody tr").forEach((tr) => {
      environments[tr.getAttribute("data-env")] = Array.from(tr.cells).map((c) => c.textContent.trim());
    });
    return {
      firstContentfulPaintMs: first ? Math.round(first.startTime) : null,
      rows: document.querySelectorAll("#board tbody tr").length,
      pageLabel: document.getElementById("board-page").textContent,
      cells,
      environments,
    };
  });
  report.board.loadMs = Date.now() - started;
  await page.screenshot({ path: path.join(shotDir, "site-board.png"), fullPage: true });
  if (mode === "--board-only") {
    console.log(JSON.stringify(report));
    process.exit(0);
  }
  if (mode === "--large") {
    const board = () => page.evaluate(() => ({
      label: document.getElementById("board-page").textContent,
      rows: Array.from(document.querySelectorAll("#board tbody tr")).map((tr) => tr.getAttribute("data-story")),
    }));
    report.paging = { first: await board() };
    await page.click("#board-next");
    report.paging.second = await board();
    await page.fill("#board-filter", "s00024");
    report.paging.filtered = await board();
    await page.goto(url("lineage.html"), { waitUntil: "load" });
    report.gate = await page.evaluate(() => ({
      count: document.getElementById("lineage-count").textContent,
      nodes: document.querySelectorAll("#lineage-graph .node").length,
    }));
    await page.selectOption("#lineage-story", "s00024");
    await page.waitForSelector("#lineage-graph .node");
    report.gate.story = await page.evaluate(() => Array.from(document.querySelectorAll("#lineage-graph .node"))
      .map((g) => g.getAttribute("data-story")));
    // A story most others build on: its whole lineage is too large, its neighbourhood is drawn.
    await page.selectOption("#lineage-story", "s00001");
    await page.waitForSelector("#lineage-graph .node");
    report.gate.hub = await page.evaluate(() => ({
      count: document.getElementById("lineage-count").textContent,
      nodes: document.querySelectorAll("#lineage-graph .node").length,
    }));
    await browser.close();
    console.log(JSON.stringify(report));
    process.exit(0);
  }

  // Clicking a story opens its page.
  await Promise.all([page.waitForURL(/stories\/patients\.html$/), page.click('#board a[href="stories/patients.html"]')]);
  report.story = await page.evaluate(() => ({
    url: location.pathname.split("/").slice(-2).join("/"),
    id: document.querySelector("article.story").getAttribute("data-story"),
    heading: document.querySelector("h1").textContent.trim(),
    // The title sits in a <bdi>: a right-to-left override in it cannot reverse the id beside it.
    titleIsolated: document.querySelector("h1 > bdi") !== null,
    descriptionWhiteSpace: (() => { const p = document.querySelector("p.description"); return p ? getComputedStyle(p).whiteSpace : null; })(),
    owner: (document.querySelector("dd.owner") || {}).textContent || null,
    requiredBy: Array.from(document.querySelectorAll("dd.required-by a")).map((a) => a.textContent),
    layers: Object.fromEntries(Array.from(document.querySelectorAll("section.layer")).map((s) =>
      [s.getAttribute("data-layer"), Array.from(s.querySelectorAll("li code")).map((c) => c.textContent)])),
    history: Array.from(document.querySelectorAll("table.history tbody tr")).map((tr) =>
      Array.from(tr.cells).map((c) => c.textContent.trim())),
  }));

  // Search finds a field and leads to its story.
  await page.fill("#search", "patients.mrn");
  await page.waitForSelector("#search-results li.result");
  report.search = await page.evaluate(() => Array.from(document.querySelectorAll("#search-results li.result"))
    .map((li) => ({ kind: li.getAttribute("data-kind"), name: li.querySelector(".name").textContent,
      href: li.querySelector("a").getAttribute("href") })));

  // The lineage, whole, then filtered to one environment and one story; then a click.
  await page.goto(url("lineage.html"), { waitUntil: "load" });
  await page.waitForSelector("#lineage-graph .node");
  const graph = () => page.evaluate(() => ({
    nodes: Array.from(document.querySelectorAll("#lineage-graph .node")).map((g) => g.getAttribute("data-id")),
    edges: Array.from(document.querySelectorAll("#lineage-graph .edge")).map((e) =>
      e.getAttribute("data-from") + " -> " + e.getAttribute("data-to")),
    positioned: Array.from(document.querySelectorAll("#lineage-graph .node"))
      .every((g) => /^translate\(-?[\d.]+,-?[\d.]+\)$/.test(g.getAttribute("transform"))),
  }));
  report.lineage = { all: await graph() };
  await page.selectOption("#lineage-env", "production");
  report.lineage.production = await graph();
  await page.selectOption("#lineage-env", "");
  await page.selectOption("#lineage-story", "care-gaps");
  report.lineage.careGaps = await graph();
  report.lineage.careGapsHash = await page.evaluate(() => location.hash);
  await page.click('#lineage-graph .node[data-id="view:care_gaps"]');
  report.lineage.selected = await page.evaluate(() => ({
    selected: Array.from(document.querySelectorAll("#lineage-graph .node.selected")).map((g) => g.getAttribute("data-id")),
    detail: document.getElementById("lineage-detail").textContent,
    storyLink: (document.querySelector("#lineage-detail a.story-link") || {}).textContent || null,
  }));
  await page.selectOption("#lineage-story", "");
  await page.screenshot({ path: path.join(shotDir, "site-lineage.png"), fullPage: true });

  // Nothing to draw (a story the environment leaves out), then an address that does not decode:
  // an empty state and the whole graph, and no error either way (the run's error lists stay empty).
  await page.goto(url("lineage.html") + "#story=medication-adherence&env=production", { waitUntil: "load" });
  report.lineage.empty = await page.evaluate(() => ({
    count: document.getElementById("lineage-count").textContent,
    nodes: document.querySelectorAll("#lineage-graph .node").length,
  }));
  await page.goto(url("lineage.html") + "#story=%E0%A4%A", { waitUntil: "load" });
  report.lineage.badHash = await page.evaluate(() => document.querySelectorAll("#lineage-graph .node").length);

  // A story page never scrolls sideways, even with long file names at a laptop's width.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url("stories/appointments.html"), { waitUntil: "load" });
  report.story.overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewportSize({ width: 1400, height: 900 });

  await page.goto(url("releases.html"), { waitUntil: "load" });
  report.releases = await page.evaluate(() => Array.from(document.querySelectorAll("section.release")).map((s) => ({
    name: s.getAttribute("data-release"),
    stories: Array.from(s.querySelectorAll("table.manifest tbody tr td:nth-child(2)")).map((td) => td.textContent),
    added: Array.from(s.querySelectorAll(".diff .added")).map((li) => li.textContent),
  })));
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
