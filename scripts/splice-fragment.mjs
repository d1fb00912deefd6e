// Part of the build (scripts/prerender-demo.sh): puts the fragment of the feed's first article
// in the place of `<!-- kiosque:prerendered -->` in a page, which is what a publisher does with
// `kiosque-prerender --fragments` in their own templates.
// Usage: node scripts/splice-fragment.mjs <feed.json> <fragments dir> <page.html>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const [feedPath, fragments, page] = process.argv.slice(2);
const feed = JSON.parse(await readFile(feedPath, "utf8"));
const id = String(feed.items?.[0]?.id ?? "");
// The name kiosque-prerender gives it (src/prerender/site.rs, `slug`): ids of the demo feed are
// plain.
if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(id)) throw new Error(`unexpected first id ${JSON.stringify(id)}`);
const fragment = await readFile(path.join(fragments, `${id}.html`), "utf8");
const html = await readFile(page, "utf8");
const marker = "<!-- kiosque:prerendered -->";
if (!html.includes(marker)) throw new Error(`${page} has no ${marker}`);
await writeFile(page, html.replace(marker, () => fragment));
