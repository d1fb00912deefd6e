// What every end-to-end test needs: a static server for the release build (dist/) with a few
// test-only routes, and Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist");
const FIXTURES = path.join(ROOT, "tests", "fixtures");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/// The policy every test page is served with: what the README tells publishers the widget
/// needs, and no more.
export const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

const headersFor = (type, { csp = true } = {}) => ({
  "content-type": type,
  "cache-control": "no-store",
  ...(csp && type.startsWith("text/html") ? { "content-security-policy": CSP } : {}),
});

/// Compressed copies of served files, by path, modification time and encoding: brotli at
/// its best quality takes a second on the wasm, once (large generated feeds get a quicker one).
const compressed = new Map();

/// `body` compressed as the request accepts (brotli, else gzip), as any publisher's server or
/// CDN sends text and wasm; `null` when the request accepts neither.
function compress(request, target, info, body) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
  if (!encoding) return null;
  const key = `${target}:${info.mtimeMs}:${encoding}${request.probe ? ":probe" : ""}`;
  if (!compressed.has(key)) {
    const bytes = encoding === "br"
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length < 1 << 20 ? 11 : 5 } })
      : gzipSync(body, { level: 9 });
    compressed.set(key, bytes);
  }
  return { encoding, bytes: compressed.get(key) };
}

/// Serves `dir` safely: no path may climb out of it. Text and wasm go compressed.
async function serveFile(dir, urlPath, request, response, { cache = false } = {}) {
  const file = path.join(dir, path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ""));
  if (!file.startsWith(dir)) return notFound(response);
  try {
    let info = await stat(file);
    const target = info.isDirectory() ? path.join(file, "index.html") : file;
    if (target !== file) info = await stat(target);
    const type = TYPES[path.extname(target)] ?? "application/octet-stream";
    const raw = await readFile(target);
    const body = request.probe && type.startsWith("text/html") ? Buffer.from(withProbe(raw.toString("utf8"))) : raw;
    const packed = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/.test(type) ? compress(request, target, info, body) : null;
    const headers = { ...headersFor(type), vary: "accept-encoding" };
    // Pages and data are fetched again each time; the widget's code may be kept, as on a CDN.
    if (cache && !/^(text\/html|application\/json)/.test(type)) headers["cache-control"] = "public, max-age=3600";
    if (packed) headers["content-encoding"] = packed.encoding;
    response.writeHead(200, headers);
    response.end(packed ? packed.bytes : body);
  } catch {
    notFound(response);
  }
}

function notFound(response) {
  response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  response.end("<!doctype html><title>404</title><h1>Not found</h1>");
}

const escapeAttribute = (value) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/// The demo page as a test's host page: `?src=` replaces data-src, and every `data-*`
/// parameter becomes an attribute of the widget's element (`?data-share-visible=2`).
async function hostPage(url, response) {
  let html = await readFile(path.join(DIST, "index.html"), "utf8");
  const src = url.searchParams.get("src") ?? "data/feed.json";
  const attributes = [...url.searchParams]
    .filter(([name]) => /^data-[a-z-]+$/.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  html = html
    .replace(/<link rel="preload" href="data\/feed.json"[^>]*>/, "")
    .replace('data-src="data/feed.json"', `data-src="${escapeAttribute(src)}"${attributes}`);
  // ?csp=off: to test what the sanitizer alone stops, without the policy's second line.
  response.writeHead(200, headersFor(TYPES[".html"], { csp: url.searchParams.get("csp") !== "off" }));
  response.end(html);
}

/// A feed with one article per XSS vector: the payload as its title and as its HTML body.
async function xssFeed(response) {
  const { vectors } = JSON.parse(await readFile(path.join(FIXTURES, "xss-vectors.json"), "utf8"));
  const items = vectors.map(({ id, payload }) => ({
    id: `v${id}`,
    title: payload,
    content_html: payload,
    summary: payload,
    date_published: "2026-02-02T10:00:00+00:00",
    _kiosque: { section: `vector-${id}` },
  }));
  response.writeHead(200, headersFor(TYPES[".json"]));
  response.end(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "XSS corpus", items }));
}

/// A server that misbehaves in every way a feed's server can: `/fault/<kind>`.
function fault(kind, response) {
  const json = "application/json; charset=utf-8";
  switch (kind) {
    case "404":
      return notFound(response);
    case "500":
      response.writeHead(500, { "content-type": json });
      return response.end('{"code":"internal_server_error"}');
    case "slow":
      // Longer than the 2 s the fault page gives this widget.
      return setTimeout(() => {
        response.writeHead(200, { "content-type": json });
        response.end('{"items":[]}');
      }, 4000).unref();
    case "truncated":
      response.writeHead(200, { "content-type": json });
      return response.end('{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","title":"Cut sh');
    case "huge":
    case "huge-unannounced": {
      const chunk = Buffer.alloc(1024 * 1024, " ");
      const total = 50;
      const headers = { "content-type": json };
      if (kind === "huge") headers["content-length"] = String(total * chunk.length + 2);
      response.writeHead(200, headers);
      response.write("[");
      let sent = 0;
      const more = () => {
        while (sent < total) {
          sent += 1;
          if (!response.write(chunk)) return response.once("drain", more);
        }
        response.end("]");
      };
      response.on("error", () => {});
      return more();
    }
    case "html":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return response.end("<!doctype html><title>Maintenance</title><p>Back soon.</p>");
    case "loop":
      response.writeHead(302, { location: "/fault/loop" });
      return response.end();
    default:
      return notFound(response);
  }
}

/// The namespaces a WordPress site without plugins lists in its REST index.
const CORE_NAMESPACES = ["oembed/1.0", "wp/v2", "wp-site-health/v1", "wp-block-editor/v1"];
/// What WP Popular Posts adds to them.
const POPULAR_NAMESPACES = ["wordpress-popular-posts/v1", "wordpress-popular-posts/v2"];

/// A REST index (`/wp-json/`) listing `namespaces`, as WordPress answers it: with
/// `?_fields=namespaces`, that member alone; without, the site and its routes too.
function restIndex(url, namespaces) {
  const fields = (url.searchParams.get("_fields") ?? "").split(",").map((field) => field.trim()).filter(Boolean);
  const whole = { name: "Site", description: "", url: url.origin, home: url.origin, gmt_offset: "0", namespaces, authentication: [], routes: {} };
  return fields.length === 0 ? whole : Object.fromEntries(Object.entries(whole).filter(([key]) => fields.includes(key)));
}

/// Sends `body` (a value, or JSON text sent as it is) as WordPress does.
function sendJson(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

const noRoute = { code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } };

/// A WordPress site made of the adapter's fixtures: `/wp/` has WP Popular Posts, `/wp-nopop/`
/// does not. The listing is served two posts per page whatever `per_page` asks, to page.
async function wordpress(url, response) {
  const read = async (name) => JSON.parse(await readFile(path.join(FIXTURES, "wordpress", `${name}.json`), "utf8"));
  const json = (status, body, headers = {}) => sendJson(response, status, body, headers);
  const popularPlugin = !url.pathname.startsWith("/wp-nopop/");
  const route = url.pathname.replace(/^\/wp(-nopop)?\/wp-json\//, "");
  if (route === "") return json(200, restIndex(url, popularPlugin ? [...CORE_NAMESPACES, ...POPULAR_NAMESPACES] : CORE_NAMESPACES));
  if (route === "wp/v2/posts") {
    const posts = await read("posts");
    const slug = url.searchParams.get("slug");
    if (slug !== null) {
      const extra = await read("post-by-slug");
      return json(200, [...posts, ...extra].filter((post) => post.slug === slug));
    }
    const page = Number(url.searchParams.get("page") ?? "1");
    const pages = Math.ceil(posts.length / 2);
    return json(200, posts.slice((page - 1) * 2, page * 2), { "x-wp-total": String(posts.length), "x-wp-totalpages": String(pages) });
  }
  if (route === "wordpress-popular-posts/v1/popular-posts") {
    if (!popularPlugin) return json(404, await read("error-no-route"));
    return json(200, await read("popular"));
  }
  return json(404, await read("error-no-route"));
}

/// The real WordPress sites of tests/fixtures/realworld/wordpress/<site>/, at `/wp-real/<site>/`,
/// answering from their saved answers alone. Each `posts*.json` file is one page of the
/// listing, sent byte for byte whatever `per_page` asks (demo-worona-org's two pages hold 5
/// posts each); `?slug=` and `/posts/<id>` pick from all pages; `categories.json`, where saved,
/// is `/wp/v2/categories`. No site has WP Popular Posts: its route is not there.
async function realWordPress(url, response) {
  const [, site, route] = url.pathname.match(/^\/wp-real\/([a-z0-9-]+)\/wp-json\/(.*)$/) ?? [];
  const json = (status, body, headers = {}) => sendJson(response, status, body, headers);
  const dir = path.join(FIXTURES, "realworld", "wordpress", site ?? "");
  const files = await readdir(dir).catch(() => null);
  if (!site || !files) return json(404, noRoute);
  const pageNumber = (name) => Number(name.match(/-page-(\d+)\.json$/)?.[1] ?? 1);
  const pageFiles = files.filter((name) => /^posts(-page-\d+)?\.json$/.test(name)).sort((a, b) => pageNumber(a) - pageNumber(b));
  const pages = await Promise.all(pageFiles.map((name) => readFile(path.join(dir, name), "utf8")));
  const posts = pages.flatMap((page) => JSON.parse(page));
  const counts = (total, totalPages) => ({ "x-wp-total": String(total), "x-wp-totalpages": String(totalPages) });

  if (route === "") return json(200, restIndex(url, CORE_NAMESPACES));
  if (route === "wp/v2/posts") {
    const slug = url.searchParams.get("slug");
    if (slug !== null) {
      const found = posts.filter((post) => post.slug === slug);
      return json(200, found, counts(found.length, found.length > 0 ? 1 : 0));
    }
    const page = Number(url.searchParams.get("page") ?? "1");
    if (!Number.isInteger(page) || page < 1 || page > pages.length) {
      return json(400, { code: "rest_post_invalid_page_number", message: "The page number requested is larger than the number of pages available.", data: { status: 400 } });
    }
    return json(200, pages[page - 1], counts(posts.length, pages.length));
  }
  const byId = route.match(/^wp\/v2\/posts\/(\d+)$/);
  if (byId) {
    const post = posts.find((candidate) => String(candidate.id) === byId[1]);
    if (post) return json(200, post);
    return json(404, { code: "rest_post_invalid_id", message: "Invalid post ID.", data: { status: 404 } });
  }
  if (route === "wp/v2/categories" && files.includes("categories.json")) {
    return json(200, await readFile(path.join(dir, "categories.json"), "utf8"));
  }
  return json(404, noRoute);
}

/// A page with one widget: `/part?part=share` (no feed), `/part?part=popular&src=…` (not
/// `kiosque=`, which names the article shown); every `data-*` parameter becomes an attribute
/// of the widget's element.
function partPage(url, response) {
  const attributes = [...url.searchParams]
    .filter(([name]) => name === "part" || name === "src" || /^data-[a-z-]+$/.test(name))
    .map(([name, value]) => ` ${name === "part" ? "data-kiosque" : name.startsWith("data-") ? name : `data-${name}`}="${escapeAttribute(value)}"`)
    .join("");
  response.writeHead(200, headersFor(TYPES[".html"]));
  response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Une partie de Kiosque</title><link rel="icon" href="data:,">
<script type="module" src="/kiosque.js"></script></head><body><main><h1>Page de l’éditeur</h1>
<div id="widget"${attributes}><p><a href="https://www.nasubainfos.example/">Nasuba Infos</a></p></div></main></body></html>`);
}

/// Two widgets waiting for the same slow feed.
function sharedSlowPage(response) {
  response.writeHead(200, headersFor(TYPES[".html"]));
  const widget = (id) => `<div id="${id}" data-kiosque="more" data-lang="en" data-timeout="2" data-src="/fault/slow"></div>`;
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shared</title>
<script type="module" src="/kiosque.js"></script></head><body>${widget("first")}${widget("second")}</body></html>`);
}

/// One widget per fault, and one with a good feed, on a single page.
export const FAULTS = ["404", "500", "slow", "truncated", "huge", "huge-unannounced", "html", "loop", "cors"];

/// What the widget says of each fault, in English.
export const FAULT_MESSAGES = {
  "404": /HTTP 404/,
  "500": /HTTP 500/,
  slow: /taking too long/,
  truncated: /malformed or incomplete/,
  huge: /too large/,
  "huge-unannounced": /too large/,
  html: /sent a page instead of JSON/,
  loop: /could not be reached/,
  cors: /could not be reached/,
};

/// What may not be left in the widget's rendering of untrusted content. It runs in the page
/// (passed to `evaluate`), so it uses nothing from outside its own body.
export function xssDangers() {
  const root = document.querySelector("[data-kiosque]").shadowRoot;
  const found = [];
  const FORBIDDEN = "script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, isindex, keygen";
  const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "data", "ping", "cite"];
  const dangerous = (value) => /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""));
  for (const region of root.querySelectorAll(".kq-article, .kq-more, .kq-popular")) {
    // The range buttons, "load more", the video placeholders' buttons, the reading tools and
    // the style sheets that come with a part's code are the widget's own.
    for (const element of region.querySelectorAll(FORBIDDEN)) {
      if (!element.matches(".kq-range, .kq-load-more, .kq-video-load, .kq-tools *, .kq-deferred > style")) found.push(`<${element.localName}>`);
    }
    for (const element of region.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) found.push(`${element.localName}[${name}]`);
        if (name === "style" || name === "srcdoc" || name === "formaction") found.push(`${element.localName}[${name}]`);
        if (URL_ATTRIBUTES.includes(name) && dangerous(attribute.value)) found.push(`${element.localName}[${name}=${attribute.value}]`);
      }
    }
  }
  return found;
}


function faultPage(url, response) {
  // Another origin (localhost is not 127.0.0.1) that sends no CORS headers: refused.
  const port = String(response.req.headers.host ?? "").split(":")[1];
  const crossOrigin = `http://localhost:${port}/data/feed.json`;
  const widgets = FAULTS.map((kind) => {
    const src = kind === "cors" ? crossOrigin : `/fault/${kind}`;
    // Only the slow feed may time out: the others fail their own way however busy the
    // machine is (two 50 MB answers share the server with the redirect loop).
    const timeout = kind === "slow" ? 2 : 30;
    return `<div id="fault-${kind}" data-kiosque="more" data-lang="en" data-timeout="${timeout}" data-src="${src}"></div>`;
  }).join("\n");
  response.writeHead(200, headersFor(TYPES[".html"]));
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faults</title>
<script type="module" src="/kiosque.js"></script></head><body>
<div id="good" data-kiosque="popular" data-lang="en" data-src="/data/feed.json"></div>
${widgets}
</body></html>`);
}

/// The test probe (tests/e2e/probe.js) and axe-core, served to pages of a probing server.
const TEST_FILES = {
  "/__kiosque-test/probe.js": path.join(ROOT, "tests", "e2e", "probe.js"),
  "/__kiosque-test/axe.js": path.join(ROOT, "node_modules", "axe-core", "axe.min.js"),
};

/// `html` with the probe's script as the first thing its head runs: a classic script from the
/// page's own origin, which the strict CSP allows.
function withProbe(html) {
  const tag = '<script src="/__kiosque-test/probe.js"></script>';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => head + tag);
  if (/<!doctype[^>]*>/i.test(html)) return html.replace(/<!doctype[^>]*>/i, (doctype) => doctype + tag);
  return tag + html;
}

/// Makes every HTML page `response` sends carry the probe (pages the routes build in memory;
/// files get it in serveFile, before they are compressed).
function probeHtml(response) {
  const { end } = response;
  response.end = function (body, ...rest) {
    const type = String(response.getHeader("content-type") ?? "");
    if (type.startsWith("text/html") && !response.getHeader("content-encoding") && body !== undefined && typeof body !== "function") {
      body = withProbe(String(body));
    }
    return end.call(this, body, ...rest);
  };
  const { writeHead } = response;
  // Headers given to writeHead are not visible to getHeader: set them first.
  response.writeHead = function (status, headers, ...rest) {
    if (headers && typeof headers === "object") {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      return writeHead.call(this, status, ...rest);
    }
    return writeHead.call(this, status, headers, ...rest);
  };
}

/// Starts the server on a free port of 127.0.0.1; resolves to { origin, close }. `mounts`
/// serves more folders: `{ "/layout/": "/tmp/…" }`.
/// `cache`: let the browser keep the widget's files (script, glue, wasm, CSS, images), as a
/// publisher's CDN would, to measure a returning reader; tests leave it off.
/// `probe`: put tests/e2e/probe.js at the top of every HTML page (the cross-engine suite's
/// recorder of errors, CSP violations and XSS hits, for engines without an init-script hook),
/// and serve it and axe-core under /__kiosque-test/.
export async function startServer({ mounts = {}, cache = false, probe = false } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (probe) {
      if (TEST_FILES[url.pathname]) {
        response.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" });
        return response.end(await readFile(TEST_FILES[url.pathname]));
      }
      request.probe = true;
      probeHtml(response);
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (url.pathname.startsWith(prefix)) return serveFile(dir, url.pathname.slice(prefix.length - 1), request, response);
    }
    if (url.pathname === "/host") return hostPage(url, response);
    if (url.pathname === "/faults") return faultPage(url, response);
    if (url.pathname === "/part") return partPage(url, response);
    if (url.pathname === "/shared-slow") return sharedSlowPage(response);
    if (url.pathname === "/xss-feed.json") return xssFeed(response);
    if (/^\/wp(-nopop)?\/wp-json\//.test(url.pathname)) return wordpress(url, response);
    if (url.pathname.startsWith("/wp-real/")) return realWordPress(url, response);
    if (url.pathname.startsWith("/fault/")) return fault(url.pathname.slice("/fault/".length), response);
    if (url.pathname.startsWith("/fixtures/")) {
      return serveFile(FIXTURES, url.pathname.slice("/fixtures".length), request, response);
    }
    return serveFile(DIST, url.pathname, request, response, { cache });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/// Debian's Chromium, headless, with the flags this machine needs (no background traffic).
export const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export function launchBrowser() {
  return chromium.launch(CHROMIUM_OPTIONS);
}

/// Records what a page does that a test may want to refuse: console errors, uncaught
/// exceptions, and every request it makes.
export function watch(page) {
  const seen = { errors: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("request", (request) => seen.requests.push(request.url()));
  return seen;
}

/// The paragraphs of the seed page, as the reference for what the demo must show.
export async function seedPage() {
  const lines = (await readFile(path.join(FIXTURES, "seed-page.txt"), "utf8"))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    dateLine: lines[0],
    headline: lines[1],
    paragraphs: lines.slice(2, 9),
    follow: lines[9],
  };
}

/// For a test file: starts the server and the browser before its tests and stops them after.
/// The returned object's `server` and `browser` are set once the tests run.
export function serverAndBrowser(options) {
  const env = {};
  before(async () => {
    [env.server, env.browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
