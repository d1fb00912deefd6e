// axe-core in every engine, on the demo (French, English in the dark theme, Arabic) and on the
// embed page: zero violations, inside the widgets' shadow roots too. Each engine computes
// its own accessibility-relevant styles (contrast, focus, text spacing), so each is audited.
import { test } from "node:test";
import assert from "node:assert/strict";
import { acrossEngines } from "../engines.mjs";

/// Loads axe-core in the page (a script of the page's own origin, which its CSP allows) and
/// runs it on the whole document.
function audit() {
  return new Promise((resolve, reject) => {
    if (window.axe) return resolve();
    const script = document.createElement("script");
    script.src = "/__kiosque-test/axe.js";
    script.onload = resolve;
    script.onerror = () => reject(new Error("axe-core did not load"));
    document.head.append(script);
  }).then(() => window.axe.run(document, { resultTypes: ["violations"] }))
    .then((results) => results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`));
}

acrossEngines("accessibility (axe-core)", ({ engine, withPage }) => {
  const desktop = { width: 1280, height: 900 };
  const phone = { width: 390, height: 844 };
  for (const [address, viewport] of [
    ["/", desktop],
    ["/host?data-theme=dark&lang=en", desktop],
    ["/?lang=ar", phone],
    ["/embed.html", desktop],
  ]) {
    test(`${address} at ${viewport.width}px: no violations in ${engine}`, async (t) => {
      await withPage(address, { viewport }, async (page) => {
        const width = await page.evaluate(() => innerWidth);
        // MiniBrowser's window is never narrower than about 450 px: WebKit audits the phone there.
        if (width !== viewport.width) t.diagnostic(`${engine}: the page is ${width}px wide`);
        await page.waitForSelector("[data-kiosque] >>> .kq-popular ol > li");
        await page.waitForSelector("[data-kiosque] >>> .kq-share a");
        assert.deepEqual(await page.evaluate(audit), []);
      });
    });
  }
});
