// How the widget's code arrives (src/on_use.rs): each part downloads only its own chunks, in
// packs where it can, the article does not wait for what follows it, a control used before its
// code has arrived still works, and a chunk that cannot be downloaded says so and can be tried
// again.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();
const { chunks, packs } = await import(pathToFileURL(path.join(ROOT, "dist", "kiosque-chunks.js")).href);

/// The files of these chunks, with the main module's.
const filesOf = (...names) => new Set(["main", ...names].flatMap((name) => chunks[name]));

/// The WebAssembly files a page asked for, in order.
const wasmRequested = (seen) => seen.requests.map((url) => new URL(url).pathname.slice(1)).filter((name) => name.endsWith(".wasm"));

/// The files that requests for `requested` (files and packs) brought, each as often as it came.
const filesBrought = (requested) => requested.flatMap((name) => packs.find((pack) => pack.file === name)?.files ?? [name]);

/// Whether a request for `url` brings `file`: the file itself or a pack that carries it.
const brings = (file) => (url) => {
  const name = new URL(url).pathname.slice(1);
  return name === file || packs.some((pack) => pack.file === name && pack.files.includes(file));
};

/// Holds the requests that bring `file` until `release()`; `requested` resolves at the first one.
async function hold(page, file) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let arrived;
  const requested = new Promise((resolve) => (arrived = resolve));
  await page.route(brings(file), async (route) => {
    arrived();
    await released;
    await route.continue().catch(() => {});
  });
  return { requested, release };
}

/// Answers the requests that would bring `file` (it, or a pack carrying it) with a 404 until
/// `restore()`.
async function missing(page, file) {
  const pattern = brings(file);
  await page.route(pattern, (route) => route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }));
  return { restore: () => page.unroute(pattern) };
}

/// The id of the element that has focus inside the widget `#widget` (or the demo's widget).
const focusedId = (page) => page.evaluate(() => document.querySelector("[data-kiosque]").shadowRoot.activeElement?.id ?? null);

async function open(path, prepare) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  const prepared = prepare ? await prepare(page) : undefined;
  await page.goto(env.server.origin + path);
  return { page, seen, prepared };
}

describe("loading the widget's code", () => {
  test("each part alone downloads only the code it shows", async () => {
    const cases = [
      { path: "/part?part=share", shows: ".kq-share", code: ["extras"] },
      { path: "/part?part=popular&src=/data/feed.json", shows: ".kq-ranked li", code: ["article", "extras"] },
      { path: "/part?part=more&src=/data/feed.json", shows: ".kq-latest li", code: ["article", "extras"] },
      // The article page: the article, then what follows it and its reading tools.
      { path: "/", shows: ".kq-share", also: ".kq-tools[role=group]", code: ["article", "extras", "reading"] },
    ];
    for (const { path, shows, also, code } of cases) {
      const { page, seen } = await open(path);
      await page.locator(shows).first().waitFor();
      if (also) await page.locator(also).waitFor();
      const requested = wasmRequested(seen);
      const brought = filesBrought(requested);
      assert.deepEqual([...brought].sort(), [...filesOf(...code)].sort(), `${path}: every file it needs, once`);
      // The main module comes first, in one request with the chunks of the page's first render;
      // each chunk after that in one more at most.
      assert.ok(brings(chunks.main[0])(new URL(requested[0], env.server.origin).href), `${path}: ${requested[0]} first`);
      assert.ok(requested[0].startsWith("pack_"), `${path}: ${requested[0]} first`);
      assert.ok(requested.length <= code.length, `${path}: ${requested.join(", ")}`);
      assert.deepEqual(seen.errors, [], path);
      await page.close();
    }
  });

  for (const [answer, fulfil] of [
    ["cannot be downloaded", { status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }],
    ["is answered by a catch-all page", { status: 200, contentType: "text/html", body: "<!doctype html><title>Accueil</title><p>Bienvenue</p>" }],
    ["arrives cut short", { status: 200, contentType: "application/wasm", body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, 0xff]) }],
  ]) {
    test(`a pack that ${answer} costs only time: its files come one by one, once each`, async () => {
      const first = "pack_main_article.wasm";
      const { page, seen } = await open("/", async (page) => {
        await page.route(`**/${first}`, (route) => route.fulfill(fulfil));
      });
      await page.locator(".kq-body p").first().waitFor();
      await page.locator(".kq-share").waitFor();
      await page.locator(".kq-tools[role=group]").waitFor();
      const requested = wasmRequested(seen);
      assert.equal(requested[0], first);
      for (const file of filesOf("article")) assert.ok(requested.includes(file), `${file} asked for alone`);
      // What follows the article still comes in its packs, and nothing comes twice.
      const brought = filesBrought(requested.slice(1));
      assert.deepEqual([...brought].sort(), [...filesOf("article", "extras", "reading")].sort());
      assert.equal(requested.slice(1).filter((name) => name.startsWith("pack_")).length, 2, `one pack for the tools, one for the rest: ${requested.join(", ")}`);
      assert.deepEqual(seen.errors.filter((error) => !/Failed to load resource/.test(error)), []);
      await page.close();
    });
  }

  test("the article is shown before the code of what follows it has arrived", async () => {
    const { page, prepared: extras } = await open("/", (page) => hold(page, chunks.extras[0]));
    await page.locator(".kq-body p").first().waitFor();
    await extras.requested;
    assert.equal(await page.locator(".kq-share").count(), 0, "the share bar waits for its code");
    extras.release();
    await page.locator(".kq-share").waitFor();
    await page.locator(".kq-ranked li").first().waitFor();
    await page.close();
  });

  test("a control used before its code has arrived answers, then does what was asked", async () => {
    const { page, prepared: tools } = await open("/part?part=share&data-share-networks=mastodon,copy", (page) => hold(page, chunks.share_tools[0]));
    const mastodon = page.locator(".kq-net-mastodon");
    await mastodon.click();
    await tools.requested;
    const pending = page.getByRole("status").filter({ hasText: "Chargement…" });
    await pending.waitFor();
    assert.equal(await mastodon.getAttribute("aria-expanded"), "true");
    tools.release();
    await page.getByRole("textbox", { name: "Votre instance Mastodon" }).waitFor();
    await page.waitForFunction(() => document.querySelector("[data-kiosque]").shadowRoot.activeElement?.id === "kq-mastodon-instance");
    assert.equal(await pending.count(), 0);
    await page.close();
  });

  test("a chunk that cannot be downloaded says so, and trying again brings it", async () => {
    const { page, prepared: tools } = await open("/part?part=share&data-share-networks=mastodon,copy", (page) => missing(page, chunks.share_tools[0]));
    await page.locator(".kq-net-mastodon").click();
    const failed = page.getByRole("alert").filter({ hasText: "Cette partie de la page n’a pas pu être téléchargée. Vérifiez votre connexion." });
    await failed.waitFor();
    assert.ok(await page.locator(".kq-share").isVisible(), "the rest of the share bar still works");
    await tools.restore();
    await failed.getByRole("button", { name: "Réessayer" }).click();
    await page.getByRole("textbox", { name: "Votre instance Mastodon" }).waitFor();
    await page.waitForFunction(() => document.querySelector("[data-kiosque]").shadowRoot.activeElement?.id === "kq-mastodon-instance");
    await page.close();
  });

  test("an article whose code cannot be downloaded says so, and trying again shows it", async () => {
    const { page, prepared: article } = await open("/", (page) => missing(page, chunks.article[0]));
    const error = page.locator(".kq-error");
    await error.waitFor();
    assert.match(await error.innerText(), /Une partie de Kiosque n’a pas pu être téléchargée\. Vérifiez votre connexion\./);
    await article.restore();
    await error.getByRole("button", { name: "Réessayer" }).click();
    await page.locator(".kq-body p").first().waitFor();
    await page.close();
  });
});
