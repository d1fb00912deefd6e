// The faults page in every engine: one widget per way a feed's server can misbehave, and one
// good widget, on one page under the strict CSP. Each engine's fetch reports these failures
// its own way (a refused CORS request, a redirect loop, a body cut short); the widget must
// name each the same way in all of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FAULT_MESSAGES, FAULTS } from "../support.mjs";
import { acrossEngines } from "../engines.mjs";


acrossEngines("faults", ({ engine, withPage }) => {
  test(`every fault ends in a clear error with retry, and the good widget still works, in ${engine}`, async () => {
    await withPage("/faults", async (page) => {
      await page.waitForSelector("#good >>> ol > li");
      for (const kind of FAULTS) {
        await page.waitForSelector(`#fault-${kind} >>> [role=alert]`);
        const alert = await page.text(`#fault-${kind} >>> [role=alert]`);
        assert.match(alert, FAULT_MESSAGES[kind], `${engine}, ${kind}: ${alert}`);
        assert.match(alert, /^The list cannot be shown/, kind);
        assert.equal(await page.count(`#fault-${kind} >>> [role=alert] button`), 1, kind);
        assert.equal(await page.text(`#fault-${kind} >>> [role=alert] button`), "Try again", kind);
      }
      // Retrying fetches again and fails the same way; the page stays responsive throughout.
      const fetches = () => page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/fault/500")).length);
      const before = await fetches();
      assert.ok(before >= 1, `${before} requests for /fault/500`);
      await page.click("#fault-500 >>> [role=alert] button");
      await page.waitFor((before) => performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/fault/500")).length > before, before, { message: "the retry's request" });
      await page.waitForSelector("#fault-500 >>> [role=alert]", { text: /HTTP 500/ });
      // The retried load has ended when focus is on the new failure's button (which scrolls
      // the page to it): a click measured before that would land elsewhere.
      await page.waitFor(() => document.activeElement?.id === "fault-500" && document.activeElement.shadowRoot.activeElement?.matches("[role=alert] button"), { message: "focus on the retried failure's button" });
      await page.click("#good >>> button", { text: "7 days" });
      await page.waitForSelector("#good >>> [aria-pressed=true]", { text: "7 days" });
      const errors = await page.errors();
      assert.ok(!errors.some((error) => /panicked|unreachable|RuntimeError/.test(error)), errors.join("\n"));
    });
  });

  test(`the demo and the embed page run under the strict CSP without a violation in ${engine}`, async () => {
    for (const address of ["/", "/embed.html"]) {
      await withPage(address, async (page) => {
        await page.waitForSelector("[data-kiosque] >>> .kq-popular ol > li");
        assert.deepEqual(await page.evaluate(() => window.__probe.violations), [], `${engine}: ${address}`);
      });
    }
  });
});
