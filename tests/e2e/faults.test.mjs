// Faults end to end: a server that misbehaves in every way a feed's server can, several widgets
// on one page, and a strict Content-Security-Policy on every page the tests open.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CSP, FAULT_MESSAGES, FAULTS, serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();


/// Records Content-Security-Policy violations as the page sees them.
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

describe("faults", () => {
  test("every fault ends in a clear error with retry, and the good widget still works", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(env.server.origin + "/faults");
    await page.locator("#good ol > li").first().waitFor();
    for (const kind of FAULTS) {
      const alert = page.locator(`#fault-${kind} [role=alert]`);
      await alert.waitFor({ timeout: 10_000 });
      assert.match(await alert.textContent(), FAULT_MESSAGES[kind], kind);
      // A list says it is the list that cannot be shown, not an article.
      assert.match(await alert.textContent(), /^The list cannot be shown/, kind);
      assert.equal(await alert.getByRole("button", { name: "Try again" }).count(), 1, kind);
    }
    // Retrying fetches again and fails the same way; the page stays responsive throughout.
    await page.locator("#fault-500 [role=alert] button").click();
    await page.locator("#fault-500 [role=alert]").waitFor();
    assert.equal(await page.evaluate(() => 6 * 7), 42);
    await page.locator("#good").getByRole("button", { name: "7 days" }).click();
    await page.locator("#good [aria-pressed=true]", { hasText: "7 days" }).waitFor();
    assert.ok(!seen.errors.some((error) => /panicked|unreachable|RuntimeError/.test(error)), seen.errors.join("\n"));
    await context.close();
  });

  test("a widget that leaves does not cancel the request another one waits for", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(env.server.origin + "/shared-slow");
    await page.waitForFunction(() => document.getElementById("second").shadowRoot);
    await page.waitForTimeout(300);
    await page.evaluate(() => document.getElementById("first").remove());
    const alert = page.locator("#second [role=alert]");
    await alert.waitFor({ timeout: 10_000 });
    assert.match(await alert.textContent(), /taking too long/, "the shared request ran to its timeout");
    assert.equal(seen.requests.filter((url) => url.endsWith("/fault/slow")).length, 1, "one request for both");
    await context.close();
  });

  test("the demo and the embed page run under a strict CSP without a violation", async () => {
    for (const address of ["/", "/embed.html"]) {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      await recordViolations(page);
      const response = await page.goto(env.server.origin + address);
      assert.equal(response.headers()["content-security-policy"], CSP);
      await page.locator(".kq-popular ol > li").first().waitFor();
      assert.deepEqual(await page.evaluate(() => window.__violations), [], address);
      await context.close();
    }
  });
});
