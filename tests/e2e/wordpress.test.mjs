// A WordPress site (the adapter's fixtures behind a fake REST API): the widget finds the API
// from the site's address, reads posts and WP Popular Posts, pages with X-WP-TotalPages, opens
// deep links by slug, and asks the REST index once whether the site has the popular-posts
// plugin before asking for its route.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();

async function open(address) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(env.server.origin + address);
  return { page, seen, context };
}

const wpRequests = (seen) => seen.requests.filter((url) => url.includes("/wp-json/")).map((url) => new URL(url));

describe("WordPress", () => {
  test("the site's latest post, its lists, and paging through X-WP-TotalPages", async () => {
    const { page, seen, context } = await open("/host?src=/wp/&data-format=wordpress&data-more-length=2");
    await page.locator("h1").waitFor();
    const headline = await page.locator("h1").textContent();
    assert.match(headline, /^Mali\u00a0: L’armée – «\u00a0offensive/, "entities decoded");
    assert.doesNotMatch(await page.locator(".kq").first().innerText(), /&#|&amp;|&nbsp;|&laquo;/);
    // Most read from WP Popular Posts, the post being read left out.
    await page.locator(".kq-popular ol > li").first().waitFor();
    assert.match((await page.locator(".kq-popular ol h3").allTextContents())[0], /^Le franc CFA & la BCEAO/);
    // The listing's second page is fetched when the reader asks.
    const before = wpRequests(seen).filter((url) => url.pathname.endsWith("/wp/v2/posts")).length;
    await page.getByRole("button", { name: "Plus d’articles" }).click();
    await page.locator(".kq-more ul > li").nth(2).waitFor();
    const pages = wpRequests(seen).filter((url) => url.searchParams.get("page") === "2");
    assert.equal(pages.length, 1);
    assert.equal(wpRequests(seen).filter((url) => url.pathname.endsWith("/wp/v2/posts")).length, before + 1);
    // The fixtures' images live on the publisher's (unresolvable) domain: only those may fail.
    assert.deepEqual(seen.errors.filter((error) => !error.includes("ERR_NAME_NOT_RESOLVED")), []);
    await context.close();
  });

  test("a deep link fetches the post by its slug", async () => {
    const slug = "nuku-hiva-le-festival-des-arts-des-marquises-souvre";
    const { page, seen, context } = await open(`/host?src=/wp/&data-format=wordpress&kiosque=${slug}`);
    await page.locator("h1", { hasText: "Nuku Hiva" }).waitFor();
    const bySlug = wpRequests(seen).filter((url) => url.searchParams.get("slug") === slug);
    assert.equal(bySlug.length, 1);
    // The permalink is what the share bar shares.
    const whatsapp = decodeURIComponent(await page.locator("a.kq-net-whatsapp").getAttribute("href"));
    assert.match(whatsapp, /https?:\/\/[^ ]+nuku-hiva/);
    await context.close();
  });

  test("an unknown slug says so, with the slug", async () => {
    const { page, context } = await open("/host?src=/wp/&data-format=wordpress&data-lang=en&kiosque=no-such-post");
    const alert = page.locator("[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /The article “no-such-post” cannot be found/);
    await context.close();
  });

  test("without WP Popular Posts, the route is never asked for and the list falls back, saying so", async () => {
    const { page, seen, context } = await open("/host?src=/wp-nopop/&data-format=wordpress");
    await page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(await page.locator(".kq-popular .kq-note").textContent(), "Pas encore de classement\u00a0: voici les derniers articles.");
    assert.equal(await page.locator("[role=alert]").count(), 0);
    assert.deepEqual(wpRequests(seen).filter((url) => url.pathname.endsWith("/popular-posts")), []);
    // The REST index said so, asked for its namespaces alone.
    const index = wpRequests(seen).filter((url) => url.pathname === "/wp-nopop/wp-json/");
    assert.deepEqual(index.map((url) => url.search), ["?_fields=namespaces"]);
    assert.deepEqual(seen.errors.filter((error) => !error.includes("ERR_NAME_NOT_RESOLVED")), []);
    // A widget added later on the same page asks nobody again: the answer is the page's.
    await page.evaluate(() => {
      const widget = Object.assign(document.createElement("div"), { id: "later" });
      widget.dataset.kiosque = "popular";
      widget.dataset.src = "/wp-nopop/";
      widget.dataset.format = "wordpress";
      document.body.append(widget);
    });
    await page.locator("#later .kq-popular ol > li").first().waitFor();
    assert.equal(wpRequests(seen).filter((url) => url.pathname === "/wp-nopop/wp-json/").length, 1);
    assert.deepEqual(wpRequests(seen).filter((url) => url.pathname.endsWith("/popular-posts")), []);
    await context.close();
  });

  test("with WP Popular Posts, the index is asked once and the route then", async () => {
    const { page, seen, context } = await open("/host?src=/wp/&data-format=wordpress");
    await page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(await page.locator(".kq-popular .kq-note").count(), 0, "a real ranking, no fallback note");
    assert.equal(wpRequests(seen).filter((url) => url.pathname === "/wp/wp-json/").length, 1);
    assert.equal(wpRequests(seen).filter((url) => url.pathname.endsWith("/popular-posts")).length, 1);
    await context.close();
  });

  test("data-popular-plugin says it outright: no index is asked for", async () => {
    const wpp = await open("/host?src=/wp/&data-format=wordpress&data-popular-plugin=wpp");
    await wpp.page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(await wpp.page.locator(".kq-popular .kq-note").count(), 0);
    assert.equal(wpRequests(wpp.seen).filter((url) => url.pathname.endsWith("/popular-posts")).length, 1);
    assert.equal(wpRequests(wpp.seen).filter((url) => url.pathname === "/wp/wp-json/").length, 0);
    await wpp.context.close();

    // Even on a site that has it: the publisher knows best.
    const none = await open("/host?src=/wp/&data-format=wordpress&data-popular-plugin=none");
    await none.page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(await none.page.locator(".kq-popular .kq-note").textContent(), "Pas encore de classement\u00a0: voici les derniers articles.");
    assert.deepEqual(wpRequests(none.seen).filter((url) => url.pathname === "/wp/wp-json/" || url.pathname.endsWith("/popular-posts")), []);
    await none.context.close();
  });

  test("a bad data-popular-plugin is named, in the widget's language, and the site is asked", async () => {
    const { page, seen, context } = await open("/host?src=/wp-nopop/&data-format=wordpress&data-lang=en&data-popular-plugin=jetpack");
    await page.getByText("Invalid value for data-popular-plugin: accepted values are auto, wpp, none.").waitFor();
    await page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(wpRequests(seen).filter((url) => url.pathname === "/wp-nopop/wp-json/").length, 1);
    assert.deepEqual(wpRequests(seen).filter((url) => url.pathname.endsWith("/popular-posts")), []);
    await context.close();
  });
});
