// Articles rendered ahead of time by the native `kiosque-prerender` command
// (src/bin/kiosque-prerender.rs, src/prerender/): what a reader gets before any WebAssembly
// (and without JavaScript at all), the widget's takeover of that markup (nothing changes,
// nothing moves, focus, selection and scroll stay, and then it answers), the static site's
// head for sharers and search engines, and the native sanitizer against the browser's.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, seedPage, serverAndBrowser, watch } from "./support.mjs";

const run = promisify(execFile);
const PRERENDER = path.join(ROOT, "target", "debug", "kiosque-prerender");
const FIXTURES = path.join(ROOT, "tests", "fixtures");

/// Everything the tests generate, served at /gen/ (the folder exists before the server starts;
/// its content is written once the server's origin is known).
const TMP = mkdtempSync(path.join(os.tmpdir(), "kiosque-prerender-"));
const GEN = path.join(TMP, "gen");
const env = serverAndBrowser({ mounts: { "/gen/": GEN } });

const CANONICAL = "https://www.nasubainfos.example/2026/02/02/mali-offensive-armee-etat-islamique/";

let seed;
let feed;

/// The feed of the Open Graph tests: a title with everything that needs escaping, an item in
/// Arabic, and a plain one.
const HARD_TITLE = `Mali & "l'armée" — <b>الجيش</b> المالي`;
const SITE_NAME = "Le Sahel en bref";
const hardFeed = () => ({
  version: "https://jsonfeed.org/version/1.1",
  title: SITE_NAME,
  home_page_url: "https://sahel.example/",
  language: "fr",
  items: [
    {
      id: "mali-armee",
      url: "https://sahel.example/2026/02/02/mali-armee/",
      title: HARD_TITLE,
      summary: "L’armée & ses « alliés » : un résumé <i>difficile</i>.",
      content_html: "<p>Premier paragraphe de l’article.</p><p>Second paragraphe, avec <a href=\"/autre/\">un lien relatif</a>.</p>",
      date_published: "2026-02-02T10:00:00+00:00",
      authors: [{ name: "Awa Koné" }],
      image: "images/photo.svg",
      _kiosque: { section: "Afrique", image: { alt: "Une photo du fleuve", width: 1200, height: 675 } },
    },
    {
      id: "niamey-ar",
      url: "https://sahel.example/2026/02/01/niamey-ar/",
      title: "نيامي تستضيف منتدى حول الطاقة الشمسية",
      summary: "ملخص المقال باللغة العربية.",
      content_html: "<p>نص المقال الأول.</p><p>نص المقال الثاني.</p>",
      date_published: "2026-02-01T09:00:00+00:00",
      language: "ar",
      authors: [{ name: "مريم أحمد" }],
    },
    {
      id: "dosso-derby",
      url: "https://sahel.example/2026/01/31/dosso-derby/",
      title: "Football : l’Étoile de Dosso remporte le derby",
      summary: "Un derby serré.",
      content_html: "<p>Le derby s’est joué à guichets fermés.</p>",
      date_published: "2026-01-31T18:00:00+00:00",
      authors: [{ name: "Ibrahim Diallo" }],
    },
  ],
});

before(async () => {
  [seed, feed] = await Promise.all([seedPage(), readFile(path.join(ROOT, "data", "feed.json"), "utf8").then(JSON.parse)]);
});

after(async () => {
  await rm(TMP, { recursive: true, force: true });
});

/// RFC 3986's strict percent-encoding, as the share links use (src/share.rs, `encode`).
const encode = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/// The canonical form of a widget root's content, the way web/takeover.js compares a
/// pre-rendered root with the one the widget rendered: attributes sorted, href/src resolved
/// against `base`, `<style>` left out, `.kq-deferred` holders transparent, `.kq-tools` and
/// `.kq-saved` content ignored, adjacent texts joined and a lone " " text ignored. One entry per
/// opening tag, text and closing tag, so that the first difference can be named. Runs in the
/// page (installed by an init script): it uses nothing from outside its body.
function kqCanonical(root, base) {
  const entries = [];
  const resolve = (value) => {
    try {
      return new URL(value, base).href;
    } catch {
      return value;
    }
  };
  const writeElement = (element) => {
    if (element.localName === "style") return;
    if (element.classList.contains("kq-tools") || element.classList.contains("kq-saved")) {
      entries.push("<browser-only/>");
      return;
    }
    const attributes = [...element.attributes]
      .map((attribute) => [attribute.name, attribute.name === "href" || attribute.name === "src" ? resolve(attribute.value) : attribute.value])
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    entries.push(`<${element.localName}${attributes.map(([name, value]) => ` ${name}=${JSON.stringify(value)}`).join("")}>`);
    writeChildren(element);
    entries.push(`</${element.localName}>`);
  };
  const writeChildren = (element) => {
    let text = "";
    const flush = () => {
      if (text !== "" && text !== " ") entries.push(`#text ${JSON.stringify(text)}`);
      text = "";
    };
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        text += node.nodeValue;
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        flush();
        if (node.classList.contains("kq-deferred")) writeChildren(node);
        else writeElement(node);
      }
    }
    flush();
  };
  writeChildren(root);
  return entries;
}

/// What may not be in pre-rendered markup of untrusted content (as xssDangers in
/// support.mjs, for a shadow root given, anywhere in it): no script or other active element,
/// no handler, no dangerous URL, no nested shadow root. Runs in the page.
function kqDangers(shadow) {
  const found = [];
  const ACTIVE = "script, iframe, frame, frameset, object, embed, applet, base, meta, link, template, noscript, portal";
  const FORBIDDEN = "script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, isindex, keygen";
  const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data", "ping", "cite"];
  const dangerous = (value) => /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""));
  for (const element of shadow.querySelectorAll(ACTIVE)) found.push(`<${element.localName}>`);
  for (const element of shadow.querySelectorAll("*")) {
    if (element.shadowRoot) found.push(`<${element.localName}> with a shadow root`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) found.push(`${element.localName}[${name}]`);
      if (name === "style" || name === "srcdoc" || name === "formaction") found.push(`${element.localName}[${name}]`);
      if (URL_ATTRIBUTES.includes(name) && dangerous(attribute.value)) found.push(`${element.localName}[${name}=${attribute.value}]`);
    }
  }
  // In what comes from the feed, only the widget's own controls and style sheets.
  for (const region of shadow.querySelectorAll(".kq-article, .kq-more, .kq-popular")) {
    for (const element of region.querySelectorAll(FORBIDDEN)) {
      if (!element.matches(".kq-range, .kq-load-more, .kq-video-load, .kq-tools *, .kq-deferred > style, .kq-article > style")) found.push(`<${element.localName}> in .${region.classList[0]}`);
    }
  }
  return found;
}

/// What the reader has selected inside `shadow`, read through getComposedRanges (the standard
/// way into a shadow root; Chromium's shadowRoot.getSelection() where it is missing), and
/// whether it lies under `root`. Runs in the page.
function kqSelected(shadow, root) {
  const selection = getSelection();
  if (typeof selection.getComposedRanges === "function") {
    const [composed] = selection.getComposedRanges({ shadowRoots: [shadow] });
    if (!composed) return { text: "", inRoot: false };
    const range = document.createRange();
    range.setStart(composed.startContainer, composed.startOffset);
    range.setEnd(composed.endContainer, composed.endOffset);
    return { text: range.toString(), inRoot: root.contains(composed.startContainer) && root.contains(composed.endContainer) };
  }
  const own = shadow.getSelection?.() ?? selection;
  return { text: own.toString(), inRoot: own.rangeCount > 0 && root.contains(own.getRangeAt(0).startContainer) };
}

/// Installs kqCanonical and kqDangers in every page of `context`, whatever the page's CSP.
async function installHelpers(context) {
  await context.addInitScript({ content: `window.__kqCanonical = ${kqCanonical}; window.__kqDangers = ${kqDangers}; window.__kqSelected = ${kqSelected};` });
}

/// In the page: the canonical form of each host's pre-rendered root, read from the page's own
/// HTML parsed again (Document.parseHTMLUnsafe attaches declarative shadow roots), relative
/// addresses resolved against the page's.
function prerenderedCanonicals() {
  return fetch(location.href, { cache: "no-store" })
    .then((response) => response.text())
    .then((html) => {
      const parsed = Document.parseHTMLUnsafe(html);
      return [...parsed.querySelectorAll("[data-kiosque]")].map((host) => {
        const shadow = host.shadowRoot;
        const root = shadow?.querySelector(".kq[data-prerendered]");
        if (!root) return { missing: true };
        return {
          rootAttributes: [...root.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => !/^data-(prerendered|takeover)=/.test(a)).sort(),
          entries: window.__kqCanonical(root, location.href),
          dangers: window.__kqDangers(shadow),
        };
      });
    });
}

/// In the page: the same for each host's live root, with its takeover verdict.
function liveCanonicals() {
  return [...document.querySelectorAll("[data-kiosque]")].map((host) => {
    const root = host.shadowRoot?.querySelector(".kq");
    return {
      takeover: root?.getAttribute("data-takeover") ?? null,
      rootAttributes: root ? [...root.attributes].map((a) => `${a.name}=${a.value}`).filter((a) => !/^data-(prerendered|takeover)=/.test(a)).sort() : [],
      entries: root ? window.__kqCanonical(root, location.href) : [],
    };
  });
}

/// The first difference between two canonical forms, with what comes before it, or null.
function firstDifference(before, live) {
  const length = Math.max(before.length, live.length);
  for (let index = 0; index < length; index += 1) {
    if (before[index] !== live[index]) {
      const context = before.slice(Math.max(0, index - 3), index).join(" ");
      return `entry ${index} (after …${context.slice(-300)}): pre-rendered ${before[index] ?? "(end)"} / widget ${live[index] ?? "(end)"}`;
    }
  }
  return null;
}

/// Every place where two canonical forms differ, as runs of entries (a longest common
/// subsequence between the common head and tail; one run when that is too large to compute).
function differenceHunks(before, live) {
  let head = 0;
  while (head < before.length && head < live.length && before[head] === live[head]) head += 1;
  let tail = 0;
  while (tail < before.length - head && tail < live.length - head && before[before.length - 1 - tail] === live[live.length - 1 - tail]) tail += 1;
  const a = before.slice(head, before.length - tail);
  const b = live.slice(head, live.length - tail);
  if (a.length * b.length > 4_000_000) return [{ pre: a, live: b }];
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const hunks = [];
  let current = null;
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      if (current) hunks.push(current);
      current = null;
      i += 1;
      j += 1;
    } else if (j < b.length && (i >= a.length || table[i][j + 1] >= table[i + 1][j])) {
      (current ??= { pre: [], live: [] }).live.push(b[j]);
      j += 1;
    } else {
      (current ??= { pre: [], live: [] }).pre.push(a[i]);
      i += 1;
    }
  }
  if (current) hunks.push(current);
  return hunks;
}

/// Waits until every host of the page has taken over (or `timeout` passes: the hosts that did
/// not are then reported by the caller).
const allTakenOver = (page, timeout) =>
  page.waitForFunction(
    () => [...document.querySelectorAll("[data-kiosque]")].every((host) => host.shadowRoot?.querySelector(".kq[data-takeover]")),
    null,
    { timeout, polling: 100 },
  ).then(() => true, () => false);

/// Polls `condition` (in Node) until it holds.
async function until(condition, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const takeoverSelector = "[data-kiosque] .kq[data-takeover]";
const twoFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

describe("pre-rendered articles", () => {
  // The Open Graph tests' site, generated for the server's real origin, known once it started (a root
  // `before` may run before serverAndBrowser's has finished).
  before(async () => {
    await mkdir(path.join(GEN, "images"), { recursive: true });
    await writeFile(path.join(TMP, "hard.json"), JSON.stringify(hardFeed()));
    await copyFile(path.join(ROOT, "dist", "data", "images", "fleuve-pirogue.svg"), path.join(GEN, "images", "photo.svg"));
    const origin = env.server.origin;
    await run(PRERENDER, [path.join(TMP, "hard.json"), GEN, "--base-url", `${origin}/gen/`, "--script", "/kiosque.js", "--feed-url", `${origin}/gen/feed.json`]);
  });

  test("the pre-rendered demo reads before any WebAssembly, and asks nothing of another origin", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const aborted = [];
    await context.route("**/*.wasm", (route) => {
      aborted.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const seen = watch(page);
    // The scripts in flight: once none is, and the main module was refused, the loader has
    // done all it can.
    const scripts = new Set();
    page.on("request", (request) => /\.m?js$/.test(new URL(request.url()).pathname) && scripts.add(request));
    page.on("requestfinished", (request) => scripts.delete(request));
    page.on("requestfailed", (request) => scripts.delete(request));
    await page.goto(`${env.server.origin}/prerendered.html`, { waitUntil: "domcontentloaded" });
    // Before any script ran: what the parser made of the page.
    assert.equal(await page.locator("[data-kiosque] article h1").textContent(), seed.headline, "the headline, as parsed");
    await page.waitForLoadState("load");
    await until(() => aborted.some((address) => address.endsWith("/kiosque-core_bg.wasm")) && scripts.size === 0, "the main module refused and no script in flight");
    await twoFrames(page);
    assert.ok(aborted.length > 0, "the page asked for its WebAssembly (and was refused it)");

    const host = page.locator("[data-kiosque]");
    assert.ok(await host.evaluate((element) => element.shadowRoot?.mode === "open" && !!element.shadowRoot.querySelector(".kq[data-prerendered]")),
      "a declarative shadow root holds the pre-rendered widget");
    assert.equal(await page.locator(takeoverSelector).count(), 0, "nothing took over");
    const headline = page.locator("[data-kiosque] article h1");
    assert.ok(await headline.isVisible(), "the headline shows");
    assert.equal(await headline.textContent(), seed.headline);
    assert.equal(await page.locator("[data-kiosque] article time").textContent(), seed.dateLine);
    assert.deepEqual(await page.locator("[data-kiosque] article .kq-body p").allTextContents(), seed.paragraphs);
    assert.ok(await page.locator("[data-kiosque] article .kq-body p").last().isVisible(), "the body shows");

    const title = encode(seed.headline);
    const url = encode(CANONICAL);
    const expected = {
      whatsapp: `https://api.whatsapp.com/send?text=${encode(`${seed.headline} ${CANONICAL}`)}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
      x: `https://x.com/intent/tweet?text=${title}&url=${url}`,
      telegram: `https://t.me/share/url?url=${url}&text=${title}`,
      email: `mailto:?subject=${title}&body=${encode(`${feed.items[0].summary}\r\n\r\n${CANONICAL}`)}`,
    };
    for (const [network, href] of Object.entries(expected)) {
      const link = page.locator(`[data-kiosque] .kq-share a.kq-net-${network}`);
      assert.equal(await link.getAttribute("href"), href, network);
      assert.ok(await link.isVisible(), `${network} link shows`);
    }
    const foreign = seen.requests.filter((address) => !address.startsWith(env.server.origin + "/"));
    assert.deepEqual(foreign, [], "no request to another origin");
    await context.close();
  });

  test("the takeover changes nothing, and then the share bar answers", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    await installHelpers(context);
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${env.server.origin}/prerendered.html`);
    const [before] = await page.evaluate(prerenderedCanonicals);
    assert.ok(!before.missing, "the page holds a pre-rendered root");
    assert.ok(before.entries.length > 100, `a whole page pre-rendered (${before.entries.length} entries)`);
    await page.locator(takeoverSelector).waitFor();
    const [live] = await page.evaluate(liveCanonicals);
    assert.equal(firstDifference(before.entries, live.entries), null, "the widget's markup is the pre-rendered markup");
    assert.deepEqual(live.rootAttributes, before.rootAttributes, "the root's attributes");
    assert.equal(live.takeover, "same");
    assert.equal(await page.evaluate(() => document.querySelector("[data-kiosque]").shadowRoot.querySelectorAll(".kq").length), 1, "one root left");

    // Alive: "Plus" opens the other networks, and copy link copies.
    const toggle = page.locator("[data-kiosque] button[aria-controls=kq-share-extra]");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.click();
    await page.locator("[data-kiosque] button[aria-controls=kq-share-extra][aria-expanded=true]").waitFor();
    await page.locator("[data-kiosque] #kq-share-extra a.kq-net-linkedin").waitFor({ state: "visible" });
    await page.locator("[data-kiosque] button.kq-net-copy").click();
    await page.locator("[data-kiosque] .kq-net-copy", { hasText: "Lien copié" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CANONICAL);
    assert.deepEqual(seen.errors, [], "no console errors");
    await context.close();
  });

  test("no layout shift while the widget takes over, on a 4× slower CPU", async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await env.browser.newContext({ viewport });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        window.__shift = 0;
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.__shift += entry.value;
            window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: (entry.sources ?? []).map((source) => source.node?.nodeName ?? "?") });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${env.server.origin}/prerendered.html`);
      await page.locator(takeoverSelector).waitFor({ timeout: 60_000 });
      await twoFrames(page);
      const { shift, shifts } = await page.evaluate(() => ({ shift: window.__shift, shifts: window.__shifts }));
      assert.equal(shift, 0, `layout shift at ${viewport.width}px: ${JSON.stringify(shifts)}`);
      await context.close();
    }
  });

  test("focus, selection and scroll survive the takeover", async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 700 } });
    await installHelpers(context);
    const page = await context.newPage();
    const seen = watch(page);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let asked;
    const requested = new Promise((resolve) => (asked = resolve));
    await page.route("**/takeover.js", async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.goto(`${env.server.origin}/prerendered.html`, { waitUntil: "domcontentloaded" });
    await requested;

    const phrase = "positions de combattants affiliés à l’État islamique";
    const state = await page.evaluate((phrase) => {
      const shadow = document.querySelector("[data-kiosque]").shadowRoot;
      scrollTo(0, 900);
      window.__oldLink = shadow.querySelector("a.kq-net-whatsapp");
      window.__oldLink.focus({ preventScroll: true });
      const paragraph = shadow.querySelectorAll(".kq-body p")[1];
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode()) && !node.nodeValue.includes(phrase));
      const start = node.nodeValue.indexOf(phrase);
      getSelection().setBaseAndExtent(node, start, node, start + phrase.length);
      return {
        scrollY,
        taken: !!shadow.querySelector(".kq[data-takeover]"),
        focused: shadow.activeElement?.className ?? null,
        selected: window.__kqSelected(shadow, shadow.querySelector(".kq")),
      };
    }, phrase);
    assert.ok(state.scrollY > 0, `the page scrolled (${state.scrollY})`);
    assert.equal(state.taken, false, "the takeover waits for its code");
    assert.match(state.focused ?? "", /\bkq-net-whatsapp\b/, "the WhatsApp link has focus");
    assert.deepEqual(state.selected, { text: phrase, inRoot: true }, "the phrase is selected");

    release();
    await page.locator(takeoverSelector).waitFor();
    const after = await page.evaluate(() => {
      const shadow = document.querySelector("[data-kiosque]").shadowRoot;
      const root = shadow.querySelector(".kq");
      const focused = shadow.activeElement;
      const selected = window.__kqSelected(shadow, root);
      return {
        takeover: root.getAttribute("data-takeover"),
        focusedIsWhatsApp: !!focused && focused.matches("a.kq-net-whatsapp") && root.contains(focused) && root.hasAttribute("data-takeover")
          && focused !== window.__oldLink && !window.__oldLink.isConnected,
        focused: focused ? focused.outerHTML.slice(0, 120) : null,
        selected,
        scrollY,
      };
    });
    assert.equal(after.takeover, "same");
    assert.equal(after.scrollY, state.scrollY, "scroll unchanged");
    assert.ok(after.focusedIsWhatsApp, `focus on the new tree's WhatsApp link (focused: ${after.focused})`);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(after.selected, { text: phrase, inRoot: true }, "the same text selected, in the new tree");
    await context.close();
  });

  test("the generated site reads and navigates without JavaScript", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${env.server.origin}/site/index.html`);
    const first = page.locator(".site-index a").first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL((address) => !address.pathname.endsWith("/index.html"));
    const headline = page.locator("[data-kiosque] article h1");
    await headline.waitFor();
    assert.equal(await headline.textContent(), title);
    assert.ok(await headline.isVisible());
    const paragraphs = await page.locator("[data-kiosque] article .kq-body p").allTextContents();
    assert.ok(paragraphs.length >= 3 && paragraphs.every((text) => text.trim().length > 0), `the body: ${paragraphs.length} paragraphs`);
    assert.ok(await page.locator("[data-kiosque] article .kq-body p").first().isVisible());
    const whatsapp = await page.locator("[data-kiosque] a.kq-net-whatsapp").getAttribute("href");
    assert.ok(whatsapp.startsWith("https://api.whatsapp.com/send?text="), whatsapp);

    const more = page.locator("[data-kiosque] .kq-more a.kq-teaser-link");
    assert.ok(await more.count() >= 3, "Plus d’actualités lists other articles");
    const pages = await more.evaluateAll((links) => links.map((link) => link.href));
    const here = new URL(page.url());
    for (const address of pages) {
      const target = new URL(address);
      assert.equal(target.origin, here.origin, address);
      assert.match(target.pathname, /^\/site\/[^/]+\/$/, `a generated page: ${address}`);
      assert.notEqual(target.pathname, here.pathname);
    }
    const next = more.nth(1);
    const nextTitle = await next.textContent();
    const nextAddress = pages[1];
    await next.click();
    await page.waitForURL(nextAddress);
    await page.locator("[data-kiosque] article h1", { hasText: nextTitle }).waitFor();
    assert.equal(await page.locator("[data-kiosque] article h1").textContent(), nextTitle);
    assert.ok(seen.requests.every((address) => !address.endsWith(".wasm") && !address.endsWith(".js")), "no script ran or was fetched");
    await context.close();
  });

  test("Open Graph, Twitter and JSON-LD for a hard title, and the widget takes over such a page", async () => {
    const origin = env.server.origin;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${origin}/gen/mali-armee/`);
    const meta = (attribute, name) => page.locator(`meta[${attribute}="${name}"]`).getAttribute("content");
    assert.equal(await meta("property", "og:title"), HARD_TITLE);
    assert.equal(await meta("name", "twitter:title"), HARD_TITLE);
    assert.equal(await page.locator("title").textContent(), `${HARD_TITLE} — ${SITE_NAME}`, "the headline, then the site's name");
    assert.equal(await meta("property", "og:url"), `${origin}/gen/mali-armee/`);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute("href"), `${origin}/gen/mali-armee/`);
    assert.equal(await meta("property", "og:type"), "article");
    assert.equal(await meta("property", "og:site_name"), SITE_NAME);
    assert.equal(await meta("property", "og:image"), `${origin}/gen/images/photo.svg`);
    assert.equal(await meta("property", "og:image:width"), "1200");
    assert.equal(await meta("property", "og:image:height"), "675");
    assert.equal(await meta("property", "og:image:alt"), "Une photo du fleuve");
    assert.match(await meta("property", "og:locale"), /^fr_[A-Z]{2}$/);
    assert.equal(await meta("name", "description"), hardFeed().items[0].summary);
    assert.equal(await meta("property", "og:description"), hardFeed().items[0].summary);
    assert.equal(await page.locator("[data-kiosque] article h1").textContent(), HARD_TITLE, "the headline shows as text");

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(scripts.length, 1);
    const data = JSON.parse(scripts[0]);
    assert.equal(data["@type"], "NewsArticle");
    assert.equal(data.headline, HARD_TITLE);
    assert.equal(data.datePublished, "2026-02-02T10:00:00+00:00");
    const authors = [data.author].flat().map((author) => author?.name);
    assert.deepEqual(authors, ["Awa Koné"]);
    assert.equal(data.publisher?.name, SITE_NAME);
    assert.deepEqual([data.image].flat(), [`${origin}/gen/images/photo.svg`]);
    assert.equal(data.mainEntityOfPage?.["@id"] ?? data.url, `${origin}/gen/mali-armee/`);
    assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join(" ")), "fr ltr");

    // The widget on a page generated for the origin it is served from: nothing to change.
    await page.locator(takeoverSelector).waitFor();
    assert.equal(await page.locator(takeoverSelector).getAttribute("data-takeover"), "same", "/gen/mali-armee/");
    assert.deepEqual(seen.errors, []);
    await page.goto(`${origin}/gen/dosso-derby/`);
    await page.locator(takeoverSelector).waitFor();
    assert.equal(await page.locator(takeoverSelector).getAttribute("data-takeover"), "same", "/gen/dosso-derby/");

    await context.close();
  });

  test("a page of an article in another language than the feed's: its head, and the widget takes it over unchanged", async () => {
    const origin = env.server.origin;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/gen/niamey-ar/`);
    const meta = (attribute, name) => page.locator(`meta[${attribute}="${name}"]`).getAttribute("content");
    assert.equal(await page.evaluate(() => [document.documentElement.getAttribute("lang"), document.documentElement.getAttribute("dir")].join(" ")), "ar rtl");
    assert.match(await meta("property", "og:locale"), /^ar(_[A-Z]{2})?$/);
    assert.equal(await meta("property", "og:title"), hardFeed().items[1].title);
    assert.equal(await meta("property", "og:url"), `${origin}/gen/niamey-ar/`);
    assert.equal(JSON.parse(await page.locator('script[type="application/ld+json"]').textContent()).inLanguage, "ar");
    // The widget's interface follows the host page's <html lang> (README, Configuration): what
    // was written ahead of time must be what it renders, or the reader sees it change.
    const prerendered = await page.evaluate(async () => {
      const html = await (await fetch(location.href, { cache: "no-store" })).text();
      const root = Document.parseHTMLUnsafe(html).querySelector("[data-kiosque]").shadowRoot.querySelector(".kq");
      return `${root.getAttribute("lang")} ${root.getAttribute("dir")}, date line "${root.querySelector(".kq-dateline")?.textContent}"`;
    });
    await page.locator(takeoverSelector).waitFor();
    const live = await page.evaluate(() => {
      const root = document.querySelector("[data-kiosque]").shadowRoot.querySelector(".kq");
      return `${root.getAttribute("lang")} ${root.getAttribute("dir")}, date line "${root.querySelector(".kq-dateline")?.textContent}"`;
    });
    assert.equal(await page.locator(takeoverSelector).getAttribute("data-takeover"), "same", `/gen/niamey-ar/: pre-rendered ${prerendered}; the widget renders ${live}`);
    await context.close();
  });

  test("the native sanitizer keeps exactly what the browser's keeps (XSS corpus and real feeds)", { timeout: 900_000 }, async (t) => {
    const origin = env.server.origin;
    // The documents: the XSS corpus as a JSON Feed (each vector as an item's body, title and
    // summary, as support.mjs's xssFeed), every real JSON Feed, every saved WordPress answer.
    const { vectors } = JSON.parse(await readFile(path.join(FIXTURES, "xss-vectors.json"), "utf8"));
    const documents = [{
      name: "xss",
      text: JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "XSS corpus",
        items: vectors.map(({ id, payload }) => ({
          id: `v${id}`,
          // An address of its own, so that the share links do not depend on the page's.
          url: `https://xss.example/v${id}/`,
          title: payload,
          content_html: payload,
          summary: payload,
          date_published: "2026-02-02T10:00:00+00:00",
          _kiosque: { section: `vector-${id}` },
        })),
      }),
    }];
    const jsonfeeds = path.join(FIXTURES, "realworld", "jsonfeed");
    for (const file of (await readdir(jsonfeeds)).filter((name) => name.endsWith(".json")).sort()) {
      documents.push({ name: `jsonfeed-${file.replace(/\.json$/, "")}`, text: await readFile(path.join(jsonfeeds, file), "utf8") });
    }
    const wordpress = path.join(FIXTURES, "realworld", "wordpress");
    for (const site of (await readdir(wordpress)).sort()) {
      for (const file of (await readdir(path.join(wordpress, site))).filter((name) => /^posts(-page-\d+)?\.json$/.test(name)).sort()) {
        documents.push({ name: `wp-${site}-${file.replace(/\.json$/, "")}`, text: await readFile(path.join(wordpress, site, file), "utf8") });
      }
    }

    const PER_PAGE = 20;
    const pages = [];
    for (const { name, text } of documents) {
      await writeFile(path.join(GEN, `${name}.json`), text);
      const out = path.join(TMP, "fragments", name);
      await run(PRERENDER, [path.join(GEN, `${name}.json`), out, "--fragments", "--feed-url", `${origin}/gen/${name}.json`], { maxBuffer: 1 << 26 });
      const ids = idsByFileName(name, JSON.parse(text));
      const files = (await readdir(path.join(out, "fragments"))).filter((file) => file.endsWith(".html")).sort();
      assert.ok(files.length > 0, `${name}: fragments written`);
      const hosts = [];
      for (const file of files) {
        const id = ids.get(file.replace(/\.html$/, ""));
        assert.ok(id !== undefined, `${name}: ${file} is no item's`);
        hosts.push({ id, fragment: await readFile(path.join(out, "fragments", file), "utf8") });
      }
      for (let start = 0; start < hosts.length; start += PER_PAGE) {
        const chunk = hosts.slice(start, start + PER_PAGE);
        const page = `diff-${name}-${start / PER_PAGE + 1}.html`;
        await writeFile(path.join(GEN, page), hostPage(name, chunk));
        pages.push({ name, page, ids: chunk.map((host) => host.id) });
      }
    }

    // No CSP here: the sanitizers stand alone, as in xss.test.mjs.
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await installHelpers(context);
    await context.addInitScript(() => {
      window.__xssHits = [];
      const hit = (n) => window.__xssHits.push(n);
      Object.defineProperty(window, "__xss", { value: hit, writable: false, configurable: false });
      window.alert = window.confirm = window.prompt = () => window.__xssHits.push("dialog");
    });
    const problems = [];
    const dangers = [];
    const hits = [];
    const differences = new Map();
    let hosts = 0;
    let differing = 0;
    for (const { name, page: file, ids } of pages) {
      const page = await context.newPage();
      page.on("dialog", (dialog) => dialog.dismiss());
      const seen = watch(page);
      await page.goto(`${origin}/gen/${file}`);
      const before = await page.evaluate(prerenderedCanonicals);
      const allDone = await allTakenOver(page, 90_000);
      const live = await page.evaluate(liveCanonicals);
      hits.push(...(await page.evaluate(() => window.__xssHits)).map((hit) => `${name}: ${hit}`));
      ids.forEach((id, index) => {
        hosts += 1;
        const where = `${name} ${JSON.stringify(id)}`;
        if (before[index].missing) return problems.push(`${where} (${file}): no pre-rendered root`);
        if (before[index].dangers.length) dangers.push(`${where}: ${before[index].dangers.join(", ")}`);
        if (live[index].takeover === null) return problems.push(`${where} (${file}): did not take over${allDone ? "" : " within 90 s"}`);
        const difference = firstDifference(before[index].entries, live[index].entries);
        if (live[index].takeover === "same" && !difference) return;
        differing += 1;
        const hunks = difference ? differenceHunks(before[index].entries, live[index].entries) : [{ pre: [], live: [`(data-takeover=${live[index].takeover}, canonical forms equal)`] }];
        for (const hunk of hunks) {
          const signature = `pre-rendered [${hunk.pre.join(" ").slice(0, 400)}] / widget [${hunk.live.join(" ").slice(0, 400)}]`;
          if (!differences.has(signature)) differences.set(signature, { articles: [], first: `${where} (${file}, data-takeover=${live[index].takeover}): first difference at ${difference}` });
          differences.get(signature).articles.push(where);
        }
      });
      const errors = seen.errors.filter((error) => !/Failed to load resource/.test(error));
      if (errors.length) problems.push(`${name} (${file}): console errors: ${errors.slice(0, 3).join(" | ")}`);
      await page.close();
    }
    t.diagnostic(`${hosts} articles in ${pages.length} pages from ${documents.length} documents`);
    await context.close();
    assert.deepEqual(hits, [], `executed: ${hits.join(", ")}`);
    assert.deepEqual(dangers, [], "nothing dangerous in the pre-rendered markup");
    assert.deepEqual(problems, []);
    const report = [...differences].sort(([, a], [, b]) => new Set(b.articles).size - new Set(a.articles).size)
      .map(([signature, { articles, first }]) => `- in ${new Set(articles).size} article(s), e.g. ${[...new Set(articles)].slice(0, 3).join(", ")}: ${signature}\n    ${first}`);
    assert.equal(differing, 0, `${differing} of ${hosts} articles are not taken over unchanged; ${differences.size} distinct differences:\n${report.join("\n")}`);
  });

  test("Lighthouse's SEO audit scores a generated page 100", { timeout: 120_000 }, async () => {
    const report = path.join(TMP, "lighthouse-seo.json");
    const address = `${env.server.origin}/site/${feed.items[0].id}/`;
    await run(
      path.join(ROOT, "node_modules", ".bin", "lighthouse"),
      [
        address, "--quiet", "--output=json", `--output-path=${report}`, "--only-categories=seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" }, timeout: 110_000, maxBuffer: 1 << 26 },
    );
    const result = JSON.parse(await readFile(report, "utf8"));
    assert.equal(result.runtimeError, undefined, JSON.stringify(result.runtimeError));
    const failing = result.categories.seo.auditRefs
      .map(({ id }) => result.audits[id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => `${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ""}`);
    assert.equal(result.finalDisplayedUrl ?? result.finalUrl, address);
    assert.equal(result.categories.seo.score, 1, `SEO ${result.categories.seo.score * 100} on ${address}; failing: ${failing.join("; ")}`);
  });
});

/// The name kiosque-prerender gives an id's file (src/prerender/site.rs, `slug`): the id when
/// it is safe in a path, else its UTF-8 bytes percent-encoded, `%` written `_`.
function slug(id) {
  const safe = (byte) => /[A-Za-z0-9._-]/.test(String.fromCharCode(byte));
  const bytes = [...Buffer.from(id, "utf8")];
  if (id !== "" && bytes.every(safe) && !id.startsWith(".")) return id;
  return bytes.map((byte) => (safe(byte) && byte !== 0x2e ? String.fromCharCode(byte) : `_${byte.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

/// Each article's id as the widget knows it, by the name of its fragment file. A JSON Feed
/// item's id is its `id`; a WordPress post's is its slug (site.rs reads it as written, the
/// widget decodes a percent-encoded one: the fixtures have none).
function idsByFileName(name, document) {
  const items = Array.isArray(document) ? document : document.items;
  const ids = new Map();
  for (const item of items) {
    const raw = Array.isArray(document) && typeof item.slug === "string" && item.title && typeof item.title === "object" ? item.slug : item.id;
    if (raw === undefined || raw === null) continue;
    if (Array.isArray(document) && String(raw).includes("%")) throw new Error(`${name}: a percent-encoded slug; teach idsByFileName to decode it`);
    ids.set(slug(String(raw)), String(raw));
  }
  return ids;
}

const escapeAttribute = (value) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/// A publisher's page holding one pre-rendered article widget per host.
function hostPage(name, hosts) {
  const widgets = hosts
    .map(({ id, fragment }) => `<div data-kiosque="article" data-src="/gen/${escapeAttribute(name)}.json" data-article="${escapeAttribute(id)}">${fragment}</div>`)
    .join("\n");
  // French, as the fragments (written without --data lang): the widget takes its interface
  // language from the page.
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeAttribute(name)}</title><link rel="icon" href="data:,">
<script type="module" src="/kiosque.js"></script></head><body>
${widgets}
</body></html>`;
}
