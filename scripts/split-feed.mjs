#!/usr/bin/env node
// Splits one big Kiosque feed (JSON Feed 1.1 + `_kiosque`) into static files a plain web
// server or CDN can serve, so that a reader downloads a page of teasers, the one article
// they read and a short popular list — never the whole archive.
//
// Only node: built-ins; no dependencies. See USAGE below, or run with --help.

import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const USAGE = `usage: node scripts/split-feed.mjs <big-feed.json> <out-dir> [--page-size 20] [--popular 20]

Reads one JSON Feed 1.1 (Kiosque's native feed) and writes into <out-dir>:
  feed.json, page-2.json, …  the listing, newest first (date_published; undated last, in feed
                             order), --page-size teasers per file, chained by next_url.
                             Teasers keep id, url, title, summary, image, banner_image, dates,
                             author(s), tags, language and _kiosque, but no content_html or
                             content_text.
  articles/<id>.json         one file per article, holding the full item, named after its id
                             as it is ("café crème" gives "café crème.json"). The widget asks
                             for articles/{id}.json with the id percent-encoded, which the
                             server decodes back to that name.
  popular.json               the union of the --popular most-viewed items over each range
                             (24h, 7d, 30d, all), as teasers, ordered by all-time views.

Items are skipped, with a warning on stderr, when their id is not a non-blank string or a
number, when it repeats an earlier id, or when it contains "/" or "\\" or is "." or "..":
such ids cannot name a file that every static server maps back to the same article.
Numeric ids are written as strings. Files in <out-dir> that an earlier run left and this
one does not write are reported, not deleted.

Options:
  --page-size N   teasers per listing file (default 20, at least 1)
  --popular N     items per range in popular.json (default 20, 0 for an empty list)
  -h, --help      this text`;

const TEASER_FIELDS = new Set([
  "id", "url", "title", "summary", "image", "banner_image", "date_published", "date_modified",
  // `author` is JSON Feed 1.0's byline, which the widget reads when `authors` is absent.
  "authors", "author", "tags", "language", "_kiosque",
]);
const RANGES = ["24h", "7d", "30d", "all"];
const ALL = 3;
const WARNINGS_PER_KIND = 10;
const SHORT_TOP = 200;

/** The file name (relative to the output directory) of an article. */
export function articlePath(id) {
  // The raw id: the widget percent-encodes it in the URL, and the server decodes it back.
  return `articles/${id}.json`;
}

/** A count as the widget reads it: a non-negative number (truncated) or a string of digits
 *  grouped by spaces, commas, underscores or no-break spaces; `undefined` otherwise. */
export function parseCount(value) {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.trunc(value) : undefined;
  }
  if (typeof value === "string") {
    const digits = value.trim().replace(/[ ,_\u00a0\u202f]/g, "");
    return /^[0-9]+$/.test(digits) ? Number(digits) : undefined;
  }
  return undefined;
}

/** The item's counts, in RANGES order (`undefined` where absent): one count means all time,
 *  an object gives each range. */
function viewCounts(item) {
  const counts = [undefined, undefined, undefined, undefined];
  const views = isObject(item._kiosque) ? item._kiosque.views : undefined;
  if (views === undefined || views === null) return counts;
  if (!isObject(views)) {
    counts[ALL] = parseCount(views);
    return counts;
  }
  RANGES.forEach((range, i) => {
    counts[i] = parseCount(views[range]);
  });
  return counts;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 date (what the widget accepts) as [epoch seconds, nanoseconds]; anything else
 *  is `undefined`, which sorts as undated, as the widget treats it. */
export function parseDate(value) {
  if (typeof value !== "string") return undefined;
  const m = RFC3339.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === "-" ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d); // years below 100 are not shifted to 19xx this way
  utc.setUTCHours(h, mi, s, 0);
  const seconds = utc.getTime() / 1000 - offset;
  const nanos = Number((m[7] ?? "").slice(0, 9).padEnd(9, "0"));
  return [seconds, nanos];
}

/** Newer first; undated last. */
function compareDates(a, b) {
  if (a && b) return b[0] - a[0] || b[1] - a[1];
  if (a) return -1;
  if (b) return 1;
  return 0;
}

/** Strings by code point, which is how the widget (Rust, UTF-8 bytes) orders ids. */
function compareCodePoints(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The item's id as the widget reads it (a trimmed non-blank string, or a number as text),
 *  or a reason it cannot be used. */
function readId(item) {
  const raw = item.id;
  if (typeof raw === "number" && Number.isFinite(raw)) {
    return { id: String(raw), lossy: Number.isInteger(raw) && !Number.isSafeInteger(raw) };
  }
  if (typeof raw === "string" && raw.trim() !== "") return { id: raw.trim() };
  return { problem: raw === undefined ? "has no id" : "has no string or number id" };
}

function teaser(item, id) {
  const out = {};
  for (const key of Object.keys(item)) {
    if (TEASER_FIELDS.has(key)) out[key] = key === "id" ? id : item[key];
  }
  return out;
}

/**
 * Splits a parsed feed into the static layout. Returns a Map from relative path
 * ("feed.json", "page-2.json", "articles/<name>.json", "popular.json") to the JSON Feed
 * document to write there, in the order the files should be written (articles first, the
 * listing's entry point last, so a reader never follows a link to a file not yet written).
 *
 * `warn` receives one line per skipped item or other problem (default: stderr).
 */
export function splitFeed(feed, { pageSize = 20, popular = 20, warn = (line) => process.stderr.write(`warning: ${line}\n`) } = {}) {
  if (!isObject(feed) || !Array.isArray(feed.items)) {
    throw new TypeError("not a JSON Feed: the document has no `items` array");
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`page size must be a whole number of at least 1, not ${pageSize}`);
  }
  if (!Number.isSafeInteger(popular) || popular < 0) {
    throw new RangeError(`popular must be a whole number of at least 0, not ${popular}`);
  }

  const warnings = new Map();
  const note = (kind, line) => {
    const seen = (warnings.get(kind) ?? 0) + 1;
    warnings.set(kind, seen);
    if (seen <= WARNINGS_PER_KIND) warn(line);
  };

  // The feed's own fields, for every file. `next_url` is the split's own; `feed_url` names
  // the listing, so only feed.json keeps it.
  const head = {};
  for (const key of Object.keys(feed)) {
    if (key !== "items" && key !== "next_url") head[key] = feed[key];
  }
  const { feed_url: _feedUrl, ...headWithoutFeedUrl } = head;
  const document = (items, { next, isListing = false } = {}) => {
    const doc = { ...(isListing ? head : headWithoutFeedUrl), items };
    if (next !== undefined) doc.next_url = next;
    return doc;
  };

  // Readable items, first of each id, in feed order.
  const entries = [];
  const seenIds = new Set();
  const seenNames = new Map();
  feed.items.forEach((item, index) => {
    if (!isObject(item)) {
      note("not-object", `items[${index}] is not an object; skipped`);
      return;
    }
    const { id, problem, lossy } = readId(item);
    if (problem) {
      note("no-id", `items[${index}] ${problem}; skipped`);
      return;
    }
    if (id.includes("/") || id.includes("\\") || id === "." || id === "..") {
      note("bad-id", `items[${index}] id ${JSON.stringify(id)} cannot name an article file ("/", "\\", "." and ".." are refused); skipped`);
      return;
    }
    if (seenIds.has(id)) {
      note("duplicate", `items[${index}] repeats the id ${JSON.stringify(id)}; skipped (the first one is kept, as the widget does)`);
      return;
    }
    seenIds.add(id);
    if (lossy) {
      note("lossy", `items[${index}] id ${id} is a number beyond 2^53 and may have lost digits when read; write it as a string`);
    }
    const name = articlePath(id);
    const folded = name.toLowerCase();
    if (seenNames.has(folded)) {
      note("case", `items[${index}] file ${name} differs from ${seenNames.get(folded)} only by case; they collide on case-insensitive file systems`);
    } else {
      seenNames.set(folded, name);
    }
    if (!hasText(item.title) && !hasText(item.summary)) {
      note("untitled", `items[${index}] (${JSON.stringify(id)}) has no title or summary, so its teaser shows nothing and the widget skips it in lists`);
    }
    entries.push({ item, id, name, order: index, date: parseDate(item.date_published), views: viewCounts(item) });
  });

  for (const [kind, count] of warnings) {
    if (count > WARNINGS_PER_KIND) warn(`… and ${count - WARNINGS_PER_KIND} more like that (${kind})`);
  }

  const files = new Map();

  // One file per article, with the full item.
  for (const entry of entries) {
    files.set(entry.name, document([{ ...entry.item, id: entry.id }]));
  }

  // popular.json: the top of each range, as the widget would rank them over the whole feed
  // (more views first, then newer, then id), ordered by all-time views.
  const byCount = (a, b) => b.count - a.count || compareDates(a.entry.date, b.entry.date) || compareCodePoints(a.entry.id, b.entry.id);
  const chosen = new Set();
  if (popular > 0) {
    RANGES.forEach((_, r) => {
      // A short top list is kept sorted as the items go by, which spares a full sort of a
      // large feed; a long one comes from a full sort.
      let top = [];
      for (const entry of entries) {
        const count = entry.views[r];
        if (!(count > 0)) continue;
        const row = { count, entry };
        if (popular > SHORT_TOP) {
          top.push(row);
          continue;
        }
        if (top.length === popular && byCount(row, top[popular - 1]) >= 0) continue;
        let at = top.length;
        while (at > 0 && byCount(row, top[at - 1]) < 0) at--;
        top.splice(at, 0, row);
        if (top.length > popular) top.pop();
      }
      if (popular > SHORT_TOP) top = top.sort(byCount).slice(0, popular);
      for (const row of top) chosen.add(row.entry);
    });
  }
  const popularItems = [...chosen]
    .map((entry) => ({ count: entry.views[ALL] ?? -1, entry }))
    .sort(byCount)
    .map(({ entry }) => teaser(entry.item, entry.id));
  files.set("popular.json", document(popularItems));

  // The listing: newest first, undated last, feed order among equals (a stable sort).
  const listing = [...entries].sort((a, b) => compareDates(a.date, b.date) || a.order - b.order);
  const pageCount = Math.max(1, Math.ceil(listing.length / pageSize));
  const pageName = (n) => (n === 1 ? "feed.json" : `page-${n}.json`);
  for (let n = pageCount; n >= 1; n--) {
    const items = listing.slice((n - 1) * pageSize, n * pageSize).map((entry) => teaser(entry.item, entry.id));
    files.set(pageName(n), document(items, { next: n < pageCount ? pageName(n + 1) : undefined, isListing: n === 1 }));
  }
  return files;
}

function hasText(value) {
  return typeof value === "string" && value.trim() !== "";
}

/** Everything a run writes, serialised: relative path → UTF-8 bytes. */
export function serialize(files) {
  const out = new Map();
  for (const [name, doc] of files) out.set(name, Buffer.from(JSON.stringify(doc), "utf8"));
  return out;
}

class UsageError extends Error {}

function parseArgs(argv) {
  const positional = [];
  const options = { pageSize: 20, popular: 20 };
  const names = { "--page-size": "pageSize", "--popular": "popular" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") return { help: true };
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const flag = eq === -1 ? arg : arg.slice(0, eq);
      if (!(flag in names)) throw new UsageError(`unknown option ${flag}`);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${flag} needs a number`);
      if (!/^[0-9]+$/.test(value)) throw new UsageError(`${flag} needs a whole number, not ${JSON.stringify(value)}`);
      options[names[flag]] = Number(value);
      continue;
    }
    positional.push(arg);
  }
  if (positional.length !== 2) {
    throw new UsageError(positional.length < 2 ? "missing arguments" : `unexpected argument ${JSON.stringify(positional[2])}`);
  }
  if (options.pageSize < 1) throw new UsageError("--page-size must be at least 1");
  return { input: positional[0], outDir: positional[1], ...options };
}

function readFeed(input) {
  let bytes;
  try {
    bytes = readFileSync(input);
  } catch (error) {
    throw new Error(`cannot read ${input}: ${error.code === "EISDIR" ? "it is a directory" : error.message}`);
  }
  let text;
  try {
    text = bytes.toString("utf8");
  } catch (error) {
    throw new Error(`cannot read ${input}: ${error.message} (Node reads at most ~512 MiB of text at once)`);
  }
  let feed;
  try {
    feed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`${input} is not valid JSON: ${error.message}`);
  }
  if (!isObject(feed) || !Array.isArray(feed.items)) {
    throw new Error(`${input} is not a JSON Feed: it has no "items" array`);
  }
  return feed;
}

/** Files under `dir` that look like an earlier run's output but are not in `written`. */
function leftovers(dir, written) {
  const stale = [];
  const list = (sub) => {
    try {
      return readdirSync(path.join(dir, sub));
    } catch {
      return [];
    }
  };
  for (const name of list("")) {
    if ((name === "feed.json" || name === "popular.json" || /^page-\d+\.json$/.test(name)) && !written.has(name)) stale.push(name);
  }
  for (const name of list("articles")) {
    if (name.endsWith(".json") && !written.has(`articles/${name}`)) stale.push(`articles/${name}`);
  }
  return stale;
}

function writeAtomically(file, bytes) {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

function bytesText(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${n} bytes (${(n / 1024).toFixed(1)} KiB)`;
  return `${n} bytes (${(n / 1024 / 1024).toFixed(1)} MiB)`;
}

export function main(argv = process.argv.slice(2)) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`split-feed: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const feed = readFeed(args.input);
    const files = splitFeed(feed, { pageSize: args.pageSize, popular: args.popular });
    const bytes = serialize(files);

    const outDir = path.resolve(args.outDir);
    const input = path.resolve(args.input);
    for (const name of bytes.keys()) {
      if (path.join(outDir, name) === input) {
        throw new Error(`${args.input} would be overwritten by ${name}; choose another output directory`);
      }
    }
    try {
      if (!statSync(outDir).isDirectory()) throw new Error(`${args.outDir} exists and is not a directory`);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    mkdirSync(path.join(outDir, "articles"), { recursive: true });
    const stale = leftovers(outDir, bytes);

    let total = 0;
    let largest = { name: "-", size: 0 };
    let articleCount = 0;
    let articleBytes = 0;
    for (const [name, data] of bytes) {
      writeAtomically(path.join(outDir, name), data);
      total += data.length;
      if (name.startsWith("articles/")) {
        articleCount++;
        articleBytes += data.length;
        if (data.length > largest.size) largest = { name, size: data.length };
      }
    }
    const pages = [...bytes.keys()].filter((name) => name === "feed.json" || name.startsWith("page-")).length;
    const popularCount = files.get("popular.json").items.length;

    if (stale.length > 0) {
      process.stderr.write(
        `warning: ${stale.length} file(s) in ${args.outDir} from an earlier run are not part of this output and are still served ` +
          `(e.g. ${stale.slice(0, 3).join(", ")}); delete them if they should not be\n`,
      );
    }
    const lines = [
      `split ${args.input} into ${args.outDir}`,
      `  articles:        ${articleCount} (of ${feed.items.length} items; ${feed.items.length - articleCount} skipped)`,
      `  listing pages:   ${pages} (${args.pageSize} per page: feed.json${pages > 1 ? ` … page-${pages}.json` : ""})`,
      `  article files:   ${articleCount}`,
      `  popular items:   ${popularCount} (top ${args.popular} per range: ${RANGES.join(", ")})`,
      `  feed.json:       ${bytesText(bytes.get("feed.json").length)}`,
      `  largest article: ${bytesText(largest.size)}${articleCount ? `, ${largest.name}` : ""}`,
      `  mean article:    ${bytesText(articleCount ? Math.round(articleBytes / articleCount) : 0)}`,
      `  popular.json:    ${bytesText(bytes.get("popular.json").length)}`,
      `  total written:   ${bytesText(total)} in ${bytes.size} files`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`split-feed: ${error.message}\n`);
    return 1;
  }
}

const isEntryPoint = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
  } catch {
    return false;
  }
})();
if (isEntryPoint) process.exitCode = main();
