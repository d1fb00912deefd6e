// The whole XSS corpus (tests/fixtures/xss-vectors.json) in every engine: each vector is an
// article's title, body and summary, rendered by the release build without the CSP that would
// hide a sanitizer bug. The sanitizer parses with the browser's own DOMParser, so what is left
// after it is each engine's business: nothing may run, and nothing dangerous may remain.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, xssDangers } from "../support.mjs";
import { acrossEngines } from "../engines.mjs";

let vectors;
before(async () => {
  ({ vectors } = JSON.parse(await readFile(path.join(ROOT, "tests", "fixtures", "xss-vectors.json"), "utf8")));
});

acrossEngines("XSS corpus", ({ engine, withPage }) => {
  test(`no vector runs or leaves anything dangerous in ${engine}`, async () => {
    assert.ok(vectors.length >= 150, `${vectors.length} vectors`);
    await withPage("/host?csp=off&src=/xss-feed.json", async (page) => {
      await page.waitForSelector("[data-kiosque] >>> .kq-article .kq-section");
      const failures = [];
      for (const { id } of vectors) {
        // WebKit refuses more than 100 history entries per 10 seconds (a SecurityError) and
        // Chromium drops some past 200: the next entry is pushed once the engine takes it.
        await page.waitFor((id) => {
          const search = `?csp=off&src=/xss-feed.json&kiosque=v${id}`;
          try {
            history.pushState(null, "", search);
          } catch (error) {
            if (error.name === "SecurityError") return false;
            throw error;
          }
          if (location.search !== search) return false;
          dispatchEvent(new PopStateEvent("popstate"));
          return true;
        }, id, { message: `history to take vector ${id}` });
        await page.waitForSelector("[data-kiosque] >>> .kq-article .kq-section", { text: `vector-${id}` });
        // The list beside shows the other vectors' titles and summaries.
        await page.waitForSelector("[data-kiosque] >>> .kq-more ul h3");
        const left = await page.evaluate(xssDangers);
        if (left.length) failures.push(`vector ${id}: ${left.join(", ")}`);
      }
      // Two more turns of the page's event loop, for anything the last vector queued.
      await page.waitFor(() => new Promise((resolve) => setTimeout(() => setTimeout(() => resolve(true), 0), 0)));
      const hits = await page.evaluate(() => window.__probe.xss);
      assert.deepEqual(hits, [], `executed in ${engine}: ${hits.join(", ")}`);
      assert.deepEqual(failures, [], engine);
    });
  });
});
