// What every end-to-end test needs: a static server for the release build (dist/) with a few
// test-only routes, and Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

/// Serves `dir` safely: no path may climb out of it.
async function serveFile(dir, urlPath, response) {
  const file = path.join(dir, path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ""));
  if (!file.startsWith(dir)) return notFound(response);
  try {
    const info = await stat(file);
    const target = info.isDirectory() ? path.join(file, "index.html") : file;
    const body = await readFile(target);
    response.writeHead(200, {
      "content-type": TYPES[path.extname(target)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(body);
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
  response.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
  response.end(html);
}

/// Starts the server on a free port of 127.0.0.1; resolves to { origin, close }.
export async function startServer() {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (url.pathname === "/host") return hostPage(url, response);
    if (url.pathname.startsWith("/fixtures/")) {
      return serveFile(FIXTURES, url.pathname.slice("/fixtures".length), response);
    }
    return serveFile(DIST, url.pathname, response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/// Debian's Chromium, headless, with the flags this machine needs (no background traffic).
export function launchBrowser() {
  return chromium.launch({
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
  });
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
