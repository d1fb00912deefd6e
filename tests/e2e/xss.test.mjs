// The XSS corpus (tests/fixtures/xss-vectors.json, from public filter-evasion lists) rendered
// in the release build as article titles, bodies and list summaries, without the CSP that
// would otherwise hide a sanitizer bug: nothing may run, and nothing dangerous may be left.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, launchBrowser, startServer, xssDangers } from "./support.mjs";

let server;
let browser;
let vectors;

before(async () => {
  [server, browser, { vectors }] = await Promise.all([
    startServer(),
    launchBrowser(),
    readFile(path.join(ROOT, "tests", "fixtures", "xss-vectors.json"), "utf8").then(JSON.parse),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("XSS corpus", () => {
  test(`at least 150 vectors, none runs and none leaves anything dangerous`, async () => {
    assert.ok(vectors.length >= 150, `${vectors.length} vectors`);
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__xssHits = [];
      const hit = (n) => window.__xssHits.push(n);
      Object.defineProperty(window, "__xss", { value: hit, writable: false, configurable: false });
      window.alert = window.confirm = window.prompt = () => window.__xssHits.push("dialog");
    });
    const page = await context.newPage();
    page.on("dialog", (dialog) => dialog.dismiss());
    await page.goto(`${server.origin}/host?csp=off&src=/xss-feed.json`);
    await page.locator(".kq-article .kq-section").waitFor();

    const failures = [];
    for (const { id } of vectors) {
      await page.evaluate((id) => {
        history.pushState(null, "", `?csp=off&src=/xss-feed.json&kiosque=v${id}`);
        dispatchEvent(new PopStateEvent("popstate"));
      }, id);
      await page.locator(".kq-article .kq-section", { hasText: new RegExp(`^vector-${id}$`) }).waitFor({ timeout: 5000 });
      const left = await page.evaluate(xssDangers);
      if (left.length) failures.push(`vector ${id}: ${left.join(", ")}`);
    }
    // Give errors, loads and timers a moment to fire any handler that survived.
    await page.waitForTimeout(1000);
    const hits = await page.evaluate(() => window.__xssHits);
    assert.deepEqual(hits, [], `executed: ${hits.join(", ")}`);
    assert.deepEqual(failures, []);
    await context.close();
  });
});
