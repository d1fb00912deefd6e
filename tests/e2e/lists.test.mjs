// "Articles populaires" and "Plus d'actualités" as a reader uses them: reading through
// several articles from both lists, back and forward, deep links, paging, the range selector.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import util from "node:util";
import path from "node:path";
import { ROOT, launchBrowser, startServer, watch } from "./support.mjs";

let server;
let browser;
let feed;

before(async () => {
  [server, browser, feed] = await Promise.all([
    startServer(),
    launchBrowser(),
    readFile(path.join(ROOT, "data", "feed.json"), "utf8").then(JSON.parse),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The oracle: what the lists must hold for the demo feed, written independently of the Rust.
const count = (value) => (value === undefined ? 0 : Number(String(value).replace(/\s/g, "")) || 0);
const newestFirst = (a, b) =>
  Date.parse(b.date_published) - Date.parse(a.date_published) || (a.id < b.id ? -1 : 1);

function expectedPopular(currentId, range = "24h") {
  return feed.items
    .filter((item) => item.id !== currentId && count(item._kiosque?.views?.[range]) > 0)
    .sort((a, b) => count(b._kiosque.views[range]) - count(a._kiosque.views[range]) || newestFirst(a, b))
    .slice(0, 5)
    .map((item) => item.title);
}

function expectedMore(currentId, length = 6) {
  return feed.items
    .filter((item) => item.id !== currentId)
    .sort(newestFirst)
    .slice(0, length)
    .map((item) => item.title);
}

const titleOf = (id) => feed.items.find((item) => item.id === id).title;
const idOf = (title) => feed.items.find((item) => item.title === title).id;

async function open(address, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.origin + address);
  await page.locator("h1").first().waitFor();
  return { page, seen, context };
}

const popularTitles = (page) => page.locator(".kq-popular ol h3").allTextContents();
const moreTitles = (page) => page.locator(".kq-more ul h3").allTextContents();

/// Waits until `read()` gives `expected` (the lists render a frame after the article, and their
/// code may still be on its way), then asserts it: a busy machine only makes it take longer.
async function eventually(read, expected, message) {
  const deadline = Date.now() + 15_000;
  let actual = await read();
  while (!util.isDeepStrictEqual(actual, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  assert.deepEqual(actual, expected, message);
}

/// Asserts the page shows the article `id` with the lists that go with it.
async function assertShowing(page, id) {
  await page.locator("h1", { hasText: titleOf(id) }).waitFor();
  assert.equal(await page.locator("h1").textContent(), titleOf(id));
  await eventually(() => popularTitles(page), expectedPopular(id), "most read");
  await eventually(() => moreTitles(page), expectedMore(id), "latest");
  const shown = new URL(page.url()).searchParams.get("kiosque");
  if (shown !== null) assert.equal(shown, id);
}

describe("lists and navigation", () => {
  test("a reader goes through three articles from both lists, back twice, and reloads", async () => {
    const { page, seen, context } = await open("/");
    const seedId = feed.items[0].id;
    await assertShowing(page, seedId);
    assert.equal(await page.locator(".kq-popular h2").textContent(), "Articles populaires");
    assert.equal(await page.locator(".kq-more h2").textContent(), "Plus d’actualités");
    assert.deepEqual(await page.locator(".kq-popular .kq-rank").allTextContents(), ["1", "2", "3", "4", "5"]);

    // 1: the most read article.
    const first = idOf((await popularTitles(page))[0]);
    await page.locator(".kq-popular ol h3 a").first().click();
    await assertShowing(page, first);
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.tagName), "H1");
    assert.match(await page.locator(".kq > [role=status]").textContent(), /^Article affiché/);

    // 2: the second latest article.
    const second = idOf((await moreTitles(page))[1]);
    await page.locator(".kq-more ul h3 a").nth(1).click();
    await assertShowing(page, second);

    // 3: the third most read.
    const third = idOf((await popularTitles(page))[2]);
    await page.locator(".kq-popular ol h3 a").nth(2).click();
    await assertShowing(page, third);

    await page.goBack();
    await assertShowing(page, second);
    await page.goBack();
    await assertShowing(page, first);
    await page.goForward();
    await assertShowing(page, second);

    // The address is a deep link: reloading shows the same article.
    await page.reload();
    await page.locator("h1").waitFor();
    await assertShowing(page, second);
    assert.deepEqual(seen.errors, []);
    assert.ok(seen.requests.every((url) => url.startsWith(server.origin)), "nothing leaves the site");
    await context.close();
  });

  test("a deep link opens the article it names, in English too", async () => {
    const id = "bamako-ecole-de-code-developpeuses";
    const { page, context } = await open(`/?lang=en&kiosque=${id}`);
    await assertShowing(page, id);
    assert.equal(await page.locator(".kq-popular h2").textContent(), "Most read");
    assert.equal(await page.locator(".kq-more h2").textContent(), "More news");
    await context.close();
  });

  test("a link opened in a new tab is a working deep link", async () => {
    const { page, context } = await open("/");
    const href = await page.locator(".kq-more ul h3 a").first().getAttribute("href");
    const target = new URL(href).searchParams.get("kiosque");
    const tab = await context.newPage();
    await tab.goto(href);
    await assertShowing(tab, target);
    // A modified click is left to the browser: the widget does not take it over.
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      page.locator(".kq-more ul h3 a").first().click({ modifiers: ["Shift"] }),
    ]);
    await popup.waitForLoadState();
    assert.equal(new URL(popup.url()).searchParams.get("kiosque"), target);
    assert.equal(await page.locator("h1").textContent(), titleOf(feed.items[0].id), "the first tab did not move");
    await context.close();
  });

  test("the range selector works by keyboard and says how the list is ranked", async () => {
    const { page, context } = await open("/");
    // The demo's counts date from February: labelled, not passed off as current.
    assert.equal(await page.locator(".kq-popular .kq-note").first().textContent(), "Classement du 2 février 2026");
    const week = page.getByRole("button", { name: "7 jours" });
    assert.equal(await week.getAttribute("aria-pressed"), "false");
    await week.focus();
    await page.keyboard.press("Enter");
    await page.locator(".kq-popular [aria-pressed=true]", { hasText: "7 jours" }).waitFor();
    await eventually(() => popularTitles(page), expectedPopular(feed.items[0].id, "7d"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.locator(".kq-popular [aria-pressed=true]", { hasText: "30 jours" }).waitFor();
    await eventually(() => popularTitles(page), expectedPopular(feed.items[0].id, "30d"));
    await context.close();
  });

  test("more news loads a page at a time, then stops", async () => {
    const { page, context } = await open("/");
    const more = page.getByRole("button", { name: "Plus d’articles" });
    await more.click();
    await page.locator(".kq-more ul > li").nth(11).waitFor();
    assert.deepEqual(await moreTitles(page), expectedMore(feed.items[0].id, 12));
    await more.click();
    await page.locator(".kq-more ul > li").nth(feed.items.length - 2).waitFor();
    assert.equal(await more.count(), 0, "no button once everything is shown");
    await context.close();
  });

  test("back returns the reader where they were, with as many articles as they had loaded", async () => {
    const { page, context } = await open("/");
    const seedId = feed.items[0].id;
    await assertShowing(page, seedId);
    await page.getByRole("button", { name: "Plus d’articles" }).click();
    await page.locator(".kq-more ul > li").nth(11).waitFor();
    const item = page.locator(".kq-more ul h3 a").nth(10);
    const target = idOf(await item.textContent());
    await item.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 1000, `the list is far down the page (${scrolled} px)`);
    await item.click();
    await assertShowing(page, target);
    await page.goBack();
    await page.locator("h1", { hasText: titleOf(seedId) }).waitFor();
    await eventually(() => moreTitles(page), expectedMore(seedId, 12), "the 12 articles are there again");
    await eventually(async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrolled) <= 2, true, "scrolled back");
    await context.close();
  });

  test("a deep link to an article on a later page of a paged feed finds it", async () => {
    const { page, seen, context } = await open("/host?src=/fixtures/paged/page-1.json&data-more-length=3&kiosque=p6");
    await page.locator("h1", { hasText: "Article paginé 6" }).waitFor();
    assert.equal(await page.locator("[role=alert]").count(), 0);
    assert.equal(seen.requests.filter((url) => url.endsWith("page-2.json")).length, 1);
    await context.close();
  });

  test("a second article widget changes articles in place, leaving the address to the first", async () => {
    const { page, context } = await open("/fixtures/two-articles.html");
    const second = page.locator("#second");
    await second.locator("h1").waitFor();
    const firstTitle = await page.locator("#first h1").textContent();
    const link = second.locator(".kq-more ul h3 a").first();
    const title = await link.textContent();
    await link.click();
    await second.locator("h1", { hasText: title }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get("kiosque"), null, "the address is the first widget's");
    assert.equal(await page.locator("#first h1").textContent(), firstTitle, "the first widget did not move");
    await context.close();
  });

  test("a paged source fetches its next page only when asked", async () => {
    const { page, seen, context } = await open("/host?src=/fixtures/paged/page-1.json&data-more-length=3");
    await eventually(() => moreTitles(page), ["Article paginé 2", "Article paginé 3", "Article paginé 4"]);
    assert.ok(!seen.requests.some((url) => url.endsWith("page-2.json")), "not fetched before it is needed");
    await page.getByRole("button", { name: "Plus d’articles" }).click();
    await page.locator(".kq-more ul > li").nth(5).waitFor();
    assert.deepEqual(await moreTitles(page), [2, 3, 4, 5, 6, 7].map((n) => `Article paginé ${n}`),
      "the repeated article is listed once");
    assert.equal(seen.requests.filter((url) => url.endsWith("page-2.json")).length, 1);
    assert.match(await page.locator(".kq > [role=status]").textContent(), /^3 articles ajoutés$/);
    assert.equal(await page.getByRole("button", { name: "Plus d’articles" }).count(), 0);
    // The button is gone: focus went to the first article added.
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.textContent), "Article paginé 5");
    // An article from the second page opens like any other.
    await page.locator(".kq-more ul h3 a", { hasText: "Article paginé 6" }).click();
    await page.locator("h1", { hasText: "Article paginé 6" }).waitFor();
    assert.equal(await page.locator("[role=alert]").count(), 0);
    await context.close();
  });
});
