// scripts/split-feed.mjs: one big feed into a listing, one file per article and a popular
// feed. Run with `node --test tests/split-feed.test.mjs`.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { splitFeed, serialize, parseCount, articlePath } from "../scripts/split-feed.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPT = path.join(ROOT, "scripts", "split-feed.mjs");
const DEMO = JSON.parse(readFileSync(path.join(ROOT, "data", "feed.json"), "utf8"));
const RANGES = ["24h", "7d", "30d", "all"];

// An oracle written apart from the script: counts, dates and rankings the plain way.
const count = (value) => {
  if (typeof value === "number") return value >= 0 ? Math.trunc(value) : undefined;
  if (typeof value !== "string") return undefined;
  const digits = value.replace(/[\s,_]/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
};
const viewsOf = (item) => {
  const views = item._kiosque?.views;
  if (views === undefined) return {};
  if (typeof views !== "object") return { all: count(views) };
  return Object.fromEntries(RANGES.map((r) => [r, count(views[r])]).filter(([, n]) => n !== undefined));
};
const time = (item) => (item.date_published ? Date.parse(item.date_published) : -Infinity);
const topIds = (items, range, n) =>
  items
    .map((item) => ({ id: String(item.id), views: viewsOf(item)[range], time: time(item) }))
    .filter((row) => row.views > 0)
    .sort((a, b) => b.views - a.views || b.time - a.time || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((row) => row.id);

/** The listing pages in order, following next_url from feed.json. */
function walkListing(files) {
  const pages = [];
  const seen = new Set();
  for (let name = "feed.json"; name !== undefined; name = files.get(name).next_url) {
    assert.ok(files.has(name), `next_url names an existing file: ${name}`);
    assert.ok(!seen.has(name), `no loop at ${name}`);
    seen.add(name);
    pages.push([name, files.get(name)]);
  }
  return pages;
}

function quiet() {
  const lines = [];
  return { warn: (line) => lines.push(line), lines };
}

describe("the demo feed, 6 per page", () => {
  const files = splitFeed(DEMO, { pageSize: 6, ...quiet() });
  const pages = walkListing(files);

  test("three listing files chained by next_url, the last without one", () => {
    assert.deepEqual(pages.map(([name]) => name), ["feed.json", "page-2.json", "page-3.json"]);
    assert.equal(files.get("feed.json").next_url, "page-2.json");
    assert.equal(files.get("page-2.json").next_url, "page-3.json");
    assert.ok(!("next_url" in files.get("page-3.json")));
    assert.deepEqual(pages.map(([, doc]) => doc.items.length), [6, 6, 3]);
    assert.ok(!files.has("page-4.json"));
    assert.equal([...files.keys()].filter((k) => /^page-\d+\.json$/.test(k)).length, 2);
  });

  test("every file is a JSON Feed with the original feed's own fields", () => {
    for (const [name, doc] of files) {
      assert.equal(doc.version, DEMO.version, name);
      assert.equal(doc.title, DEMO.title, name);
      assert.equal(doc.home_page_url, DEMO.home_page_url, name);
      assert.equal(doc.language, DEMO.language, name);
      assert.deepEqual(doc.authors, DEMO.authors, name);
      assert.deepEqual(doc._kiosque, DEMO._kiosque, name);
      assert.ok(Array.isArray(doc.items), name);
    }
    assert.equal(files.get("popular.json")._kiosque.popular_updated, DEMO._kiosque.popular_updated);
    assert.equal(files.get("feed.json").feed_url, DEMO.feed_url, "the listing keeps feed_url");
  });

  test("the listing is newest first and holds teasers without content", () => {
    const items = pages.flatMap(([, doc]) => doc.items);
    for (let i = 1; i < items.length; i++) {
      assert.ok(time(items[i - 1]) >= time(items[i]), `${items[i - 1].id} before ${items[i].id}`);
    }
    const byId = new Map(DEMO.items.map((item) => [item.id, item]));
    for (const teaser of items) {
      assert.ok(!("content_html" in teaser) && !("content_text" in teaser), teaser.id);
      const original = byId.get(teaser.id);
      for (const key of ["url", "title", "summary", "image", "date_published", "authors", "tags", "language", "_kiosque"]) {
        assert.deepEqual(teaser[key], original[key], `${teaser.id}.${key}`);
      }
    }
  });

  test("round trip: every input id appears exactly once across the listing", () => {
    const ids = pages.flatMap(([, doc]) => doc.items.map((item) => item.id));
    assert.equal(ids.length, DEMO.items.length);
    assert.deepEqual([...ids].sort(), DEMO.items.map((item) => item.id).sort());
  });

  test("each article file holds the full item, content included", () => {
    for (const item of DEMO.items) {
      const doc = files.get(`articles/${item.id}.json`);
      assert.ok(doc, item.id);
      assert.deepEqual(doc.items, [item]);
      assert.ok(doc.items[0].content_text || doc.items[0].content_html);
      assert.ok(!("next_url" in doc));
      assert.equal(doc.title, DEMO.title);
    }
    assert.equal([...files.keys()].filter((k) => k.startsWith("articles/")).length, DEMO.items.length);
  });

  test("popular.json: the items with views, by all-time views, as teasers", () => {
    const popular = files.get("popular.json");
    assert.ok(!("next_url" in popular));
    const withViews = DEMO.items.filter((item) => Object.keys(viewsOf(item)).length > 0);
    assert.equal(withViews.length, 14, "the demo's last item has no views");
    const expected = [...withViews].sort((a, b) => viewsOf(b).all - viewsOf(a).all).map((item) => item.id);
    assert.deepEqual(popular.items.map((item) => item.id), expected);
    assert.equal(popular.items[0].id, "mali-offensive-armee-etat-islamique");
    assert.ok(popular.items.some((item) => item.id === "segou-atlas-regional-enseignants"), "\"6 870\" is read as 6870");
    for (const item of popular.items) assert.ok(!("content_text" in item) && !("content_html" in item));
  });

  test("popular.json with 2 per range is the union of each range's top two", () => {
    const small = splitFeed(DEMO, { pageSize: 6, popular: 2, ...quiet() }).get("popular.json");
    const union = new Set(RANGES.flatMap((range) => topIds(DEMO.items, range, 2)));
    assert.deepEqual(new Set(small.items.map((item) => item.id)), union);
    assert.deepEqual(small.items.map((item) => item.id), [
      "mali-offensive-armee-etat-islamique", // all 18950, tops every range
      "dakar-tontines-numeriques-marches", // 30d and all
      "gabon-libreville-navettes-fluviales", // 7d
      "football-etoile-de-dosso-derby-ligue-2", // 24h
    ]);
  });

  test("the same input gives the same bytes", () => {
    const again = serialize(splitFeed(structuredClone(DEMO), { pageSize: 6, ...quiet() }));
    const first = serialize(files);
    assert.deepEqual([...again.keys()], [...first.keys()]);
    for (const [name, bytes] of first) assert.ok(bytes.equals(again.get(name)), name);
    assert.ok(first.get("feed.json").toString("utf8").includes("Économie"), "UTF-8, not \\u escapes");
  });
});

describe("ids, dates and counts", () => {
  const item = (id, extra = {}) => ({ id, title: `T ${id}`, content_text: `Body ${id}`, ...extra });

  test("numbers become strings; unusable, repeated and path-like ids are skipped with a warning", () => {
    const { warn, lines } = quiet();
    const feed = {
      version: "https://jsonfeed.org/version/1.1",
      title: "X",
      items: [
        item(7), item("ok"), item(""), item("  "), { title: "no id" }, item({ nested: 1 }), item(null), "not an object",
        item("ok", { title: "Duplicate" }), item("a/b"), item("a\\b"), item("."), item(".."), item("café crème"),
      ],
    };
    const files = splitFeed(feed, { warn });
    const ids = files.get("feed.json").items.map((i) => i.id);
    assert.deepEqual(ids, ["7", "ok", "café crème"]);
    assert.equal(files.get("articles/7.json").items[0].id, "7");
    assert.equal(files.get("articles/ok.json").items[0].title, "T ok", "the first of a repeated id wins");
    assert.ok(files.has("articles/café crème.json"));
    assert.equal(articlePath("a b"), "articles/a b.json");
    assert.equal(lines.length, 11, lines.join("\n"));
    for (const bad of ['"a/b"', '"a\\\\b"', '"."', '".."']) assert.ok(lines.some((l) => l.includes(bad)), bad);
  });

  test("undated items go last in feed order; offsets are honoured", () => {
    const feed = {
      items: [
        item("u1"),
        item("paris", { date_published: "2026-02-01T19:20:00+01:00" }), // 18:20Z
        item("bad", { date_published: "hier" }),
        item("utc", { date_published: "2026-02-01T18:30:00Z" }),
        item("u2"),
        item("old", { date_published: "2020-01-01T00:00:00+00:00" }),
      ],
    };
    const ids = splitFeed(feed, { ...quiet() }).get("feed.json").items.map((i) => i.id);
    assert.deepEqual(ids, ["utc", "paris", "old", "u1", "bad", "u2"]);
  });

  test("counts may be numbers or grouped digit strings; a single count is all time; zero is no view", () => {
    assert.equal(parseCount("1 204"), 1204);
    assert.equal(parseCount("1,204"), 1204);
    assert.equal(parseCount("1\u202f204"), 1204);
    assert.equal(parseCount(90.7), 90);
    assert.equal(parseCount(-1), undefined);
    assert.equal(parseCount("many"), undefined);
    const feed = {
      items: [
        item("a", { _kiosque: { views: "1 000" } }),
        item("b", { _kiosque: { views: { "24h": "5", all: "2,000" } } }),
        item("c", { _kiosque: { views: { all: 0 } } }),
        item("d", { _kiosque: { views: { "24h": "many" } } }),
        item("e"),
      ],
    };
    const popular = splitFeed(feed, { ...quiet() }).get("popular.json");
    assert.deepEqual(popular.items.map((i) => i.id), ["b", "a"]);
    assert.deepEqual(splitFeed(feed, { popular: 0, ...quiet() }).get("popular.json").items, []);
  });

  test("an empty feed is one empty page; the feed's own next_url is not carried over", () => {
    const files = splitFeed({ title: "Empty", next_url: "https://x.example/2", items: [] }, { ...quiet() });
    assert.deepEqual([...files.keys()].sort(), ["feed.json", "popular.json"]);
    assert.deepEqual(files.get("feed.json"), { title: "Empty", items: [] });
  });

  test("documents that are not feeds, and bad options, throw", () => {
    for (const doc of [null, [], {}, { items: {} }, "x"]) assert.throws(() => splitFeed(doc), TypeError);
    assert.throws(() => splitFeed({ items: [] }, { pageSize: 0 }), RangeError);
    assert.throws(() => splitFeed({ items: [] }, { popular: -1 }), RangeError);
  });
});

/** A big feed, deterministic: dates out of order, some undated, some counts as strings. */
function bigFeed(n) {
  let seed = 42; // mulberry32
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = Date.UTC(2015, 0, 1);
  const items = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor(random() * 50_000);
    const week = day + Math.floor(random() * 500_000);
    const month = week + Math.floor(random() * 2_000_000);
    const all = month + Math.floor(random() * 5_000_000);
    const item = {
      id: i % 10 === 0 ? i : `article-${i}`,
      url: `https://news.example/${i}/`,
      title: `Article number ${i}`,
      summary: `A short summary of article ${i}, one sentence long.`,
      content_html: `<p>The body of article ${i}.</p>`.repeat(8),
      date_published: i % 997 === 0 ? undefined : new Date(start + ((i * 7919) % n) * 3_600_000).toISOString(),
      authors: [{ name: "Desk" }],
      tags: ["News"],
      _kiosque: {
        section: "News",
        views: i % 13 === 0 ? undefined : {
          "24h": day,
          "7d": String(week).replace(/\B(?=(\d{3})+$)/g, " "), // "1 234 567"
          "30d": month,
          all,
        },
      },
    };
    items.push(JSON.parse(JSON.stringify(item)));
  }
  return { version: "https://jsonfeed.org/version/1.1", title: "Big", home_page_url: "https://news.example/", language: "en", items };
}

test("popular.json agrees with a plain full ranking, for short and long top lists", () => {
  const feed = bigFeed(5000);
  for (const n of [1, 20, 250]) {
    const popular = splitFeed(feed, { popular: n, ...quiet() }).get("popular.json").items;
    const expected = new Set(RANGES.flatMap((range) => topIds(feed.items, range, n)));
    assert.deepEqual(new Set(popular.map((i) => i.id)), expected, `top ${n}`);
  }
});

describe("a 100,000-item feed", () => {
  const feed = bigFeed(100_000);
  const started = performance.now();
  const files = splitFeed(feed, { pageSize: 20, ...quiet() });
  const elapsed = performance.now() - started;

  test("5000 listing pages, 100,000 article files, one popular feed", () => {
    const names = [...files.keys()];
    assert.equal(names.filter((k) => k === "feed.json" || /^page-\d+\.json$/.test(k)).length, 5000);
    assert.equal(names.filter((k) => k.startsWith("articles/")).length, 100_000);
    assert.ok(files.has("popular.json"));
    assert.equal(names.length, 105_001);
    assert.ok(elapsed < 10_000, `split in ${Math.round(elapsed)} ms`);
  });

  test("the listing chain covers every id once, newest first", () => {
    const pages = walkListing(files);
    assert.equal(pages.length, 5000);
    assert.equal(pages.at(-1)[0], "page-5000.json");
    assert.ok(pages.slice(0, -1).every(([, doc]) => doc.items.length === 20));
    const items = pages.flatMap(([, doc]) => doc.items);
    assert.equal(new Set(items.map((i) => i.id)).size, 100_000);
    for (let i = 1; i < items.length; i++) {
      if (time(items[i - 1]) < time(items[i])) assert.fail(`${items[i - 1].id} before ${items[i].id}`);
    }
    assert.ok(items.every((i) => !("content_html" in i)));
  });

  test("feed.json stays small", () => {
    const size = Buffer.byteLength(JSON.stringify(files.get("feed.json")));
    assert.ok(size < 30_000, `${size} bytes`);
  });

  test("popular.json: at most 80 teasers, each range's top 20, by all-time views", () => {
    const popular = files.get("popular.json").items;
    assert.ok(popular.length <= 80 && popular.length > 20, `${popular.length} items`);
    const expected = new Set(RANGES.flatMap((range) => topIds(feed.items, range, 20)));
    assert.deepEqual(new Set(popular.map((i) => i.id)), expected);
    for (let i = 1; i < popular.length; i++) assert.ok(viewsOf(popular[i - 1]).all >= viewsOf(popular[i]).all);
    assert.ok(popular.every((i) => !("content_html" in i)));
    assert.ok(Buffer.byteLength(JSON.stringify(files.get("popular.json"))) < 80 * 1024);
  });
});

describe("the command line", () => {
  const run = (...args) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", cwd: ROOT });
  const scratch = () => mkdtempSync(path.join(tmpdir(), "split-feed-"));

  test("missing arguments: usage and a non-zero exit", () => {
    for (const args of [[], ["data/feed.json"]]) {
      const result = run(...args);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /missing arguments/);
      assert.match(result.stderr, /usage: node scripts\/split-feed\.mjs/);
    }
    assert.notEqual(run("data/feed.json", "out", "--page-size", "0").status, 0);
    assert.notEqual(run("data/feed.json", "out", "--page-size").status, 0);
    assert.notEqual(run("data/feed.json", "out", "--nope").status, 0);
  });

  test("unreadable file, invalid JSON, not a feed: a clear message and a non-zero exit", () => {
    const dir = scratch();
    try {
      writeFileSync(path.join(dir, "bad.json"), '{"items": [');
      writeFileSync(path.join(dir, "array.json"), "[1, 2]");
      writeFileSync(path.join(dir, "noitems.json"), '{"title": "x"}');
      const cases = [
        [path.join(dir, "missing.json"), /cannot read/],
        [dir, /cannot read/],
        [path.join(dir, "bad.json"), /not valid JSON/],
        [path.join(dir, "array.json"), /not a JSON Feed/],
        [path.join(dir, "noitems.json"), /not a JSON Feed/],
      ];
      for (const [input, message] of cases) {
        const result = run(input, path.join(dir, "out"));
        assert.equal(result.status, 1, input);
        assert.match(result.stderr, message);
      }
      assert.ok(!existsSync(path.join(dir, "out")), "nothing written on failure");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses to overwrite its own input", () => {
    const dir = scratch();
    try {
      const input = path.join(dir, "feed.json");
      writeFileSync(input, JSON.stringify(DEMO));
      const result = run(input, dir);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /would be overwritten/);
      assert.equal(readFileSync(input, "utf8"), JSON.stringify(DEMO));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("writes the layout, prints a summary, and gives the same bytes twice", () => {
    const dir = scratch();
    try {
      const a = path.join(dir, "a");
      const b = path.join(dir, "b");
      const result = run("data/feed.json", a, "--page-size", "6");
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /articles:\s+15\b/);
      assert.match(result.stdout, /listing pages:\s+3\b/);
      assert.match(result.stdout, /article files:\s+15\b/);
      assert.match(result.stdout, /popular items:\s+14\b/);
      assert.match(result.stdout, /feed\.json:\s+\d+ bytes/);
      assert.match(result.stdout, /largest article:\s+\d+ bytes/);
      assert.match(result.stdout, /popular\.json:\s+\d+ bytes/);
      assert.match(result.stdout, /total written:\s+\d+ bytes/);
      assert.deepEqual(readdirSync(a).sort(), ["articles", "feed.json", "page-2.json", "page-3.json", "popular.json"]);
      assert.equal(readdirSync(path.join(a, "articles")).length, 15);
      assert.equal(run("data/feed.json", b, "--page-size=6").status, 0);
      for (const name of ["feed.json", "page-2.json", "page-3.json", "popular.json", ...readdirSync(path.join(a, "articles")).map((f) => `articles/${f}`)]) {
        assert.ok(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), name);
      }
      const written = JSON.parse(readFileSync(path.join(a, "page-2.json"), "utf8"));
      assert.equal(written.next_url, "page-3.json");
      // A second run with fewer pages reports the page files it no longer writes.
      const again = run("data/feed.json", a, "--page-size", "8");
      assert.equal(again.status, 0);
      assert.match(again.stderr, /earlier run.*page-3\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
