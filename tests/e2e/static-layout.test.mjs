// The static layout for large sites (scripts/split-feed.mjs): the widget fetches a page of
// teasers, the article read and the most-read feed — and the next article file only when the
// reader opens it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT, launchBrowser, startServer, watch } from "./support.mjs";
import { splitFeed } from "../../scripts/split-feed.mjs";

let server;
let browser;
let layout;
let feed;

before(async () => {
  feed = JSON.parse(await readFile(path.join(ROOT, "data", "feed.json"), "utf8"));
  layout = await mkdtemp(path.join(os.tmpdir(), "kiosque-layout-"));
  // An id that must be percent-encoded in its URL, to check the file is still found.
  const accented = { ...feed.items.at(-1), id: "café crème", title: "Un article à l’identifiant accentué" };
  for (const [name, document] of splitFeed({ ...feed, items: [...feed.items, accented] }, { pageSize: 6, popular: 5 })) {
    await mkdir(path.dirname(path.join(layout, name)), { recursive: true });
    await writeFile(path.join(layout, name), JSON.stringify(document));
  }
  [server, browser] = await Promise.all([startServer({ mounts: { "/layout/": layout } }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(layout, { recursive: true, force: true });
});

const ADDRESS = "/host?src=/layout/feed.json&data-article-src=/layout/articles/{id}.json&data-popular-src=/layout/popular.json";
const layoutRequests = (seen) =>
  seen.requests.map((url) => decodeURIComponent(new URL(url).pathname)).filter((pathname) => pathname.startsWith("/layout/") && pathname.endsWith(".json"));

describe("static layout", () => {
  test("a page view fetches the listing's first page, the article and the most-read feed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    const bytes = {};
    page.on("response", async (response) => {
      const pathname = new URL(response.url()).pathname;
      if (pathname.startsWith("/layout/") && pathname.endsWith(".json")) bytes[pathname] = (await response.body().catch(() => "")).length;
    });
    await page.goto(server.origin + ADDRESS);
    await page.locator(".kq-popular ol > li").first().waitFor();
    const seed = feed.items[0];
    assert.equal(await page.locator("h1").textContent(), seed.title);
    assert.equal(await page.locator(".kq-body p").count(), 7, "the full article came from its own file");
    assert.deepEqual(layoutRequests(seen).sort(), [
      "/layout/articles/" + seed.id + ".json",
      "/layout/feed.json",
      "/layout/popular.json",
    ]);
    assert.equal(await page.locator(".kq-popular ol > li").count(), 5);
    assert.equal(await page.locator(".kq-more ul > li").count(), 5, "six teasers on the first page, less the article read");
    const total = Object.values(bytes).reduce((a, b) => a + b, 0);
    console.log(`static layout, bytes of data for one page view: ${total} (${JSON.stringify(bytes)})`);

    // Opening another article fetches its file alone; more news fetches page 2 when asked.
    const next = await page.locator(".kq-more ul h3 a").first().textContent();
    await page.evaluate(() => {
      // Records every error box the widget shows, however briefly.
      window.__alerts = 0;
      const root = document.querySelector("[data-kiosque]").shadowRoot;
      new MutationObserver(() => { if (root.querySelector("[role=alert]")) window.__alerts += 1; })
        .observe(root, { childList: true, subtree: true });
    });
    await page.locator(".kq-more ul h3 a").first().click();
    await page.locator("h1", { hasText: next }).waitFor();
    await page.locator(".kq-body p").first().waitFor();
    assert.equal(await page.evaluate(() => window.__alerts), 0, "no flash of 'not found' while the article loads");
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.tagName), "H1");
    assert.equal(layoutRequests(seen).filter((p) => p.startsWith("/layout/articles/")).length, 2);
    await page.getByRole("button", { name: "Plus d’articles" }).click();
    await page.locator(".kq-more ul > li").nth(5).waitFor();
    assert.ok(layoutRequests(seen).includes("/layout/page-2.json"));
    assert.equal(layoutRequests(seen).filter((p) => p === "/layout/feed.json").length, 1, "the listing is fetched once");
    await context.close();
  });

  test("an article whose id needs encoding is found by its deep link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.origin + ADDRESS + "&kiosque=" + encodeURIComponent("café crème"));
    await page.locator("h1", { hasText: "Un article à l’identifiant accentué" }).waitFor();
    assert.ok(layoutRequests(seen).includes("/layout/articles/café crème.json"));
    await context.close();
  });
});
