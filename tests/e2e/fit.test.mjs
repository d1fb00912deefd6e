// How the widget fits real pages and real readers: content keeps its own language and
// direction, the host page's styles and root font stay out, the theme follows the host's
// colour scheme and keeps its contrast, parts alone are compact and hold still, and the small
// things a reader notices (periods on a phone, the placeholder, print, the date of a breaking
// story).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();

async function open(path, { width = 1280, height = 900, colorScheme = "light", init } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme });
  if (init) await context.route(...init);
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(env.server.origin + path);
  return { page, seen, context };
}

/// `lang` and `dir` attributes of the first element matching `selector` (in shadow roots too).
const attributes = (locator) => locator.evaluate((element) => ({ lang: element.getAttribute("lang"), dir: element.getAttribute("dir") }));

/// The contrast ratio of two CSS colours, whatever their syntax (the browser draws them).
async function contrast(page, foreground, background) {
  return page.evaluate(([foreground, background]) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    const luminance = (color) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      const channel = (value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const [a, b] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  }, [foreground, background]);
}

/// The colour `value` (a `var()`, `light-dark()`…) takes inside `root`, in its colour scheme.
const used = (root, value) => root.evaluate((element, value) => {
  const probe = document.createElement("span");
  probe.style.color = value;
  element.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}, value);

const style = (locator, property, pseudo = null) => locator.evaluate((element, [property, pseudo]) => getComputedStyle(element, pseudo)[property], [property, pseudo]);

describe("languages and direction", () => {
  test("content keeps its feed's language and direction whatever the interface", async () => {
    for (const [lang, dir] of [["ar", "rtl"], ["en", "ltr"]]) {
      const { page, context } = await open(`/?lang=${lang}`);
      await page.locator(".kq-body p").first().waitFor();
      assert.equal(await page.locator(".kq").first().getAttribute("dir"), dir);
      // The French article says it is French, set left to right.
      assert.deepEqual(await attributes(page.locator("h1")), { lang: "fr", dir: "ltr" });
      assert.deepEqual(await attributes(page.locator(".kq-body")), { lang: "fr", dir: "ltr" });
      assert.equal(await style(page.locator("h1"), "direction"), "ltr");
      assert.deepEqual(await attributes(page.locator(".kq-follow-link span").first()), { lang: "fr", dir: "ltr" });
      await page.locator(".kq-latest li").first().waitFor();
      // Each list title carries its item's language: French, English or Arabic.
      const titles = await page.locator(".kq-latest .kq-teaser-title").evaluateAll((titles) =>
        titles.map((title) => [title.textContent.trim(), title.getAttribute("lang"), title.getAttribute("dir")]));
      for (const [text, tag, direction] of titles) {
        const expected = /[\u0600-\u06ff]/.test(text) ? "ar" : /Ghana|tomato/i.test(text) ? "en" : "fr";
        if (expected === lang) assert.deepEqual([tag, direction], [null, null], text);
        else assert.deepEqual([tag, direction], [expected, expected === "ar" ? "rtl" : "ltr"], text);
      }
      await context.close();
    }
  });

  test("a date under a title of the other direction keeps the interface's direction", async () => {
    for (const [lang, direction, pattern] of [["fr", "ltr", /^(il y a|hier|\d+ \p{L}+ \d{4}$)/u], ["ar", "rtl", /./]]) {
      // Every article listed, so that the one written in the other direction is among them.
      const { page, context } = await open(`/host?lang=${lang}&data-more-length=20`);
      await page.locator(".kq-latest li").first().waitFor();
      // The teaser of the item written in the other direction.
      const other = page.locator(".kq-latest .kq-teaser").filter({ has: page.locator(`.kq-teaser-title[dir="${direction === "ltr" ? "rtl" : "ltr"}"]`) }).first();
      const time = other.locator("time");
      assert.equal(await style(time, "direction"), direction);
      assert.match((await time.textContent()).trim(), pattern);
      await context.close();
    }
  });

  test("the Arabic page does not scroll sideways", async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await open("/?lang=ar", { width, height: 844 });
      await page.locator(".kq-latest li").first().waitFor();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client, `${width}px: ${scroll} > ${client}`);
      await context.close();
    }
  });
});

describe("host pages", () => {
  test("what the host sets on the widget's element and its root font stay out", async () => {
    const { page, context } = await open("/fixtures/hostile-host.html");
    const plain = page.locator("#plain");
    await plain.locator(".kq-share").waitFor();
    await page.locator("#article .kq-body p").first().waitFor();
    for (const widget of [plain, page.locator("#article")]) {
      const root = widget.locator(".kq");
      assert.equal(await style(root, "textTransform"), "none");
      assert.equal(await style(root, "fontStyle"), "normal");
      assert.equal(await style(root, "textShadow"), "none");
      assert.equal(await style(root, "letterSpacing"), "normal");
      // The reader's default size (16 px here), not the host's 31 px root.
      assert.equal(await style(root, "fontSize"), "16px");
    }
    assert.equal(await style(page.locator("#article h1"), "textTransform"), "none");
    // The documented properties still cross: a publisher's text size.
    assert.equal(await style(page.locator("#sized .kq"), "fontSize"), "20px");
    await context.close();
  });

  test("automatic theme turns dark only where the host page has a dark look", async () => {
    const background = (page, selector) => style(page.locator(`${selector} .kq`), "backgroundColor");
    // The demo declares "light dark": a reader who prefers dark gets it.
    const demo = await open("/", { colorScheme: "dark" });
    await demo.page.locator(".kq-body p").first().waitFor();
    assert.equal(await background(demo.page, "main"), "rgb(22, 22, 21)");
    await demo.context.close();
    // A page that declares nothing stays light; a publisher can still force dark.
    const plain = await open("/fixtures/hostile-host.html", { colorScheme: "dark" });
    await plain.page.locator("#plain .kq-share").waitFor();
    assert.equal(await background(plain.page, "#plain"), "rgb(255, 255, 255)");
    await plain.page.locator("#dark .kq-share").waitFor();
    assert.equal(await background(plain.page, "#dark"), "rgb(22, 22, 21)");
    await plain.context.close();
  });

  test("a publisher's accent keeps its contrast in the dark scheme", async () => {
    const { page, context } = await open("/fixtures/hostile-host.html", { colorScheme: "dark" });
    const themed = page.locator("#themed-dark");
    await themed.locator(".kq-share").waitFor();
    const root = themed.locator(".kq");
    const accent = await used(root, "var(--kq-accent)");
    const ground = await style(root, "backgroundColor");
    const ratio = await contrast(page, accent, ground);
    assert.ok(ratio >= 4.5, `accent ${accent} on ${ground}: ${ratio.toFixed(2)}:1`);
    // In the light scheme the publisher's colour is used as it is.
    await page.locator("#themed-light .kq-share").waitFor();
    assert.equal(await contrast(page, await used(page.locator("#themed-light .kq"), "var(--kq-accent)"), "#0b5cad"), 1);
    await context.close();
  });

  test("parts alone are compact, and the embed page holds still while they arrive", async () => {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const context = await env.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${env.server.origin}/embed.html`);
      await page.locator("#share .kq-share").waitFor();
      await page.locator("#popular .kq-ranked li").first().waitFor();
      await page.locator("#more-ar .kq-latest li").first().waitFor();
      await page.locator("#article .kq-latest li").first().waitFor();
      await page.locator("#broken [role=alert]").waitFor();
      // Let pending shift entries be delivered before reading them.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await page.evaluate(() => window.__shift), 0, `layout shift at ${width}px`);
      // Alone, a part starts at its top: no rule or band above the share bar or a list.
      const gap = async (host, inner) => page.locator(`${host} ${inner}`).evaluate((element) =>
        element.getBoundingClientRect().top - element.closest(".kq").getBoundingClientRect().top);
      for (const [host, inner] of [["#share", ".kq-share"], ["#popular", ".kq-popular"], ["#more-ar", ".kq-more"]]) {
        const offset = await gap(host, inner);
        assert.ok(offset <= 17, `${host}: ${offset}px above its content`);
      }
      assert.equal(await style(page.locator("#popular .kq"), "paddingTop"), "16px", "the dark list has room inside");
      await context.close();
    }
  });
});

describe("readers", () => {
  test("the four periods of the most-read list fit a 320 px phone on one line", async () => {
    const { page, context } = await open("/part?part=popular&src=/data/feed.json", { width: 320, height: 640 });
    const buttons = page.locator(".kq-range");
    await buttons.first().waitFor();
    const tops = await buttons.evaluateAll((all) => all.map((button) => Math.round(button.getBoundingClientRect().top)));
    assert.equal(tops.length, 4);
    assert.equal(new Set(tops).size, 1, `on one line: ${tops}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
    assert.ok(await page.getByRole("button", { name: "Toujours" }).isVisible());
    await context.close();
  });

  test("the loading placeholder can be seen", async () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const { page, context } = await open("/", {
      init: ["**/data/feed.json", async (route) => {
        await held;
        await route.continue().catch(() => {});
      }],
    });
    const skeleton = page.locator(".kq-skeleton").first();
    await skeleton.waitFor();
    const ratio = await contrast(page, await style(skeleton, "backgroundColor"), await style(page.locator(".kq").first(), "backgroundColor"));
    assert.ok(ratio >= 1.3, `placeholder ${ratio.toFixed(2)}:1`);
    release();
    await context.close();
  });

  test("printing gives the follow link's address; the byline has a separator", async () => {
    const { page, context } = await open("/");
    await page.locator(".kq-follow-link").waitFor();
    await page.emulateMedia({ media: "print" });
    assert.match(await style(page.locator(".kq-follow-link"), "content", "::after"), /whatsapp\.com\/channel/);
    await page.emulateMedia({ media: "screen" });
    assert.match(await style(page.locator(".kq-reading-time"), "content", "::before"), /·/);
    await context.close();
  });

  test("the date line of a story of the last hours gives its time", async () => {
    const published = new Date(Date.now() - 2 * 3600_000);
    const feed = {
      version: "https://jsonfeed.org/version/1.1", title: "Fraîche", language: "fr",
      items: [{ id: "now", title: "Dernière minute", content_text: "Un fait nouveau.", date_published: published.toISOString() }],
    };
    const { page, context } = await open("/host?src=/fresh.json", {
      // By path: the page's own address ends in "fresh.json" too (its ?src=).
      init: [(url) => url.pathname === "/fresh.json", (route) => route.fulfill({ json: feed })],
    });
    const line = page.locator(".kq-dateline");
    await line.waitFor();
    const hour = String(published.getUTCHours());
    const minute = String(published.getUTCMinutes()).padStart(2, "0");
    assert.ok((await line.textContent()).endsWith(`à ${hour}\u00a0h\u00a0${minute}`), await line.textContent());
    await context.close();
  });
});
