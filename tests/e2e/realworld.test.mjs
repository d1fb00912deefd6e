// The release build on documents real sites wrote (tests/fixtures/realworld/, described in its
// SOURCES.md): 8 JSON Feeds served as they are, and 3 WordPress sites emulated from their saved
// answers (support.mjs, /wp-real/<site>/). Each shows the article SOURCES.md names, decoded,
// with its body and both lists, without a console error. Their bodies point at the real sites:
// every request that leaves 127.0.0.1 is answered here with a tiny image and noted, and before
// any click the widget may have asked only for images it shows.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, serverAndBrowser, watch } from "./support.mjs";

const env = serverAndBrowser();

const REALWORLD = path.join(ROOT, "tests", "fixtures", "realworld");
/// A transparent 1×1 GIF: the answer to every request for another host.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
/// What the most-read list says when a source has no view counts, as none of these has.
const NO_RANKING = "Pas encore de classement\u00a0: voici les derniers articles.";

async function open(address) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      outside.push({ url: route.request().url(), type: route.request().resourceType() });
      return route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL });
    },
  );
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(env.server.origin + address);
  await page.locator("h1").waitFor();
  return { page, seen, outside, context };
}

/// The article, its body and both lists are there; nothing was logged as an error; and what
/// was asked of other hosts so far were images the widget shows. Those outside the article's
/// body (the lead image, the lists' thumbnails, all chosen by the feed) are reported.
async function checkArticle(t, { page, seen, outside }, headline) {
  assert.equal(await page.locator("h1").textContent(), headline);
  assert.equal(await page.locator("[role=alert]").count(), 0);
  assert.ok((await page.locator(".kq-body p").count()) > 0, "the body has paragraphs");
  await page.locator(".kq-more ul > li").first().waitFor();
  await page.locator(".kq-popular ol > li").first().waitFor();
  assert.equal(await page.locator(".kq-more h2").textContent(), "Plus d’actualités");
  assert.equal(await page.locator(".kq-popular h2").textContent(), "Articles populaires");
  assert.equal(await page.locator(".kq-popular .kq-note").textContent(), NO_RANKING);
  for (const title of [...await page.locator(".kq-teaser-title").allTextContents(), headline]) {
    assert.doesNotMatch(title, /&(#\d+|#x[\da-f]+|[a-z]+);/i, "no character reference left in a title");
  }
  assert.deepEqual(seen.errors, []);

  // An image with a srcset is downloaded in the width the browser chose (currentSrc).
  const shown = await page.locator(".kq img").evaluateAll((images) =>
    images.map((image) => ({ sources: [image.src, image.currentSrc], inBody: Boolean(image.closest(".kq-body")) })));
  const notShown = outside.filter(({ url, type }) => type !== "image" || !shown.some((image) => image.sources.includes(url)));
  assert.deepEqual(notShown, [], "only images the widget shows are asked of other hosts");
  const besideBody = outside.filter(({ url }) => !shown.some((image) => image.inBody && image.sources.includes(url)));
  if (besideBody.length > 0) {
    t.diagnostic(`images outside the body, asked of other hosts: ${besideBody.map(({ url }) => url).join(" ")}`);
  }
}

const feedPage = (file, article) =>
  `/host?src=/fixtures/realworld/jsonfeed/${file}.json${article ? `&data-article=${encodeURIComponent(article)}` : ""}`;

const hostsAsked = (outside) => outside.map(({ url }) => new URL(url).hostname);

describe("JSON Feeds from real sites", () => {
  test("journal.3960.org: a title with <i> and <b> shows them as text", async (t) => {
    const opened = await open(feedPage("journal-3960-org", "user/posts/2019-05-08-rueckkehr-von-b-und-i/index.md"));
    await checkArticle(t, opened, "Die Rückkehr von <i> und <b>");
    const { page, context } = opened;
    assert.equal(await page.locator("h1 *").count(), 0, "no element in the headline");
    assert.equal(await page.locator(".kq-body code").first().textContent(), "<i>");
    // The tracking pixel stays an image of the body, without its style.
    assert.equal(await page.locator(".kq-body img[style]").count(), 0);
    await context.close();
  });

  test("curtclifton.net: dates without an offset show the day written, and the Vimeo player waits", async (t) => {
    const opened = await open(feedPage("curtclifton-net", "let-s-build-a-reactive-programming-library"));
    await checkArticle(t, opened, "Let’s Build a Reactive Programming Library");
    const { page, outside, context } = opened;
    const dateline = page.locator(".kq-dateline");
    assert.equal(await dateline.textContent(), "vendredi 5 août 2016");
    assert.equal(await dateline.getAttribute("datetime"), "2016-08-05T07:00:00+00:00");
    // Every item of the list is dated, newest first (2018-01-06T08:00).
    const items = page.locator(".kq-more ul > li");
    assert.equal(await items.locator("time").count(), await items.count());
    assert.equal(await items.first().locator("time").textContent(), "6 janvier 2018");
    // A relative link resolves against the item's address (www.), not the feed's.
    assert.equal(await page.locator('.kq-body a[href="http://www.curtclifton.net/live-coding-at-xcoders"]').count(), 1);
    // Vimeo is asked for nothing until the reader starts the video.
    assert.ok(!hostsAsked(outside).some((host) => host.endsWith("vimeo.com")));
    await page.getByRole("button", { name: "Lire la vidéo (Vimeo)" }).click();
    assert.equal(await page.locator(".kq-body iframe").getAttribute("src"), "https://player.vimeo.com/video/176687322?dnt=1");
    await context.close();
  });

  test("rosemaryorchard.com: HTML-escaped titles read as text", async (t) => {
    const opened = await open(feedPage("rosemaryorchard-com", "wireless_charging_standardises"));
    await checkArticle(t, opened, "\"Wireless\" charging standardises");
    const { page, context } = opened;
    const titles = await page.locator(".kq-more .kq-teaser-title").allTextContents();
    assert.equal(titles[0], "Workflow: Add Task & Sub Tasks To OmniFocus");
    await context.close();
  });

  test("leancrew.com: the embedded tweet's script is gone, its text stays", async (t) => {
    const opened = await open(feedPage("leancrew-com-all-this", "http://leancrew.com/all-this/2017/11/command-e/"));
    await checkArticle(t, opened, "Command-E");
    const { page, outside, context } = opened;
    assert.equal(await page.locator(".kq script").count(), 0);
    assert.match(await page.locator(".kq-body blockquote").first().textContent(), /Per today's/);
    assert.ok(!hostsAsked(outside).includes("platform.twitter.com"));
    await context.close();
  });

  test("pxlnv.com: a JSON Feed 1 link log, its title's references decoded", async (t) => {
    const opened = await open(feedPage("pxlnv-com", "https://pxlnv.com/linklog/fcc-verizon-jokes/"));
    await checkArticle(t, opened, "FCC Says Releasing ‘Jokes’ It Wrote About Ajit Pai Colluding With Verizon Would ‘Harm’ Agency");
    await opened.context.close();
  });

  test("hypercritical.co: a relative image resolves against the item's address", async (t) => {
    const opened = await open(feedPage("hypercritical-co", "http://hypercritical.co/2016/12/18/the-last-guardian"));
    await checkArticle(t, opened, "The Last Guardian");
    const { page, seen, outside, context } = opened;
    const image = page.locator(".kq-body img").first();
    assert.equal(await image.getAttribute("src"), "http://hypercritical.co/2016/12/18/images/trico1.jpg");
    // It is at the top of the article: the browser asks for it at once.
    await image.evaluate((img) => img.decode());
    assert.ok(outside.some(({ url }) => url === "http://hypercritical.co/2016/12/18/images/trico1.jpg"));
    assert.ok(!seen.requests.some((url) => url.includes("/images/trico1.jpg") && url.startsWith(env.server.origin)));
    await context.close();
  });

  test("maybepizza.com: oldest first in the feed, newest first in the lists", async (t) => {
    const feed = JSON.parse(await readFile(path.join(REALWORLD, "jsonfeed", "maybepizza-com.json"), "utf8"));
    const newestFirst = feed.items.slice(1).sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published));
    const opened = await open(feedPage("maybepizza-com"));
    // The widget's default article: the feed's first item.
    await checkArticle(t, opened, "GE's Monogram Pizza Oven Is Probably a Bad Idea");
    const { page, context } = opened;
    assert.deepEqual(await page.locator(".kq-more .kq-teaser-title").allTextContents(), newestFirst.slice(0, 6).map((item) => item.title));
    assert.deepEqual(await page.locator(".kq-popular .kq-teaser-title").allTextContents(), newestFirst.slice(0, 5).map((item) => item.title));
    await context.close();
  });

  test("daringfireball.net: JSON Feed 1.1 with authors only", async (t) => {
    const opened = await open(feedPage("daringfireball-net-1.1", "https://daringfireball.net/2021/02/apple_mail_and_hidden_tracking_images"));
    await checkArticle(t, opened, "★ Apple Mail and Hidden Tracking Images");
    assert.match(await opened.page.locator(".kq-byline").textContent(), /^Par John Gruber/);
    await opened.context.close();
  });
});

const wpPage = (site, article) => `/host?src=/wp-real/${site}/&data-format=wordpress&data-article=${encodeURIComponent(article)}`;

/// The REST requests a page made, as URLs.
const restRequests = (seen) => seen.requests.filter((url) => url.includes("/wp-json/")).map((url) => new URL(url));

/// The site was asked once whether it has WP Popular Posts, and, having it not, never for it.
function checkNoPopularRoute(seen, site) {
  const index = restRequests(seen).filter((url) => url.pathname === `/wp-real/${site}/wp-json/`);
  assert.deepEqual(index.map((url) => url.search), ["?_fields=namespaces"]);
  assert.deepEqual(restRequests(seen).filter((url) => url.pathname.includes("popular-posts")), []);
}

describe("WordPress sites from their saved answers", () => {
  test("demo.worona.org: a post only the second page lists, found by its slug; paging by X-WP-TotalPages", async (t) => {
    const opened = await open(wpPage("demo-worona-org", "iceland"));
    await checkArticle(t, opened, "The Land of Fire & Ice");
    const { page, seen, context } = opened;
    assert.match(await page.locator(".kq-byline").textContent(), /^Par Luis Herranz/);
    assert.equal(restRequests(seen).filter((url) => url.searchParams.get("slug") === "iceland").length, 1);
    checkNoPopularRoute(seen, "demo-worona-org");
    // Five posts a page: the first page's five, then the second's but the one being read.
    const items = page.locator(".kq-more ul > li");
    assert.equal(await items.count(), 5);
    await page.getByRole("button", { name: "Plus d’articles" }).click();
    await items.nth(8).waitFor();
    assert.equal(await items.count(), 9);
    assert.equal(restRequests(seen).filter((url) => url.searchParams.get("page") === "2").length, 1);
    assert.ok(!(await page.locator(".kq-more .kq-teaser-title").allTextContents()).includes("The Land of Fire & Ice"));
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("agenius.ru: a post of digits asked by id, without _embed, its scripts gone", async (t) => {
    const opened = await open(wpPage("agenius-ru", "5331"));
    await checkArticle(t, opened, "Немного о media-queries и брейкпойнтах");
    const { page, seen, outside, context } = opened;
    assert.equal(restRequests(seen).filter((url) => url.pathname === "/wp-real/agenius-ru/wp-json/wp/v2/posts/5331").length, 1);
    checkNoPopularRoute(seen, "agenius-ru");
    // The site's wall-clock time (+04:00): just after midnight on the 8th, the 7th in UTC.
    assert.equal(await page.locator(".kq-dateline").textContent(), "mardi 8 décembre 2015");
    assert.equal(await page.locator(".kq script").count(), 0);
    assert.ok(!hostsAsked(outside).includes("gist.github.com"));
    // Untitled asides and quotes are listed under the start of their excerpt.
    for (const title of await page.locator(".kq-teaser-title").allTextContents()) {
      assert.ok(title.length > 0 && [...title].length <= 91, title);
    }
    await context.close();
  });

  test("tomchild5.wordpress.com: error objects for the author and the image leave them out", async (t) => {
    const opened = await open(wpPage("tomchild5-wordpress-com", "tech-giants-ai-investment-surge"));
    await checkArticle(t, opened, "Tech Giants’ AI Investment\u00a0Surge");
    const { page, seen, context } = opened;
    checkNoPopularRoute(seen, "tomchild5-wordpress-com");
    assert.doesNotMatch(await page.locator(".kq-byline").textContent(), /^Par/);
    assert.equal(await page.locator(".kq-article img").count(), 0);
    assert.equal(await page.locator(".kq-dateline").textContent(), "vendredi 27 juin 2025");
    await context.close();
  });
});
