// Reading on the reader's terms: data saver (from the browser's setting or the widget's
// control), the article read aloud by the browser's own voices, and A− / A+ — in the demo,
// as a reader on a phone uses them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();

/// The demo article with a lead image (2,853 bytes, given by the feed).
const WITH_IMAGE = "football-etoile-de-dosso-derby-ligue-2";
/// Another article, to navigate to.
const OTHER = "bamako-ecole-de-code-developpeuses";

/// The browser's "save data" setting, as Chromium on Android exposes it.
const SAVE_DATA = () => {
  Object.defineProperty(Navigator.prototype, "connection", {
    configurable: true,
    get: () => ({ saveData: true, effectiveType: "3g", addEventListener() {}, removeEventListener() {} }),
  });
};

/// Adds up the layout shifts not caused by the reader.
const SHIFTS = () => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
};

/// A stand-in for the browser's speech synthesis: it has the voices it is given, records what
/// it is asked to say and to do, and says each piece only when the test lets it finish.
const SPEECH = (languages) => {
  const spoken = [];
  const calls = [];
  const queue = [];
  let current = null;
  const start = () => {
    current = queue.shift() ?? null;
    current?.onstart?.(new Event("start"));
  };
  const synthesis = {
    getVoices: () => languages.map((lang) => ({ lang, name: `Stand-in ${lang}`, localService: true })),
    speak(utterance) {
      spoken.push({ text: utterance.text, lang: utterance.lang });
      queue.push(utterance);
      if (!current) start();
    },
    pause: () => calls.push("pause"),
    resume: () => calls.push("resume"),
    cancel() {
      calls.push("cancel");
      const dropped = [current, ...queue.splice(0)].filter(Boolean);
      current = null;
      for (const utterance of dropped) utterance.onerror?.(new Event("error"));
    },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { configurable: true, value: synthesis });
  window.__speech = {
    spoken,
    calls,
    finish() {
      const done = current;
      current = null;
      done?.onend?.(new Event("end"));
      start();
    },
  };
};

async function open(address, { width = 1280, height = 900, init = [], feed } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
  for (const script of init) await context.addInitScript(script.fn, script.arg);
  if (feed) {
    await context.route("**/data/feed.json", async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      feed(json);
      await route.fulfill({ response, json });
    });
  }
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(env.server.origin + address);
  await page.locator("[data-kiosque] h1").waitFor();
  return { page, seen, context };
}

const imageRequests = (seen) => seen.requests.filter((url) => url.includes("/data/images/"));

/// The football article's body as HTML with a picture in it (a real feed's kind of body; its
/// address is absolute, as relative ones resolve against the article's page on the publisher's
/// site).
const withBodyImage = (feed) => {
  const item = feed.items.find((item) => item.id === WITH_IMAGE);
  item.content_html = `<p>${item.content_text.split("\n")[0]}</p>
    <figure><img src="${env.server.origin}/data/images/etal-marche.svg" width="800" height="600" alt="Un étal de tomates au marché"><figcaption>Au marché.</figcaption></figure>
    <p>La suite du match.</p>`;
  delete item.content_text;
};

describe("data saver", () => {
  test("the browser's setting holds every image back until the reader taps it, without a shift", async () => {
    const { page, seen, context } = await open(`/?kiosque=${WITH_IMAGE}`, { width: 390, height: 800, init: [{ fn: SAVE_DATA }, { fn: SHIFTS }], feed: withBodyImage });
    const widget = page.locator("[data-kiosque]");
    const lead = widget.locator(".kq-figure .kq-image-hold");
    await lead.waitFor();
    assert.match(await lead.innerText(), /Terrain de football vu du ciel/);
    assert.match(await lead.innerText(), /Image, 3\s*Ko — toucher pour l’afficher/);
    const inBody = widget.locator(".kq-body .kq-image-hold");
    assert.match(await inBody.innerText(), /Un étal de tomates au marché\s+Image — toucher pour l’afficher/);
    // The lists are there, without their thumbnails.
    await widget.locator(".kq-latest li").first().waitFor();
    await widget.locator(".kq-popular li").first().waitFor();
    assert.equal(await widget.locator(".kq-thumb").count(), 0);
    // What it saved: the lead image, the one in the text and every thumbnail.
    const toggle = widget.getByRole("button", { name: "Économie de données" });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const saved = widget.locator(".kq-saved");
    await saved.filter({ hasText: /images non téléchargées \(3\s*Ko\)/ }).waitFor();
    const heldAtFirst = Number((await saved.innerText()).match(/(\d+) images/)[1]);
    assert.ok(heldAtFirst >= 4, await saved.innerText());
    assert.deepEqual(imageRequests(seen), [], "no image requested before a tap");
    assert.equal(await page.evaluate(() => window.__shift), 0, "the tools and the saved line arrive into kept space");

    // A tap shows the lead image in the same box: what follows does not move.
    const box = await lead.boundingBox();
    const bodyTop = await widget.locator(".kq-body").evaluate((body) => body.getBoundingClientRect().top);
    await lead.click();
    const image = widget.locator(".kq-figure img");
    await image.waitFor();
    await page.waitForFunction(() => document.querySelector("[data-kiosque]").shadowRoot.querySelector(".kq-figure img").complete);
    const shown = await image.boundingBox();
    assert.ok(Math.abs(shown.height - box.height) < 1 && Math.abs(shown.width - box.width) < 1, `${JSON.stringify(box)} → ${JSON.stringify(shown)}`);
    assert.equal(await widget.locator(".kq-body").evaluate((body) => body.getBoundingClientRect().top), bodyTop);
    assert.equal(await image.evaluate((image) => image.getRootNode().activeElement === image), true, "focus stays on the picture");
    assert.deepEqual(imageRequests(seen).map((url) => new URL(url).pathname), ["/data/images/football-derby.svg"]);
    await saved.filter({ hasText: new RegExp(`^${heldAtFirst - 1} images non téléchargées\\.$`) }).waitFor();

    // The picture in the text, by keyboard.
    const requested = page.waitForRequest(/\/data\/images\/etal-marche\.svg$/);
    await inBody.focus();
    await page.keyboard.press("Enter");
    await widget.locator(".kq-body img").waitFor();
    await requested;
    assert.equal(imageRequests(seen).length, 2);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("the reader turns it on and off in the widget, and the choice is remembered", async () => {
    const { page, seen, context } = await open(`/?kiosque=${WITH_IMAGE}`, { feed: withBodyImage });
    const widget = page.locator("[data-kiosque]");
    await widget.locator(".kq-figure img").waitFor();
    const toggle = widget.getByRole("button", { name: "Économie de données" });
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await widget.locator(".kq-saved").waitFor();
    // What is already here stays; the next page waits.
    const before = imageRequests(seen).length;
    await page.reload();
    await widget.locator(".kq-figure .kq-image-hold").waitFor();
    await widget.locator(".kq-latest li").first().waitFor();
    await widget.locator(".kq-popular li").first().waitFor();
    assert.equal(await widget.locator(".kq-thumb").count(), 0);
    assert.equal(imageRequests(seen).length, before, "nothing requested on the remembered page");
    // Off again: what it held back arrives, as if tapped; focus stays on the switch.
    const again = widget.getByRole("button", { name: "Économie de données" });
    await again.click();
    await widget.locator(".kq-figure img").waitFor();
    await widget.locator(".kq-body img").waitFor();
    assert.equal(await widget.locator(".kq-image-hold").count(), 0);
    assert.equal(await again.evaluate((button) => button.getRootNode().activeElement === button), true);
    assert.equal(await widget.locator(".kq-saved").count(), 0);
    assert.deepEqual(seen.errors, [], seen.requests.filter((url) => !url.startsWith(env.server.origin)).join("\n"));
    await context.close();
  });
});

describe("data saver where storage is refused", () => {
  test("the reader's choice still holds on the page: the next article and its lists wait for a tap", async () => {
    // A private mode or a sandboxed frame: reading and writing storage throw.
    const REFUSED = () => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    };
    const { page, seen, context } = await open(`/?kiosque=${OTHER}`, { init: [{ fn: REFUSED }] });
    const widget = page.locator("[data-kiosque]");
    await widget.locator(".kq-latest li").first().waitFor();
    const toggle = widget.getByRole("button", { name: "Économie de données" });
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await widget.locator(`.kq-latest a[href*="${WITH_IMAGE}"]`).click();
    await page.locator("[data-kiosque] h1").filter({ hasText: "Dosso" }).waitFor();
    await widget.locator(".kq-figure .kq-image-hold").waitFor();
    await widget.locator(".kq-latest li").first().waitFor();
    assert.equal(await widget.locator(".kq-thumb").count(), 0);
    assert.equal(await widget.getByRole("button", { name: "Économie de données" }).getAttribute("aria-pressed"), "true");
    await widget.locator(".kq-saved").filter({ hasText: /images non téléchargées \(3\s*Ko\)/ }).waitFor();
    // Nothing in the widget has an image address any more, so nothing can be downloaded (the
    // first page's thumbnails may still be arriving: the requests themselves would race).
    assert.equal(await widget.locator("img[src]").count(), 0, "no image with an address in the next article or its lists");
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
});

describe("text size", () => {
  test("A+ and A− change the article's text in steps, remembered, with no sideways scroll at 200 % on a 320 px phone", async () => {
    const { page, seen, context } = await open("/", { width: 320, height: 640 });
    const widget = page.locator("[data-kiosque]");
    const larger = widget.getByRole("button", { name: "Agrandir le texte" });
    const smaller = widget.getByRole("button", { name: "Réduire le texte" });
    await larger.waitFor();
    const size = () => widget.locator(".kq-body").evaluate((body) => parseFloat(getComputedStyle(body).fontSize));
    const base = await size();
    await larger.click();
    await page.waitForFunction((base) => parseFloat(getComputedStyle(document.querySelector("[data-kiosque]").shadowRoot.querySelector(".kq-body")).fontSize) > base, base);
    assert.ok(Math.abs((await size()) / base - 1.15) < 0.01);
    // Announced in the widget's live region.
    await widget.getByRole("status").filter({ hasText: "Taille du texte : 115 %" }).waitFor();
    for (let step = 0; step < 4; step += 1) await larger.click();
    await page.waitForFunction((base) => parseFloat(getComputedStyle(document.querySelector("[data-kiosque]").shadowRoot.querySelector(".kq-body")).fontSize) >= base * 1.99, base);
    assert.equal(await larger.getAttribute("aria-disabled"), "true");
    // Still focusable at the end of the range (Playwright will not click a button marked
    // disabled; a keyboard user still can press it).
    await larger.press("Enter");
    assert.ok(Math.abs((await size()) / base - 2) < 0.01, "no step past 200 %");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, "no horizontal scrolling at 200 % on 320 px");
    // The controls keep their size: only the article's words grow.
    assert.ok((await larger.boundingBox()).height < 60);

    await page.reload();
    await widget.locator(".kq-body").waitFor();
    assert.ok(Math.abs((await size()) / base - 2) < 0.01, "remembered for the site");
    await smaller.waitFor();
    await smaller.click();
    await page.waitForFunction((base) => parseFloat(getComputedStyle(document.querySelector("[data-kiosque]").shadowRoot.querySelector(".kq-body")).fontSize) < base * 1.99, base);
    assert.ok(Math.abs((await size()) / base - 1.75) < 0.01);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
});

describe("listening", () => {
  test("the article is read aloud in its language, paragraph by paragraph, with pause, resume and stop on navigation", async () => {
    const { page, seen, context } = await open("/", { init: [{ fn: SPEECH, arg: ["fr-FR", "en-US"] }] });
    const widget = page.locator("[data-kiosque]");
    const listen = widget.getByRole("button", { name: /^Écouter \(\d+ min\)$/ });
    await listen.waitFor();
    await listen.click();
    const spoken = () => page.evaluate(() => window.__speech.spoken);
    await page.waitForFunction(() => window.__speech.spoken.length > 0);
    const pieces = await spoken();
    const headline = await widget.locator("h1").innerText();
    assert.equal(pieces[0].text, headline);
    assert.ok(pieces.every((piece) => piece.lang === "fr"), JSON.stringify(pieces.slice(0, 2)));
    const paragraphs = await widget.locator(".kq-body p").allInnerTexts();
    assert.ok(pieces.length >= paragraphs.length + 1);
    assert.ok(pieces.some((piece) => paragraphs[0].startsWith(piece.text)), "the first paragraph is said");
    // The block being read is highlighted and followed.
    await widget.locator("h1.kq-speaking").waitFor();
    await page.evaluate(() => window.__speech.finish());
    await widget.locator(".kq-body p").first().and(widget.locator(".kq-speaking")).waitFor();
    assert.equal(await widget.locator(".kq-speaking").count(), 1);

    const pause = widget.getByRole("button", { name: "Pause" });
    await pause.click();
    const resume = widget.getByRole("button", { name: "Reprendre" });
    await resume.waitFor();
    await resume.click();
    await widget.getByRole("button", { name: "Pause" }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__speech.calls.filter((call) => call !== "cancel")), ["pause", "resume"]);

    // Another article: the reading stops.
    const before = await page.evaluate(() => window.__speech.calls.length);
    await widget.locator(".kq-latest a").first().click();
    await page.waitForFunction((before) => window.__speech.calls.slice(before).includes("cancel"), before);
    await widget.getByRole("button", { name: /^Écouter \(\d+ min\)$/ }).waitFor();
    assert.equal(await widget.locator(".kq-speaking").count(), 0);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("stopping ends the reading and keeps focus on the listen button", async () => {
    const { page, context } = await open("/?lang=en", { init: [{ fn: SPEECH, arg: ["fr-CA"] }] });
    const widget = page.locator("[data-kiosque]");
    const listen = widget.getByRole("button", { name: /^Listen \(\d+ min\)$/ });
    await listen.waitFor();
    await listen.click();
    await widget.getByRole("button", { name: "Stop reading aloud" }).click();
    await widget.getByRole("button", { name: /^Listen/ }).waitFor();
    assert.equal(await widget.locator(".kq-speaking").count(), 0);
    assert.equal(await page.evaluate(() => document.querySelector("[data-kiosque]").shadowRoot.activeElement?.textContent), await listen.innerText());
    await context.close();
  });

  test("not offered without a voice for the article's language", async () => {
    const { page, context } = await open("/", { init: [{ fn: SPEECH, arg: ["en-US", "ar-SA"] }] });
    const widget = page.locator("[data-kiosque]");
    await widget.getByRole("button", { name: "Agrandir le texte" }).waitFor();
    assert.equal(await widget.getByRole("button", { name: /^Écouter/ }).count(), 0);
    await context.close();
  });
});

describe("publishers", () => {
  test("data-listen, data-text-size and data-data-saver turn each tool off", async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(SPEECH, ["fr-FR"]);
    await context.addInitScript(SAVE_DATA);
    const page = await context.newPage();
    const seen = watch(page);
    await page.route("**/tools-off.html", (route) => route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Outils</title>
        <script type="module" src="/kiosque.js"></script></head><body>
        <div id="none" data-kiosque="article" data-src="/data/feed.json" data-article="${WITH_IMAGE}"
          data-listen="false" data-text-size="false" data-data-saver="false"></div>
        <div id="only-size" data-kiosque="article" data-src="/data/feed.json" data-article="${OTHER}"
          data-listen="false" data-data-saver="false"></div></body></html>`,
    }));
    await page.goto(env.server.origin + "/tools-off.html");
    const none = page.locator("#none");
    await none.locator(".kq-figure img").waitFor();
    await page.locator("#only-size").getByRole("button", { name: "Agrandir le texte" }).waitFor();
    assert.equal(await none.locator(".kq-tools").count(), 0);
    assert.equal(await none.locator(".kq-image-hold").count(), 0, "the browser's setting does not apply where data saver is off");
    assert.equal(await page.locator("#only-size").locator(".kq-tool").count(), 2);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
});

describe("accessibility with each tool on", () => {
  test("axe finds nothing with data saver on and the article being read, in French, English and Arabic", async () => {
    const axe = await readFile(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
    for (const lang of ["fr", "en", "ar"]) {
      const { page, context } = await open(`/?lang=${lang}&kiosque=${WITH_IMAGE}`, { width: 390, height: 800, init: [{ fn: SAVE_DATA }, { fn: SPEECH, arg: ["fr-FR"] }] });
      const widget = page.locator("[data-kiosque]");
      await widget.locator(".kq-figure .kq-image-hold").waitFor();
      await widget.locator(".kq-listen button").first().click();
      await widget.locator(".kq-speaking").waitFor();
      await widget.locator(".kq-popular li").first().waitFor();
      await page.evaluate(axe);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      assert.deepEqual(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), [], lang);
      await context.close();
    }
  });
});
