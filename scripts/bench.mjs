// Kiosque's benchmark (run through scripts/bench.sh, which builds in release first). Prints,
// in one run: the bytes before the first render, the time to article against a plain static
// page (4x CPU throttling, median of RUNS), where Kiosque's time goes, the scale test against a
// plain JavaScript implementation, and the layout shift while loading.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT, launchBrowser, startServer } from "../tests/e2e/support.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const DIST = path.join(ROOT, "dist");
const BENCH = path.join(DIST, "bench");

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const row = (cells, widths) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ");

// 1. Bytes before the first render.
async function sizes() {
  const files = ["kiosque.js", "kiosque-core.js", "kiosque-core_bg.wasm"];
  const table = [];
  let total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = await readFile(path.join(DIST, file));
    const entry = {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    table.push(entry);
    for (const key of ["raw", "gzip", "brotli"]) total[key] += entry[key];
  }
  const feed = await readFile(path.join(DIST, "data", "feed.json"));
  const data = {
    file: "data/feed.json (the demo's data)",
    raw: feed.length,
    gzip: gzipSync(feed, { level: 9 }).length,
    brotli: brotliCompressSync(feed, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  console.log("\n1. Bytes before the first render (the widget's CSS is inside the wasm)");
  const widths = [34, 10, 10, 10];
  console.log(row(["file", "raw", "gzip", "brotli"], widths));
  for (const entry of [...table, { file: "total code", ...total }, data]) {
    console.log(row([entry.file, kb(entry.raw), kb(entry.gzip), kb(entry.brotli)], widths));
  }
  const budget = 100 * 1024;
  console.log(`budget: code ≤ ${kb(budget)} brotli — ${total.brotli <= budget ? "met" : `over by ${kb(total.brotli - budget)}`}`);
  return total;
}

// The seed article as a plain server-rendered page: the floor a CMS page gives.
async function writeStaticPage() {
  const feed = JSON.parse(await readFile(path.join(DIST, "data", "feed.json"), "utf8"));
  const item = feed.items[0];
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const paragraphs = item.content_text.split(/\n\s*\n/).map((p) => `<p>${escape(p.trim())}</p>`).join("\n");
  const css = await readFile(path.join(ROOT, "style", "widget.css"), "utf8");
  await mkdir(BENCH, { recursive: true });
  await writeFile(
    path.join(BENCH, "static.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(item.title)}</title><link rel="stylesheet" href="../demo.css"><style>${css}</style></head><body>
<main><div class="kq"><div class="kq-page"><div class="kq-main"><article class="kq-article">
<header class="kq-header"><p class="kq-kicker"><span class="kq-section">Afrique</span><time>lundi 2 février 2026</time></p>
<h1 class="kq-headline">${escape(item.title)}</h1></header><div class="kq-body">${paragraphs}</div></article></div></div></div></main></body></html>`,
  );
}

// Watches, from the first script of the page, for elements matching every one of `selectors`
// (the headline and first paragraph by default), inside shadow roots too; records when they
// appeared, layout shifts and when the WebAssembly was compiled.
function instrument(selectors = ["h1", ".kq-body p"]) {
  window.__bench = { article: null, mounted: null, shifts: 0, wasm: null };
  const check = () => {
    if (window.__bench.article !== null) return;
    const shadows = [...document.querySelectorAll("[data-kiosque]")].map((host) => host.shadowRoot).filter(Boolean);
    if (window.__bench.mounted === null && shadows.some((root) => root.querySelector(".kq"))) window.__bench.mounted = performance.now();
    const roots = [document, ...shadows];
    if (selectors.every((selector) => roots.some((root) => root.querySelector(selector)))) window.__bench.article = performance.now();
  };
  const observe = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attach.call(this, init);
    observe(shadow);
    return shadow;
  };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const start = performance.now();
      const result = await original.apply(this, args);
      window.__bench.wasm = { start, end: performance.now() };
      // Linear memory only grows: its size at the end is the peak.
      window.__bench.memory = (result.instance ?? result).exports?.memory;
      return result;
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shifts += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/// One load of `url` in a fresh browser context; with `returning`, a second load after a first
/// one, the browser's cache (and the compiled code Chromium keeps with it) warm.
async function load(browser, url, { returning = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(instrument);
  for (const visit of returning ? ["first", "measured"] : ["measured"]) {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.article !== null, null, { timeout: 30_000 });
    await page.waitForTimeout(visit === "first" ? 1500 : 1000);
  }
  const result = await page.evaluate(() => {
    const timing = (suffix) => {
      const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix));
      return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
    };
    return {
      ...window.__bench,
      loader: timing("/kiosque.js"),
      glue: timing("/kiosque-core.js"),
      wasmFetch: timing(".wasm"),
      data: timing("/feed.json"),
    };
  });
  await context.close();
  return result;
}

// 2 and 4. Time to article, where it goes, and layout shift.
async function timeToArticle(browser, origin, cachingOrigin) {
  const kiosque = [];
  const plain = [];
  for (let run = 0; run < RUNS; run += 1) {
    kiosque.push(await load(browser, `${origin}/`));
    plain.push(await load(browser, `${origin}/bench/static.html`));
  }
  const k = median(kiosque.map((r) => r.article));
  const p = median(plain.map((r) => r.article));
  console.log(`\n2. Time to article (headline and first paragraph in the DOM), 4x CPU throttling, median of ${RUNS}`);
  console.log(`Kiosque, rendering from its data: ${ms(k)}`);
  console.log(`Plain static HTML page:           ${ms(p)}`);
  console.log(`ratio: ${(k / p).toFixed(2)}x (target ≤ 1.5x)`);
  const part = (pick) => median(kiosque.map(pick).filter((v) => Number.isFinite(v)));
  console.log("where Kiosque's time goes (medians, from navigation start):");
  console.log(`  loader kiosque.js fetched      ${ms(part((r) => r.loader?.end))}`);
  console.log(`  glue kiosque-core.js fetched   ${ms(part((r) => r.glue?.end))}`);
  console.log(`  wasm fetched                   ${ms(part((r) => r.wasmFetch?.end))}`);
  console.log(`  wasm compiled and instantiated ${ms(part((r) => r.wasm?.end))} (${ms(part((r) => r.wasm.end - r.wasm.start))} from instantiate call)`);
  console.log(`  data feed.json fetched         ${ms(part((r) => r.data?.end))} (started at ${ms(part((r) => r.data?.start))})`);
  console.log(`  widget mounted (placeholder)   ${ms(part((r) => r.mounted))}`);
  console.log(`  article in the DOM             ${ms(k)}: ${ms(part((r) => r.article - r.mounted))} after mounting`);
  // A reader's second article: the widget's files come from the browser's cache.
  const again = [];
  const plainAgain = [];
  for (let run = 0; run < RUNS; run += 1) {
    again.push(await load(browser, `${cachingOrigin}/`, { returning: true }));
    plainAgain.push(await load(browser, `${cachingOrigin}/bench/static.html`, { returning: true }));
  }
  const ka = median(again.map((r) => r.article));
  const pa = median(plainAgain.map((r) => r.article));
  console.log(`returning reader (script, glue and wasm cached as a CDN allows; page and feed fetched again):`);
  console.log(`  Kiosque ${ms(ka)}, static page ${ms(pa)}: ${(ka / pa).toFixed(2)}x`);
  const shift = Math.max(...kiosque.map((r) => r.shifts));
  console.log(`\n4. Layout shift while loading (worst of ${RUNS}): ${shift.toFixed(4)} (target 0)`);
  return { k, p, shift };
}

// 3. Scale: 10,000 articles, parsed, ranked and rendered, against plain JavaScript.
async function scale(browser, origin) {
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    id: `article-${i}`,
    url: `https://news.example/${i}`,
    title: `Titre de l’article numéro ${i}`,
    summary: `Résumé de l’article ${i}, assez long pour ressembler à un vrai résumé de presse.`,
    content_text: `Premier paragraphe de l’article ${i}.\n\nSecond paragraphe.`,
    date_published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    _kiosque: { section: ["Afrique", "Sport", "Culture"][i % 3], views: { "24h": (i * 7919) % 5000, "7d": (i * 31) % 90000 } },
  }));
  await writeFile(path.join(BENCH, "feed-10k.json"), JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "10k", items }));
  // The same work in Kiosque: a most-read list and "Plus d'actualités" (two widgets, one
  // request and one parse), no article page.
  await writeFile(
    path.join(BENCH, "scale.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>scale</title><script type="module" src="../kiosque.js"></script></head><body><div data-kiosque="popular" data-src="feed-10k.json"></div><div data-kiosque="more" data-src="feed-10k.json"></div></body></html>`,
  );
  await writeFile(
    path.join(BENCH, "plain.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>plain</title><script type="module" src="plain.js"></script></head><body><ol id="popular"></ol><ul id="more"></ul></body></html>`,
  );
  // The same work in plain JavaScript: parse, rank by 24h views, latest first, render 5 + 6.
  await writeFile(
    path.join(BENCH, "plain.js"),
    `const response = await fetch("feed-10k.json");
const text = await response.text();
const start = performance.now();
const feed = JSON.parse(text);
const items = feed.items.filter((item) => item.id !== feed.items[0].id);
const views = (item) => Number(String(item._kiosque?.views?.["24h"] ?? 0).replace(/\\s/g, "")) || 0;
const date = (item) => Date.parse(item.date_published) || 0;
const popular = [...items].filter((i) => views(i) > 0).sort((a, b) => views(b) - views(a) || date(b) - date(a) || (a.id < b.id ? -1 : 1)).slice(0, 5);
const latest = [...items].sort((a, b) => date(b) - date(a)).slice(0, 6);
const render = (list, into) => { for (const item of list) { const li = document.createElement("li"); const h = document.createElement("h3"); const a = document.createElement("a"); a.href = item.url; a.textContent = item.title; h.append(a); const p = document.createElement("p"); p.textContent = item.summary; li.append(h, p); into.append(li); } };
render(popular, document.getElementById("popular"));
render(latest, document.getElementById("more"));
window.__done = performance.now() - start;`,
  );
  const measure = async (url, done) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Performance.enable");
    await page.addInitScript(instrument, [".kq-popular ol li", ".kq-more ul li"]);
    await page.goto(url);
    const elapsed = await page.waitForFunction(done, null, { timeout: 60_000 }).then((handle) => handle.jsonValue());
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const wasm = await page.evaluate(() => window.__bench?.memory?.buffer.byteLength ?? 0);
    await context.close();
    return { elapsed, heap: metrics.JSHeapUsedSize, wasm };
  };
  const kiosque = [];
  const plain = [];
  for (let run = 0; run < RUNS; run += 1) {
    kiosque.push(
      // The resource entry is added a little after the body is read: wait for both, measure
      // from the time the lists appeared.
      await measure(`${origin}/bench/scale.html`, () => {
        const data = performance.getEntriesByType("resource").find((e) => e.name.endsWith("feed-10k.json"));
        return window.__bench.article !== null && data ? window.__bench.article - data.responseEnd : false;
      }),
    );
    plain.push(await measure(`${origin}/bench/plain.html`, () => window.__done ?? false));
  }
  const k = median(kiosque.map((r) => r.elapsed));
  const p = median(plain.map((r) => r.elapsed));
  console.log(`\n3. Scale: 10,000 articles parsed, ranked, popular list and first page of latest rendered (4x CPU, median of ${kiosque.length})`);
  console.log(
    `Kiosque (from the response to both lists on screen): ${ms(k)}, JS heap ${kb(median(kiosque.map((r) => r.heap)))} + wasm memory ${kb(median(kiosque.map((r) => r.wasm)))}`,
  );
  console.log(`Plain JavaScript (the same work):                   ${ms(p)}, JS heap ${kb(median(plain.map((r) => r.heap)))}`);
  console.log(`ratio: ${(k / p).toFixed(2)}x (target ≤ 1.5x)`);
}

// 5. Lighthouse, fetched by npx on first use (not a test dependency), in Debian's Chromium.
async function lighthouse(origin) {
  const report = path.join(os.tmpdir(), `kiosque-lighthouse-${process.pid}.json`);
  await promisify(execFile)(
    "npx",
    [
      "--yes", "lighthouse@12.2.3", `${origin}/`, "--quiet", "--output=json", `--output-path=${report}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" }, timeout: 300_000 },
  );
  const result = JSON.parse(await readFile(report, "utf8"));
  await rm(report, { force: true });
  const score = (id) => Math.round((result.categories[id]?.score ?? 0) * 100);
  console.log("\n5. Lighthouse 12.2.3 on the demo (mobile, simulated throttling)");
  console.log(`performance ${score("performance")} (target ≥ 95), accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")} (targets 100)`);
  for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
    const audit = result.audits[id];
    if (audit) console.log(`  ${audit.title}: ${audit.displayValue}`);
  }
}

const server = await startServer();
const cachingServer = await startServer({ cache: true });
const browser = await launchBrowser();
try {
  console.log(`Kiosque benchmark — ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}, ${browser.version()}`);
  // `node scripts/bench.mjs time scale` runs only those parts; no argument runs all five.
  const wanted = (part) => process.argv.length <= 2 || process.argv.includes(part);
  if (wanted("sizes")) await sizes();
  await writeStaticPage();
  if (wanted("time")) await timeToArticle(browser, server.origin, cachingServer.origin);
  if (wanted("scale")) await scale(browser, server.origin);
  if (wanted("lighthouse")) await lighthouse(server.origin);
} finally {
  await browser.close();
  await server.close();
  await cachingServer.close();
  await rm(BENCH, { recursive: true, force: true });
}
