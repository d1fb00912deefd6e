// axe-core on the demo (French, English, Arabic, phone and desktop) and on the embed page:
// zero violations, inside the widgets' shadow roots too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, launchBrowser, startServer } from "./support.mjs";

let server;
let browser;
let axeSource;

before(async () => {
  [server, browser, axeSource] = await Promise.all([
    startServer(),
    launchBrowser(),
    readFile(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(address, viewport, colorScheme = "light") {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  await page.goto(server.origin + address);
  await page.locator(".kq-popular ol > li").first().waitFor();
  await page.waitForTimeout(300);
  // Injected through the DevTools protocol: the page's CSP does not apply to it.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`),
    ),
  );
  await context.close();
  return results;
}

describe("accessibility (axe-core)", () => {
  const desktop = { width: 1280, height: 900 };
  const phone = { width: 390, height: 844 };
  for (const [address, viewport, scheme] of [
    ["/", desktop, "light"],
    ["/", phone, "dark"],
    ["/?lang=en", desktop, "dark"],
    ["/?lang=ar", phone, "light"],
    ["/embed.html", desktop, "light"],
  ]) {
    test(`${address} at ${viewport.width}px, ${scheme}: no violations`, async () => {
      assert.deepEqual(await violations(address, viewport, scheme), []);
    });
  }
});
