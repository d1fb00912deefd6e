// The embed page (web/embed.html): a publisher's page with an aggressive theme and several
// widgets. Each part starts, the widgets share their fetches, fail independently, and neither
// side's styles or state leak into the other.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();

async function open(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(env.server.origin + "/embed.html");
  return { page, seen, context };
}

/// Waits until every widget of the embed page has shown its content or its error.
async function allStarted(page) {
  await page.locator("#article h1").waitFor();
  await page.locator("#popular ol > li").first().waitFor();
  await page.locator("#more-ar ul > li").first().waitFor();
  await page.locator("#broken [role=alert]").waitFor();
  await page.locator("#share .kq-share a").first().waitFor();
}

/// What a host page is made of, outside the widgets.
const hostState = (page) =>
  page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.getAttribute("lang"),
    dir: document.documentElement.getAttribute("dir"),
    head: document.head.innerHTML,
    cookie: document.cookie,
    storage: localStorage.length + sessionStorage.length,
    scroll: [window.scrollX, window.scrollY],
  }));

describe("the embed page", () => {
  test("every part starts in its own shadow root, with one request per feed", async () => {
    const { page, seen, context } = await open();
    await allStarted(page);
    for (const id of ["share", "article", "more-ar", "broken", "popular"]) {
      assert.ok(await page.evaluate((id) => !!document.getElementById(id).shadowRoot, id), `#${id} has a shadow root`);
    }
    assert.equal(await page.locator("#popular ol > li").count(), 3);
    assert.equal(await page.locator("#more-ar ul > li").count(), 3);
    assert.equal(await page.locator("#article .kq-more ul > li").count(), 3);
    assert.equal(seen.requests.filter((url) => url.endsWith("/data/feed.json")).length, 1, "four widgets, one fetch");
    assert.ok(seen.requests.every((url) => url.startsWith(env.server.origin)), "nothing requested from a third party");
    // The share bar alone shares the page it is on.
    const whatsapp = await page.locator("#share a.kq-net-whatsapp").getAttribute("href");
    assert.ok(decodeURIComponent(whatsapp).includes(`${env.server.origin}/embed.html`), whatsapp);
    assert.deepEqual(
      seen.errors.filter((error) => !error.includes("absent.json") && !error.includes("404")),
      [],
    );
    await context.close();
  });

  test("the host page keeps its title, head, language, cookies, storage and scroll", async () => {
    const still = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const plain = await still.newPage();
    await plain.goto(env.server.origin + "/embed.html");
    const before = await hostState(plain);
    await still.close();

    const { page, context } = await open();
    await allStarted(page);
    await page.locator("#popular").getByRole("button", { name: "7 jours" }).click();
    const afterwards = await hostState(page);
    assert.deepEqual(afterwards, before);
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });

  test("the host's aggressive CSS stays out, and the widget's stays in", async () => {
    const { page, context } = await open();
    await allStarted(page);
    const style = (selector, property) =>
      page.locator(selector).first().evaluate((element, property) => getComputedStyle(element)[property], property);
    // Inside: the widget's own look, whatever the host's !important rules say.
    assert.equal(await style("#popular .kq-teaser-link", "textTransform"), "none");
    assert.doesNotMatch(await style("#popular h2", "fontFamily"), /Georgia/);
    assert.equal(await style("#popular .kq-teaser", "borderTopStyle"), "none");
    assert.equal(await style("#popular .kq", "fontSize"), "16px", "a 62.5% root font does not shrink the widget");
    assert.equal(await style("#popular .kq-thumb", "width"), "80px", "nor its spacing and pictures");
    // The article widget is narrower than 960 px here: one column, whatever the host's rem.
    const columns = await style("#article .kq-page", "gridTemplateColumns");
    assert.equal(columns.split(" ").length, 1, columns);
    // Outside: the host's elements that share a widget's class names keep the host's style.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("body > .columns h1.kq-headline")).fontSize), "40px");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("nav a.kq-section")).fontWeight), "900");
    await context.close();
  });

  test("theming: custom properties and a forced dark theme", async () => {
    const { page, context } = await open({ colorScheme: "light" });
    await allStarted(page);
    const style = (selector, property) =>
      page.locator(selector).first().evaluate((element, property) => getComputedStyle(element)[property], property);
    assert.equal(await style("#article .kq-list-heading", "borderTopColor"), "rgb(11, 92, 173)", "--kiosque-accent");
    assert.match(await style("#article h1", "fontFamily"), /Georgia/, "--kiosque-font-headline");
    assert.equal(await style("#popular .kq", "backgroundColor"), "rgb(22, 22, 21)", "data-theme=dark on a light system");
    assert.equal(await style("#article .kq", "backgroundColor"), "rgb(255, 255, 255)");
    await context.close();
  });

  test("the Arabic interface is laid out right to left", async () => {
    const { page, context } = await open();
    await allStarted(page);
    const root = page.locator("#more-ar .kq");
    assert.equal(await root.getAttribute("lang"), "ar");
    assert.equal(await root.getAttribute("dir"), "rtl");
    assert.equal(await page.locator("#more-ar h2").textContent(), "المزيد من الأخبار");
    assert.equal(await root.evaluate((element) => getComputedStyle(element).direction), "rtl");
    // Right to left: the thumbnail sits at the right of its title.
    const thumb = await page.locator("#more-ar .kq-thumb").first().boundingBox();
    const title = await page.locator("#more-ar .kq-teaser-title").first().boundingBox();
    assert.ok(thumb.x > title.x, `thumbnail ${thumb.x} should be right of title ${title.x}`);
    await context.close();
  });

  test("one failing widget leaves the others working", async () => {
    const { page, context } = await open();
    await allStarted(page);
    assert.match(await page.locator("#broken [role=alert]").textContent(), /HTTP 404/);
    await page.locator("#broken [role=alert] button").click();
    await page.locator("#broken [role=alert]").waitFor();
    // The others still answer.
    await page.locator("#popular").getByRole("button", { name: "7 jours" }).click();
    await page.locator("#popular [aria-pressed=true]", { hasText: "7 jours" }).waitFor();
    await context.close();
  });

  test("a widget added after load starts, and the list beside leads into the article widget", async () => {
    const { page, context } = await open();
    await allStarted(page);
    await page.getByRole("button", { name: /Ajouter un widget/ }).click();
    await page.locator(".added-later h2").waitFor();
    assert.equal(await page.locator(".added-later h2").textContent(), "More news");
    assert.equal(await page.locator(".added-later ul > li").count(), 2);

    // A host taken out of the page and put back gets a working widget again.
    await page.evaluate(() => {
      const host = document.getElementById("popular");
      const parent = host.parentElement;
      host.remove();
      return new Promise((resolve) => setTimeout(() => { parent.append(host); resolve(); }, 50));
    });
    await page.locator("#popular ol > li").first().waitFor();

    const title = await page.locator("#popular ol h3 a").first().textContent();
    await page.locator("#popular ol h3 a").first().click();
    await page.locator("#article h1", { hasText: title }).waitFor();
    assert.ok(new URL(page.url()).searchParams.get("kiosque"));
    await context.close();
  });

  test("the host's own links keep their behaviour", async () => {
    const { page, context } = await open();
    await allStarted(page);
    await page.locator("nav a[href='#edition']").click();
    assert.equal(new URL(page.url()).hash, "#edition");
    assert.equal(new URL(page.url()).searchParams.get("kiosque"), null);
    await context.close();
  });

  test("without the WebAssembly, the publisher's fallback links stay", async () => {
    const context = await env.browser.newContext();
    await context.route("**/*.wasm", (route) => route.abort());
    const page = await context.newPage();
    await page.goto(env.server.origin + "/embed.html");
    await page.waitForTimeout(500);
    for (const id of ["share", "article", "popular"]) {
      assert.ok(await page.locator(`#${id} > p > a`).isVisible(), `#${id} fallback visible`);
    }
    await context.close();
  });
});
