// The embed page (web/embed.html) in every engine: a publisher's page with an aggressive
// stylesheet and five widgets. Each starts in its own shadow root, they share one request per
// feed, the broken one fails alone, and neither side's styles or state reach the other.
import { test } from "node:test";
import assert from "node:assert/strict";
import { acrossEngines } from "../engines.mjs";

/// Waits until every widget of the embed page has shown its content or its error.
async function allStarted(page) {
  await page.waitForSelector("#article >>> h1");
  await page.waitForSelector("#popular >>> ol > li");
  await page.waitForSelector("#more-ar >>> ul > li");
  await page.waitForSelector("#broken >>> [role=alert]");
  await page.waitForSelector("#share >>> .kq-share a");
}

/// What the host page is made of outside the widgets, and the same as its HTML says it.
function hostState() {
  return fetch(location.href, { cache: "no-store" })
    .then((response) => response.text())
    .then((html) => {
      const served = new DOMParser().parseFromString(html, "text/html");
      return {
        now: {
          title: document.title,
          lang: document.documentElement.getAttribute("lang"),
          dir: document.documentElement.getAttribute("dir"),
          head: document.head.innerHTML,
          cookie: document.cookie,
          storage: localStorage.length + sessionStorage.length,
          scroll: [scrollX, scrollY],
        },
        served: {
          title: served.title,
          lang: served.documentElement.getAttribute("lang"),
          dir: served.documentElement.getAttribute("dir"),
          head: served.head.innerHTML,
        },
      };
    });
}

/// A computed style of the first element matching a (shadow-piercing) selector.
const style = (page, selector, property) =>
  page.evaluate((selector, property) => getComputedStyle($(selector))[property], selector, property);

/// The expected errors of the embed page: the broken widget's missing feed, only.
const unexpected = (errors) => errors.filter((error) => !/absent\.json|404/.test(error));

acrossEngines("the embed page", (env) => {
  const { engine, withPage } = env;
  test(`every part starts in its own shadow root, with one request per feed, in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      for (const id of ["share", "article", "more-ar", "broken", "popular"]) {
        assert.ok(await page.evaluate((id) => !!document.getElementById(id).shadowRoot, id), `#${id} has a shadow root`);
      }
      assert.equal(await page.count("#popular >>> ol > li"), 3);
      assert.equal(await page.count("#more-ar >>> ul > li"), 3);
      assert.equal(await page.count("#article >>> .kq-more ul > li"), 3);
      const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
      assert.equal(resources.filter((url) => url.endsWith("/data/feed.json")).length, 1, "four widgets, one fetch");
      assert.deepEqual(resources.filter((url) => !url.startsWith(env.origin)), [], "nothing requested from a third party");
      // The share bar alone shares the page it is on.
      const whatsapp = await page.attribute("#share >>> a.kq-net-whatsapp", "href");
      assert.ok(decodeURIComponent(whatsapp).includes(`${env.origin}/embed.html`), whatsapp);
      assert.deepEqual(unexpected(await page.errors()), []);
    });
  });

  test(`the host page keeps its title, head, language, cookies, storage and scroll in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      await page.click("#popular >>> button", { text: "7 jours" });
      await page.waitForSelector("#popular >>> [aria-pressed=true]", { text: "7 jours" });
      const { now, served } = await page.evaluate(hostState);
      assert.deepEqual(now, { ...served, cookie: "", storage: 0, scroll: [0, 0] });
    });
  });

  test(`the host's aggressive CSS stays out, and the widget's stays in, in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      // Inside: the widget's own look, whatever the host's !important rules say.
      assert.equal(await style(page, "#popular >>> .kq-teaser-link", "textTransform"), "none");
      assert.doesNotMatch(await style(page, "#popular >>> h2", "fontFamily"), /Georgia/);
      assert.equal(await style(page, "#popular >>> .kq-teaser", "borderTopStyle"), "none");
      assert.equal(await style(page, "#popular >>> .kq", "fontSize"), "16px", "a 62.5% root font does not shrink the widget");
      assert.equal(await style(page, "#popular >>> .kq-thumb", "width"), "80px", "nor its spacing and pictures");
      const columns = await style(page, "#article >>> .kq-page", "gridTemplateColumns");
      assert.equal(columns.split(" ").length, 1, columns);
      // Outside: the host's elements that share a widget's class names keep the host's style.
      assert.equal(await style(page, "body > .columns h1.kq-headline", "fontSize"), "40px");
      assert.equal(await style(page, "nav a.kq-section", "fontWeight"), "900");
      // Theming goes in through the documented custom properties only.
      assert.equal(await style(page, "#article >>> .kq-list-heading", "borderTopColor"), "rgb(11, 92, 173)", "--kiosque-accent");
      assert.match(await style(page, "#article >>> h1", "fontFamily"), /Georgia/, "--kiosque-font-headline");
      assert.equal(await style(page, "#popular >>> .kq", "backgroundColor"), "rgb(22, 22, 21)", "data-theme=dark");
    });
  });

  test(`the Arabic interface is laid out right to left in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      assert.equal(await page.attribute("#more-ar >>> .kq", "lang"), "ar");
      assert.equal(await page.attribute("#more-ar >>> .kq", "dir"), "rtl");
      assert.equal(await page.text("#more-ar >>> h2"), "المزيد من الأخبار");
      assert.equal(await style(page, "#more-ar >>> .kq", "direction"), "rtl");
      const [thumb, title] = await page.evaluate(() =>
        [$("#more-ar >>> .kq-thumb"), $("#more-ar >>> .kq-teaser-title")].map((element) => element.getBoundingClientRect().x));
      assert.ok(thumb > title, `the thumbnail (${thumb}) is right of its title (${title})`);
    });
  });

  test(`the broken widget fails alone, in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      assert.match(await page.text("#broken >>> [role=alert]"), /HTTP 404/);
      // Its error stays in its own shadow root: nothing of it in the page or in the others.
      assert.equal(await page.evaluate(() => document.querySelectorAll("[role=alert]").length), 0);
      for (const id of ["share", "article", "more-ar", "popular"]) {
        assert.equal(await page.count(`#${id} >>> [role=alert]`), 0, `#${id} shows no error`);
      }
      const requests = () => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/data/absent.json")).length;
      const before = await page.evaluate(requests);
      await page.click("#broken >>> [role=alert] button");
      // It asks again, fails again, and keeps focus on its retry button.
      await page.waitFor((before) => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/data/absent.json")).length > before,
        before, { message: "a second request for absent.json" });
      await page.waitFor(() => document.getElementById("broken").shadowRoot.activeElement?.textContent === "Réessayer", { message: "focus on the retry button" });
      assert.match(await page.text("#broken >>> [role=alert]"), /HTTP 404/);
      // The others still answer.
      await page.click("#popular >>> button", { text: "7 jours" });
      await page.waitForSelector("#popular >>> [aria-pressed=true]", { text: "7 jours" });
      assert.equal(await page.count("#article >>> h1"), 1);
    });
  });

  test(`a widget added after load starts, and the list beside leads into the article widget, in ${engine}`, async () => {
    await withPage("/embed.html", async (page) => {
      await allStarted(page);
      await page.click("#add-widget");
      await page.waitForSelector(".added-later >>> h2", { text: "More news" });
      await page.waitFor(() => $$(".added-later >>> ul > li").length === 2, { message: "two articles in the widget added later" });

      const title = (await page.text("#popular >>> ol h3 a")).trim();
      await page.click("#popular >>> ol h3 a");
      await page.waitForSelector("#article >>> h1", { text: title });
      assert.ok(new URL(await page.url()).searchParams.get("kiosque"), "the address names the article");
    });
  });
});
