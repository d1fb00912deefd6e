// A WordPress site (the adapter's fixtures behind a fake REST API): the widget finds the API
// from the site's address, reads posts and WP Popular Posts, pages with X-WP-TotalPages, opens
// deep links by slug, and copes with a site without the popular-posts plugin.
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

  test("without WP Popular Posts, the most-read list falls back and says so", async () => {
    const { page, seen, context } = await open("/host?src=/wp-nopop/&data-format=wordpress");
    await page.locator(".kq-popular ol > li").first().waitFor();
    assert.equal(await page.locator(".kq-popular .kq-note").textContent(), "Pas encore de classement\u00a0: voici les derniers articles.");
    assert.equal(await page.locator("[role=alert]").count(), 0);
    assert.ok(wpRequests(seen).some((url) => url.pathname.endsWith("/popular-posts")));
    await context.close();
  });
});
