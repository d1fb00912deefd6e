// The demo's first article rendered ahead of time by kiosque-prerender (dist/prerendered.html),
// in every engine: the parser attaches it as a declarative shadow root, the widget takes it
// over without changing anything, and then the lists lead from one article to another.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../support.mjs";
import { acrossEngines } from "../engines.mjs";

const ARTICLE = "[data-kiosque] >>> ";

let feed;
before(async () => {
  feed = JSON.parse(await readFile(path.join(ROOT, "data", "feed.json"), "utf8"));
});

const idOf = (title) => feed.items.find((item) => item.title === title).id;

acrossEngines("the pre-rendered article", (env) => {
  const { engine, withPage } = env;

  test(`the article shows from the HTML, the widget takes it over unchanged, and its lists lead on, in ${engine}`, async () => {
    await withPage("/prerendered.html", async (page) => {
      // At the load event the article is there, whether or not the widget has started.
      assert.equal(await page.evaluate(() => document.querySelector("[data-kiosque]").shadowRoot?.mode ?? null), "open");
      assert.equal(await page.text(`${ARTICLE}article h1`), feed.items[0].title);
      // The widget marks its root only when it replaced a pre-rendered one: the engine attached
      // the declarative shadow root the HTML holds.
      await page.waitForSelector(`${ARTICLE}.kq[data-takeover]`);
      assert.equal(await page.attribute(`${ARTICLE}.kq[data-takeover]`, "data-takeover"), "same");
      assert.equal(await page.count(`${ARTICLE}.kq`), 1, "one root left");

      const next = (await page.texts(`${ARTICLE}.kq-more ul h3`))[0];
      await page.click(`${ARTICLE}.kq-more ul h3 a`, { text: next });
      await page.waitForSelector(`${ARTICLE}article h1`, { text: next });
      assert.equal(new URL(await page.url()).searchParams.get("kiosque"), idOf(next));
      assert.deepEqual(await page.errors(), []);
    });
  });
});
