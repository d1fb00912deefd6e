// The article page as a reader sees it: the seed article, in French and in English, its
// layout, its loading state, and its errors.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, seedPage, startServer, watch } from "./support.mjs";

let server;
let browser;
let seed;

before(async () => {
  [server, browser, seed] = await Promise.all([startServer(), launchBrowser(), seedPage()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/// A page in a reader's time zone far from the publisher's: the date shown must still be the
/// publisher's (11:42 UTC on 2 February is already 3 February in Kiritimati, UTC+14).
async function open(path, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({
    timezoneId: "Pacific/Kiritimati",
    viewport: { width, height },
  });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.origin + path);
  return { page, seen, context };
}

describe("the seed article", () => {
  test("shows in French with its date line, headline, seven paragraphs and call to action", async () => {
    const { page, seen, context } = await open("/");
    const article = page.locator("article");
    await article.locator("h1").waitFor();
    assert.equal(await article.locator("h1").textContent(), seed.headline);
    assert.equal(await article.locator("time").textContent(), seed.dateLine);
    assert.equal(await article.locator("time").getAttribute("datetime"), "2026-02-02T11:42:00+00:00");
    assert.ok(await article.locator("time").isVisible());
    const paragraphs = await article.locator(".kq-body p").allTextContents();
    assert.deepEqual(paragraphs, seed.paragraphs);
    for (const paragraph of await article.locator(".kq-body p").all()) {
      assert.ok(await paragraph.isVisible());
    }
    assert.equal(await page.locator(".kq-byline").first().innerText().then((t) => t.split("\n")[0]), "Par Nasuba Infos");
    assert.match(await page.locator(".kq-reading-time").textContent(), /^\d+ min de lecture$/);

    const follow = page.getByRole("link", { name: /Suivez-nous sur Nasuba Infos/ });
    assert.ok(await follow.isVisible());
    assert.equal(await follow.locator("span").first().textContent(), seed.follow);
    assert.match(await follow.getAttribute("target"), /_blank/);
    assert.ok(await page.getByRole("link", { name: `${seed.follow} (s’ouvre dans une nouvelle fenêtre)` }).isVisible(),
      "the accessible name warns that a new window opens");
    assert.match(await follow.getAttribute("href"), /^https:\/\/whatsapp\.com\/channel\//);
    assert.equal(await follow.getAttribute("rel"), "noopener noreferrer");

    assert.equal(await page.locator(".kq").getAttribute("lang"), "fr");
    assert.deepEqual(seen.errors, [], "no console errors");
    const foreign = seen.requests.filter((url) => !url.startsWith(server.origin));
    assert.deepEqual(foreign, [], "no request leaves 127.0.0.1");
    await context.close();
  });

  test("speaks English when the page asks for it", async () => {
    const { page, seen, context } = await open("/?lang=en");
    await page.locator("article h1").waitFor();
    assert.equal(await page.locator("article time").textContent(), "Monday 2 February 2026");
    assert.equal(await page.locator("article h1").textContent(), seed.headline, "content is not translated");
    assert.match(await page.locator(".kq-byline").innerText(), /^By Nasuba Infos/);
    assert.match(await page.locator(".kq-reading-time").textContent(), /^\d+ min read$/);
    assert.equal(await page.locator(".kq").getAttribute("lang"), "en");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr", "the host's lang is untouched");
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("puts the sidebar beside the article on wide screens and after it on phones", async () => {
    const wide = await open("/", { width: 1280 });
    await wide.page.locator("article h1").waitFor();
    const main = await wide.page.locator(".kq-main").boundingBox();
    const side = await wide.page.locator(".kq-sidebar").boundingBox();
    assert.ok(side.x >= main.x + main.width, `sidebar beside: ${JSON.stringify({ main, side })}`);
    await wide.context.close();

    const phone = await open("/", { width: 390, height: 844 });
    await phone.page.locator("article h1").waitFor();
    const phoneMain = await phone.page.locator(".kq-main").boundingBox();
    const phoneSide = await phone.page.locator(".kq-sidebar").boundingBox();
    assert.ok(phoneSide.y >= phoneMain.y + phoneMain.height, "sidebar after the article");
    const scrollWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `no horizontal scroll on a phone (${scrollWidth}px)`);
    await phone.context.close();
  });
});

describe("loading and errors", () => {
  test("a placeholder and a status message show while the feed is on its way", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/data/feed.json", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.origin + "/host");
    await page.locator(".kq-loading").waitFor();
    assert.equal(await page.getByRole("status").textContent(), "Chargement de l’article…");
    release();
    await page.locator("article h1").waitFor();
    assert.equal(await page.locator(".kq-loading").count(), 0);
    await context.close();
  });

  test("broken JSON shows a clear error, the publisher's link and a retry button; the position goes to the publisher", async () => {
    const { page, context } = await open("/host?src=/fixtures/broken.json");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /Impossible d’afficher l’article/);
    assert.match(await alert.textContent(), /Les données reçues sont mal formées ou incomplètes\./);
    assert.doesNotMatch(await alert.textContent(), /ligne|colonne/);
    assert.match(await alert.getAttribute("data-error-detail"), /^JSON syntax error at line \d+, column \d+$/);
    // The publisher's own link to the article (the host element's content) is still there.
    const fallback = page.getByRole("link", { name: "Mali : l’armée malienne lance une offensive militaire contre l’État islamique" });
    assert.ok(await fallback.isVisible());
    // Trying again keeps focus on the retry button when it fails again, not on the page.
    await page.getByRole("button", { name: "Réessayer" }).click();
    await page.waitForFunction(() => document.querySelector("[data-kiosque]").shadowRoot.activeElement?.textContent === "Réessayer");
    await context.close();
  });

  test("a missing feed shows the HTTP error, in English too", async () => {
    const { page, context } = await open("/host?src=/fixtures/missing.json&lang=en");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /The article cannot be shown/);
    assert.match(await alert.textContent(), /HTTP 404/);
    assert.ok(await page.getByRole("button", { name: "Try again" }).isVisible());
    await context.close();
  });

  test("a page where JSON was expected is named as such", async () => {
    const { page, context } = await open("/host?src=/index.html");
    await page.getByRole("alert").waitFor();
    assert.match(await page.getByRole("alert").textContent(), /une page au lieu de données JSON/);
    await context.close();
  });

  test("retry loads the article once the server recovers", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let failures = 1;
    await page.route("**/data/feed.json", (route) =>
      failures-- > 0 ? route.fulfill({ status: 503, body: "busy" }) : route.continue(),
    );
    await page.goto(server.origin + "/host");
    await page.getByRole("alert").waitFor();
    assert.match(await page.getByRole("alert").textContent(), /HTTP 503/);
    await page.getByRole("button", { name: "Réessayer" }).click();
    await page.locator("article h1").waitFor();
    assert.equal(await page.getByRole("alert").count(), 0);
    await context.close();
  });
});

describe("layout stability", () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`nothing moves while the demo loads at ${viewport.width}px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(server.origin + "/");
      await page.locator(".kq-popular ol > li").first().waitFor();
      // The reading tools arrive after the article, into the space kept for them.
      await page.locator(".kq-tools[role=group]").waitFor();
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.__shift), 0);
      await context.close();
    });
  }
});

describe("print", () => {
  test("prints the article alone, black on white", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + "/");
    await page.locator(".kq-popular ol > li").first().waitFor();
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator("article h1").isVisible());
    for (const selector of [".kq-share", ".kq-popular", ".kq-more"]) {
      assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
    }
    const color = await page.locator("article h1").evaluate((h1) => getComputedStyle(h1).color);
    assert.equal(color, "rgb(0, 0, 0)");
    await context.close();
  });
});
