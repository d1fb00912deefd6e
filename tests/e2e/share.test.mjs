// The share bar and the follow call to action, as a reader uses them: real links, a popup on
// a plain click, keyboard operation, copy with its fallbacks, the device share sheet,
// Mastodon, campaign tags, and the event a publisher listens to.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, seedPage, startServer, watch } from "./support.mjs";

let server;
let browser;
let seed;
const CANONICAL = "https://www.nasubainfos.example/2026/02/02/mali-offensive-armee-etat-islamique/";

before(async () => {
  [server, browser, seed] = await Promise.all([startServer(), launchBrowser(), seedPage()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/// A page on `path`, with third-party share pages answered locally (nothing leaves the
/// machine) and recorded.
async function open(path, { init, permissions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions });
  const thirdParty = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    thirdParty.push(route.request().url());
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>share</title>" });
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.origin + path);
  await page.locator(".kq-share").waitFor();
  return { context, page, seen, thirdParty };
}

const shareBar = (page) => page.getByRole("region", { name: "Partager :" }).or(page.locator(".kq-share"));

describe("share bar", () => {
  test("shows real, named links and makes no third-party request until a click", async () => {
    const { context, page, thirdParty, seen } = await open("/");
    assert.ok(await page.getByRole("heading", { name: "Partager :" }).isVisible());
    const links = {
      WhatsApp: /^https:\/\/api\.whatsapp\.com\/send\?text=/,
      Facebook: /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/,
      X: /^https:\/\/x\.com\/intent\/tweet\?text=/,
      Telegram: /^https:\/\/t\.me\/share\/url\?url=/,
    };
    for (const [network, href] of Object.entries(links)) {
      const link = page.getByRole("link", { name: `Partager sur ${network} (s’ouvre dans une nouvelle fenêtre)` });
      assert.ok(await link.isVisible(), network);
      assert.match(await link.getAttribute("href"), href);
      const box = await link.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `${network} is a 44px target`);
    }
    const whatsapp = new URL(await page.locator("a.kq-net-whatsapp").getAttribute("href"));
    assert.equal(whatsapp.searchParams.get("text"), `${seed.headline} ${CANONICAL}`);
    const mail = page.getByRole("link", { name: "Envoyer par e-mail" });
    assert.match(await mail.getAttribute("href"), /^mailto:\?subject=/);
    assert.equal(await page.locator(".kq-share svg path").count() > 0, true, "icons are inline");
    assert.deepEqual(thirdParty, [], "nothing was requested from any third party");
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("a plain click opens the share page in a window and tells the host page", async () => {
    const { context, page } = await open("/");
    await page.evaluate(() => {
      window.shares = [];
      document.querySelector("[data-kiosque]").addEventListener("kiosque:share", (e) => window.shares.push(e.detail));
    });
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: /^Partager sur Facebook/ }).click(),
    ]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    assert.equal(opened.origin + opened.pathname, "https://www.facebook.com/sharer/sharer.php");
    assert.equal(opened.searchParams.get("u"), CANONICAL);
    assert.equal(page.url(), server.origin + "/", "the reader's page stays where it was");
    assert.deepEqual(await page.evaluate(() => window.shares), [
      { network: "facebook", article: "mali-offensive-armee-etat-islamique", url: CANONICAL },
    ]);
    await context.close();
  });

  test("works from the keyboard: More opens with Enter, Escape closes it and focus returns", async () => {
    const { context, page } = await open("/");
    const toggle = page.getByRole("button", { name: "Plus d’options de partage" });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.getByRole("link", { name: /^Partager sur LinkedIn/ }).count(), 0, "hidden until opened");
    await toggle.focus();
    const outline = await toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, "none", "focus is visible");
    await page.keyboard.press("Enter");
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    const linkedin = page.getByRole("link", { name: /^Partager sur LinkedIn/ });
    assert.ok(await linkedin.isVisible());
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.className), "kq-share-button kq-net-linkedin");
    await page.keyboard.press("Escape");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.getAttribute("aria-controls")), "kq-share-extra");
    await context.close();
  });

  test("copy link puts the canonical URL on the clipboard and says so", async () => {
    const { context, page } = await open("/", { permissions: ["clipboard-read", "clipboard-write"] });
    await page.getByRole("button", { name: "Copier le lien" }).click();
    await page.getByRole("status").filter({ hasText: "Lien copié" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), CANONICAL);
    assert.ok(await page.locator(".kq-net-copy").getByText("Lien copié").isVisible(), "visible confirmation");
    await context.close();
  });

  test("when the clipboard is refused, the link is offered to copy by hand", async () => {
    const { context, page } = await open("/?lang=en", {
      init: () => {
        Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("no", "NotAllowedError")) } });
        document.execCommand = () => false;
      },
    });
    await page.getByRole("button", { name: "Copy link" }).click();
    const field = page.getByLabel("Copy this link:");
    await field.waitFor();
    assert.equal(await field.inputValue(), CANONICAL);
    await page.waitForFunction(() => document.activeElement.shadowRoot.activeElement?.id === "kq-copy-url");
    assert.equal(await field.evaluate((el) => [el.selectionStart, el.selectionEnd]).then(([a, b]) => b - a), CANONICAL.length);
    await context.close();
  });

  test("the device share sheet is offered only where it exists, and cancelling is not an error", async () => {
    const without = await open("/");
    await without.page.getByRole("button", { name: "Plus d’options de partage" }).click();
    assert.equal(await without.page.locator(".kq-net-native").count(), 0);
    await without.context.close();

    const { context, page } = await open("/", {
      init: () => {
        window.sheet = [];
        navigator.share = (data) => {
          window.sheet.push(data);
          return window.sheet.length === 1 ? Promise.reject(new DOMException("cancel", "AbortError")) : Promise.resolve();
        };
      },
    });
    await page.getByRole("button", { name: "Plus d’options de partage" }).click();
    const native = page.getByRole("button", { name: "Partager avec une application de l’appareil" });
    await native.click();
    await page.waitForFunction(() => window.sheet.length === 1);
    assert.equal(await page.locator(".kq-share-status").textContent(), "", "a cancelled share says nothing");
    await native.click();
    await page.waitForFunction(() => window.sheet.length === 2);
    assert.deepEqual(await page.evaluate(() => window.sheet[1]), { title: seed.headline, url: CANONICAL });
    await context.close();
  });

  test("Mastodon asks for the reader's instance once and remembers it on the device", async () => {
    const { context, page } = await open("/");
    await page.getByRole("button", { name: "Plus d’options de partage" }).click();
    // Until it knows the instance it opens a form, not a window, and its name says no more.
    await page.getByRole("button", { name: "Partager sur Mastodon", exact: true }).click();
    const field = page.getByLabel("Votre instance Mastodon");
    await page.waitForFunction(() => document.activeElement.shadowRoot.activeElement?.id === "kq-mastodon-instance");
    await field.fill("@moi@piaille.fr");
    const [popup] = await Promise.all([context.waitForEvent("page"), field.press("Enter")]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    assert.equal(opened.origin + opened.pathname, "https://piaille.fr/share");
    assert.equal(opened.searchParams.get("text"), `${seed.headline} ${CANONICAL}`);

    await page.reload();
    await page.getByRole("button", { name: "Plus d’options de partage" }).click();
    const link = page.getByRole("link", { name: "Partager sur Mastodon (s’ouvre dans une nouvelle fenêtre)" });
    assert.match(await link.getAttribute("href"), /^https:\/\/piaille\.fr\/share\?text=/);
    await context.close();
  });

  test("print prints, and publishers choose networks, count, style and campaign tags", async () => {
    const path = "/host?data-share-networks=telegram,print,x&data-share-visible=2&data-share-style=labels"
      + "&data-share-campaign=" + encodeURIComponent("utm_source={network}&utm_medium=social");
    const { context, page } = await open(path, { init: () => { window.printed = 0; window.print = () => window.printed++; } });
    const buttons = page.locator(".kq-share-list:not([hidden]) li > *");
    assert.deepEqual(await buttons.allInnerTexts(), ["Telegram", "Imprimer", "Plus"]);
    assert.equal(await page.locator(".kq-share svg").count(), 0, "labels only");
    const telegram = new URL(await page.locator("a.kq-net-telegram").getAttribute("href"));
    assert.equal(telegram.searchParams.get("url"), `${CANONICAL}?utm_source=telegram&utm_medium=social`);
    await page.getByRole("button", { name: "Imprimer" }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    await context.close();
  });

  test("Pinterest appears for an article with an image", async () => {
    const { context, page } = await open("/host?data-article=bamako-ecole-de-code-developpeuses&data-share-visible=14");
    const pin = page.getByRole("link", { name: /^Partager sur Pinterest/ });
    const media = new URL(await pin.getAttribute("href")).searchParams.get("media");
    assert.match(media, /^http:\/\/127\.0\.0\.1:\d+\/data\/images\/ecole-de-code\.svg$/);
    await context.close();
  });
});

describe("follow call to action", () => {
  test("a publisher can replace it or hide it", async () => {
    const custom = await open("/host?data-follow-url=https://t.me/nasuba&data-follow-text=Rejoignez-nous%20sur%20Telegram&data-follow-network=telegram");
    const link = custom.page.getByRole("link", { name: /^Rejoignez-nous sur Telegram/ });
    assert.equal(await link.getAttribute("href"), "https://t.me/nasuba");
    await custom.context.close();

    const hidden = await open("/host?data-follow=none");
    assert.equal(await hidden.page.locator(".kq-follow").count(), 0);
    await hidden.context.close();
  });

  test("a bad attribute is named inside the widget", async () => {
    const { context, page } = await open("/host?data-share-networks=whatsapp,pocket");
    assert.match(await page.getByRole("alert").textContent(), /data-share-networks/);
    assert.ok(await page.locator(".kq-share").isVisible(), "the rest of the widget still works");
    await context.close();
  });
});
