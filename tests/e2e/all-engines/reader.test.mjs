// What a reader sees and does on the demo, in every engine: the article (date line, headline,
// body, follow call to action), the share bar with its exact links, copy link and its
// fallback, the Mastodon form, both lists, and reading from one article to another in the
// widget and back.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, seedPage } from "../support.mjs";
import { acrossEngines } from "../engines.mjs";

const CANONICAL = "https://www.nasubainfos.example/2026/02/02/mali-offensive-armee-etat-islamique/";
const ARTICLE = "[data-kiosque] >>> ";

let seed;
let feed;
before(async () => {
  [seed, feed] = await Promise.all([seedPage(), readFile(path.join(ROOT, "data", "feed.json"), "utf8").then(JSON.parse)]);
});

// The oracle for the lists, written independently of the Rust (as in lists.test.mjs).
const count = (value) => (value === undefined ? 0 : Number(String(value).replace(/\s/g, "")) || 0);
const newestFirst = (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published) || (a.id < b.id ? -1 : 1);
const expectedPopular = (currentId, range = "24h") => feed.items
  .filter((item) => item.id !== currentId && count(item._kiosque?.views?.[range]) > 0)
  .sort((a, b) => count(b._kiosque.views[range]) - count(a._kiosque.views[range]) || newestFirst(a, b))
  .slice(0, 5)
  .map((item) => item.title);
const expectedMore = (currentId, length = 6) => feed.items
  .filter((item) => item.id !== currentId)
  .sort(newestFirst)
  .slice(0, length)
  .map((item) => item.title);
const titleOf = (id) => feed.items.find((item) => item.id === id).title;
const idOf = (title) => feed.items.find((item) => item.title === title).id;

/// RFC 3986's strict percent-encoding, as the share links use (src/share.rs, `encode`).
const encode = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/// The share links of the seed article, written from each network's documented address.
function expectedShareLinks() {
  const title = encode(seed.headline);
  const url = encode(CANONICAL);
  const summary = feed.items[0].summary;
  return {
    whatsapp: `https://api.whatsapp.com/send?text=${encode(`${seed.headline} ${CANONICAL}`)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    x: `https://x.com/intent/tweet?text=${title}&url=${url}`,
    telegram: `https://t.me/share/url?url=${url}&text=${title}`,
    email: `mailto:?subject=${title}&body=${encode(`${summary}\r\n\r\n${CANONICAL}`)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    reddit: `https://www.reddit.com/submit?url=${url}&title=${title}`,
    threads: `https://www.threads.com/intent/post?text=${title}&url=${url}`,
  };
}

/// Waits until the page shows article `id` with the lists that go with it.
async function assertShowing(page, id) {
  await page.waitForSelector(`${ARTICLE}article h1`, { text: titleOf(id) });
  const popular = expectedPopular(id);
  const more = expectedMore(id);
  await page.waitFor((popular, more) => {
    const titles = (selector) => JSON.stringify($$(selector).map((element) => element.textContent));
    return titles("[data-kiosque] >>> .kq-popular ol h3") === JSON.stringify(popular)
      && titles("[data-kiosque] >>> .kq-more ul h3") === JSON.stringify(more);
  }, popular, more, { message: `the lists beside ${id}` });
  const shown = new URL(await page.url()).searchParams.get("kiosque");
  if (shown !== null) assert.equal(shown, id);
}

acrossEngines("what a reader sees", (env) => {
  const { engine, features, withPage } = env;

  test(`the seed article: date line, headline, body and follow call to action, in ${engine}`, async () => {
    await withPage("/", async (page) => {
      await page.waitForSelector(`${ARTICLE}article h1`);
      assert.equal(await page.text(`${ARTICLE}article h1`), seed.headline);
      assert.equal(await page.text(`${ARTICLE}article time`), seed.dateLine);
      assert.equal(await page.attribute(`${ARTICLE}article time`, "datetime"), "2026-02-02T11:42:00+00:00");
      assert.deepEqual(await page.texts(`${ARTICLE}article .kq-body p`), seed.paragraphs);
      const hidden = await page.evaluate(() => [$("[data-kiosque] >>> article time"), ...$$("[data-kiosque] >>> article h1, [data-kiosque] >>> article .kq-body p")]
        .filter((element) => element.getClientRects().length === 0 || getComputedStyle(element).visibility !== "visible").length);
      assert.equal(hidden, 0, "every line of the article is shown");
      assert.match(await page.evaluate(() => $("[data-kiosque] >>> .kq-byline").innerText), /^Par Nasuba Infos/);
      assert.match(await page.text(`${ARTICLE}.kq-reading-time`), /^\d+ min de lecture$/);

      const follow = `${ARTICLE}a.kq-follow-link`;
      assert.equal(await page.text(`${follow} span`), seed.follow);
      assert.match(await page.attribute(follow, "href"), /^https:\/\/whatsapp\.com\/channel\//);
      assert.equal(await page.attribute(follow, "target"), "_blank");
      assert.equal(await page.attribute(follow, "rel"), "noopener noreferrer");

      assert.equal(await page.attribute(`${ARTICLE}.kq`, "lang"), "fr");
      assert.deepEqual(await page.errors(), [], "no console errors");
      const foreign = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((url) => !url.startsWith(location.origin)));
      assert.deepEqual(foreign, [], "no request leaves 127.0.0.1");
    });
  });

  test(`the English and Arabic interfaces, in ${engine}`, async () => {
    await withPage("/?lang=en", async (page) => {
      await page.waitForSelector(`${ARTICLE}article h1`);
      assert.equal(await page.text(`${ARTICLE}article time`), "Monday 2 February 2026");
      assert.match(await page.text(`${ARTICLE}.kq-reading-time`), /^\d+ min read$/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "fr", "the host's lang is untouched");
    });
    await withPage("/?lang=ar", async (page) => {
      await page.waitForSelector(`${ARTICLE}article h1`);
      assert.equal(await page.attribute(`${ARTICLE}.kq`, "dir"), "rtl");
      assert.equal(await page.evaluate(() => getComputedStyle($("[data-kiosque] >>> .kq")).direction), "rtl");
      assert.equal(await page.evaluate(() => document.documentElement.dir), "", "the host's dir is untouched");
    });
  });

  test(`the sidebar sits beside the article on wide screens and after it on phones, in ${engine}`, async (t) => {
    const boxes = () => [$("[data-kiosque] >>> .kq-main"), $("[data-kiosque] >>> .kq-sidebar")]
      .map((element) => element.getBoundingClientRect().toJSON());
    await withPage("/", { viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.waitForSelector(`${ARTICLE}.kq-popular ol > li`);
      const [main, side] = await page.evaluate(boxes);
      assert.ok(side.x >= main.x + main.width, `sidebar beside: ${JSON.stringify({ main, side })}`);
    });
    await withPage("/", { viewport: { width: 390, height: 844 } }, async (page) => {
      await page.waitForSelector(`${ARTICLE}.kq-popular ol > li`);
      const [main, side] = await page.evaluate(boxes);
      assert.ok(side.y >= main.y + main.height, `sidebar after: ${JSON.stringify({ main, side })}`);
      const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (width > 390) t.diagnostic(`${engine}: the narrowest window is ${width}px wide`);
      assert.ok(scrollWidth <= width, `no horizontal scroll on a phone (${scrollWidth}px in ${width}px)`);
    });
  });

  test(`the share bar's links are exactly the networks' addresses, in ${engine}`, async () => {
    await withPage("/", async (page) => {
      await page.waitForSelector(`${ARTICLE}.kq-share a.kq-net-whatsapp`);
      const expected = expectedShareLinks();
      const href = (network) => page.attribute(`${ARTICLE}a.kq-net-${network}`, "href");
      for (const network of ["whatsapp", "facebook", "x", "telegram", "email"]) {
        assert.equal(await href(network), expected[network], network);
      }
      for (const [network, name] of [["whatsapp", "WhatsApp"], ["facebook", "Facebook"], ["x", "X"], ["telegram", "Telegram"]]) {
        assert.equal(await page.attribute(`${ARTICLE}a.kq-net-${network}`, "target"), "_blank", network);
        assert.equal(await page.attribute(`${ARTICLE}a.kq-net-${network}`, "aria-label"), `Partager sur ${name} (s’ouvre dans une nouvelle fenêtre)`);
      }
      // The others wait behind "Plus", which the keyboard opens and closes.
      const toggle = `${ARTICLE}button[aria-controls=kq-share-extra]`;
      assert.equal(await page.attribute(toggle, "aria-expanded"), "false");
      await page.focus(toggle);
      assert.notEqual(await page.evaluate((toggle) => getComputedStyle($(toggle)).outlineStyle, toggle), "none", "focus is visible");
      await page.press("Enter");
      await page.waitFor(() => $("[data-kiosque] >>> button[aria-controls=kq-share-extra]").getAttribute("aria-expanded") === "true");
      await page.waitForSelector(`${ARTICLE}a.kq-net-linkedin`);
      for (const network of ["linkedin", "reddit", "threads"]) {
        assert.equal(await href(network), expected[network], network);
      }
      const bluesky = new URL(await href("bluesky"));
      assert.equal(bluesky.origin + bluesky.pathname, "https://bsky.app/intent/compose");
      assert.ok(bluesky.searchParams.get("text").endsWith(` ${CANONICAL}`), "Bluesky's post ends with the address");
      assert.equal(await page.count(`${ARTICLE}a.kq-net-pinterest`), 0, "no Pinterest without an image");
      // Where the engine has no share sheet, its button is left out and "copy link" stays.
      assert.equal(await page.count(`${ARTICLE}.kq-net-native`), features.shareSheet ? 1 : 0, "device share sheet");
      assert.equal(await page.evaluate(() => typeof navigator.share === "function"), features.shareSheet);
      assert.equal(await page.count(`${ARTICLE}button.kq-net-copy`), 1, "copy link");
      await page.press("Escape");
      await page.waitFor(() => $("[data-kiosque] >>> button[aria-controls=kq-share-extra]").getAttribute("aria-expanded") === "false");
      await page.waitFor(() => document.activeElement.shadowRoot?.activeElement?.getAttribute("aria-controls") === "kq-share-extra",
        { message: "focus back on the toggle" });
    });
  });

  test(`copy link copies, or offers the link to copy by hand, in ${engine}`, async (t) => {
    await withPage("/?lang=en", async (page) => {
      await page.click(`${ARTICLE}button.kq-net-copy`);
      // One of the two documented outcomes, whichever the engine allows a page: copied, or
      // the link in a selected field.
      const outcome = await page.waitFor(() =>
        ($$("[data-kiosque] >>> [role=status]").some((element) => element.textContent.includes("Link copied")) && "copied")
        || ($("[data-kiosque] >>> #kq-copy-url") && "by hand"), { message: "copied, or the field to copy by hand" });
      t.diagnostic(`${engine}: copy link ${outcome === "copied" ? "copied the link" : "offered the link to copy by hand"}`);
      assert.equal(outcome, features.clipboard ? "copied" : "by hand", "as README's Browsers table says");
      if (outcome === "by hand") {
        assert.equal(await page.evaluate(() => $("[data-kiosque] >>> #kq-copy-url").value), CANONICAL);
      } else {
        assert.ok(await page.evaluate(() => $$("[data-kiosque] >>> .kq-net-copy").some((element) => element.textContent.includes("Link copied"))), "visible confirmation");
        // What the clipboard holds, read the way a reader would: pasted into a field.
        await page.evaluate(() => {
          const field = document.createElement("textarea");
          field.id = "pasted";
          document.body.prepend(field);
          field.focus();
        });
        await page.paste();
        await page.waitFor(() => document.getElementById("pasted").value !== "", { message: "the pasted link" });
        assert.equal(await page.evaluate(() => document.getElementById("pasted").value), CANONICAL);
      }
    });
    // Where the clipboard is refused, both ways: the link is offered to copy by hand.
    await withPage("/?lang=en", async (page) => {
      await page.waitForSelector(`${ARTICLE}button.kq-net-copy`);
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("no", "NotAllowedError")) }, configurable: true });
        document.execCommand = () => false;
      });
      await page.click(`${ARTICLE}button.kq-net-copy`);
      await page.waitForSelector(`${ARTICLE}#kq-copy-url`);
      assert.equal(await page.evaluate(() => $("[data-kiosque] >>> #kq-copy-url").value), CANONICAL);
      assert.equal(await page.text(`${ARTICLE}label[for=kq-copy-url]`), "Copy this link:");
      await page.waitFor(() => document.activeElement.shadowRoot?.activeElement?.id === "kq-copy-url", { message: "focus on the field" });
      assert.equal(await page.evaluate(() => { const field = $("[data-kiosque] >>> #kq-copy-url"); return field.selectionEnd - field.selectionStart; }), CANONICAL.length, "the link is selected");
    });
  });

  test(`the Mastodon form takes typing and refuses what is not an instance, in ${engine}`, async () => {
    await withPage("/?lang=en", async (page) => {
      await page.click(`${ARTICLE}button[aria-controls=kq-share-extra]`);
      await page.click(`${ARTICLE}button.kq-net-mastodon`);
      await page.waitFor(() => document.activeElement.shadowRoot?.activeElement?.id === "kq-mastodon-instance", { message: "focus on the instance field" });
      await page.type("not an instance");
      assert.equal(await page.evaluate(() => $("[data-kiosque] >>> #kq-mastodon-instance").value), "not an instance");
      await page.press("Enter");
      await page.waitFor(() => $("[data-kiosque] >>> #kq-mastodon-instance").getAttribute("aria-invalid") === "true");
      assert.equal(await page.text(`${ARTICLE}#kq-mastodon-hint`), "That is not an instance name: type, for example, mastodon.social.");
      assert.deepEqual(await page.evaluate(() => localStorage.length), 0, "nothing remembered");
    });
  });

  test(`a reader goes from list to list in the widget, then back, in ${engine}`, async () => {
    await withPage("/", async (page) => {
      const seedId = feed.items[0].id;
      await assertShowing(page, seedId);
      assert.equal(await page.text(`${ARTICLE}.kq-popular h2`), "Articles populaires");
      assert.equal(await page.text(`${ARTICLE}.kq-more h2`), "Plus d’actualités");
      assert.deepEqual(await page.texts(`${ARTICLE}.kq-popular .kq-rank`), ["1", "2", "3", "4", "5"]);

      const first = idOf((await page.texts(`${ARTICLE}.kq-popular ol h3`))[0]);
      await page.click(`${ARTICLE}.kq-popular ol h3 a`);
      await assertShowing(page, first);
      await page.waitFor(() => document.activeElement.shadowRoot?.activeElement?.tagName === "H1", { message: "focus on the new headline" });

      const second = idOf((await page.texts(`${ARTICLE}.kq-more ul h3`))[1]);
      await page.click(`${ARTICLE}.kq-more ul h3 a`, { text: titleOf(second) });
      await assertShowing(page, second);

      await page.back();
      await assertShowing(page, first);
      await page.back();
      await assertShowing(page, seedId);
      await page.forward();
      await assertShowing(page, first);

      // The address is a deep link: reloading shows the same article.
      await page.reload();
      await assertShowing(page, first);
      assert.equal(new URL(await page.url()).searchParams.get("kiosque"), first);
      assert.deepEqual(await page.errors(), []);
    });
  });
});
