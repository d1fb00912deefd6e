// Part of the split build (scripts/split-wasm.sh). Reads the chunk loader that wasm-split-cli
// wrote (__wasm_split.js) and
// - puts the files each chunk of src/on_use.rs needs into the loader (kiosque.js), so that it
//   can ask for a page's chunks with the main WebAssembly, with no extra request;
//   kiosque-chunks.js holds the same map for the tests and the benchmark;
// - lists the packs: files asked for together in one request (scripts/pack-wasm.mjs writes
//   them once the files are optimized), because one compressed answer is smaller than the same
//   files compressed one by one and asked for one by one;
// - makes __wasm_split.js take those early answers instead of asking again, and tell the loader
//   which chunk it is about to load, so that the loader can ask for its files in packs;
// - replaces `<!-- kiosque:preload NAME -->` in the page with a preload link for what the loader
//   asks first for a page showing the part NAME, so that a page can ask before its loader runs.
// Usage: node scripts/chunk-map.mjs <split output dir> <loader in> <loader out> [page…]
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const [dir, loaderIn, loaderOut, ...pages] = process.argv.slice(2);
const loaderPath = path.join(dir, "__wasm_split.js");
let loader = await readFile(loaderPath, "utf8");

// "/* article, extras */ const __chunk_5 = makeLoad(() => { const src = fetch(new URL("./chunk_5.wasm", …"
const shared = new Map();
for (const [, names, variable, file] of loader.matchAll(/\/\* ([^*]+) \*\/\s*const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
  shared.set(variable, { file, names: names.split(",").map((name) => name.trim()) });
}
const chunks = {};
for (const [, name, file] of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
  chunks[name] = [file];
}
for (const { file, names } of shared.values()) {
  for (const name of names) (chunks[name] ??= []).push(file);
}
if (Object.keys(chunks).length === 0) throw new Error(`no chunks found in ${loaderPath}`);

// The main module is fetched by every page, first.
chunks.main = ["kiosque-core_bg.wasm"];

// How pages start and go on: a page starts with the main module and the chunks of its parts;
// an article page then asks for what follows the article and for the reading tools (in either
// order: a pack for each); a share bar
// alone may ask for its rarer forms; a WordPress source adds its reader. Each pack holds the
// files of the chunks named, less those of the chunks named after "after" (loaded already).
// The loader takes them in this order: a page with an article and a share bar starts with the
// article's pack, so that the article does not wait for the code of what follows it.
const PACKS = [
  { name: "main_article", chunks: ["main", "article"], after: [] },
  { name: "main_extras", chunks: ["main", "extras"], after: [] },
  { name: "extras_after_article", chunks: ["extras"], after: ["article"] },
  { name: "extras_after_article_reading", chunks: ["extras"], after: ["article", "reading"] },
  { name: "article_after_extras", chunks: ["article"], after: ["extras"] },
  { name: "reading_after_article", chunks: ["reading"], after: ["article"] },
  { name: "reading_after_article_extras", chunks: ["reading"], after: ["article", "extras"] },
  { name: "share_tools_after_extras", chunks: ["share_tools"], after: ["extras"] },
  { name: "wordpress_after_article", chunks: ["wordpress"], after: ["article"] },
];
const packs = PACKS.map(({ name, chunks: wanted, after }) => {
  const loaded = new Set(after.flatMap((chunk) => chunks[chunk]));
  const files = [...new Set(wanted.flatMap((chunk) => chunks[chunk]))].filter((file) => !loaded.has(file));
  return { file: `pack_${name}.wasm`, files };
})
  // One file is no pack.
  .filter(({ files }) => files.length > 1);

const map = JSON.stringify(chunks);
const packMap = JSON.stringify(packs);
await writeFile(
  path.join(dir, "kiosque-chunks.js"),
  `// Written by scripts/chunk-map.mjs: the files of each chunk of the widget's code, and the packs\n` +
    `// that carry several of them in one request.\nexport const chunks = ${map};\nexport const packs = ${packMap};\n`,
);
const source = await readFile(loaderIn, "utf8");
const marker = 'import { chunks, packs } from "./kiosque-chunks.js";';
if (!source.includes(marker)) throw new Error(`${loaderIn} does not import the chunk map`);
await writeFile(loaderOut, source.replace(marker, `const chunks = ${map};\nconst packs = ${packMap};`));

const early = `
// Added by scripts/chunk-map.mjs: a chunk the loader (kiosque.js) already asked for is taken, once.
function fetchEarly(url) {
  const asked = globalThis[Symbol.for("kiosque.early")];
  const entry = asked?.get(url.href);
  if (!entry) return fetch(url);
  asked.delete(url.href);
  return entry.response;
}
`;
const patched = loader.replaceAll("fetch(new URL(", "fetchEarly(new URL(");
if (patched === loader) throw new Error(`no fetch to patch in ${loaderPath}`);
// Before a chunk's files are asked for one by one, the loader may ask for them in a pack.
const wanting = `
// Added by scripts/chunk-map.mjs: tells the loader which chunk is wanted, before its files.
function wanting(name, load) {
  return () => {
    globalThis[Symbol.for("kiosque.want")]?.([name]);
    return load();
  };
}
`;
let doors = 0;
const announced = patched.replace(/export const (__wasm_split_load_(\w+)) = wrapAsyncCb\((makeLoad\([\s\S]*?\n, \[[^\]]*\]\))\);/g, (_, variable, name, load) => {
  doors += 1;
  return `export const ${variable} = wrapAsyncCb(wanting(${JSON.stringify(name)}, ${load}));`;
});
if (doors !== Object.keys(chunks).length - 1) throw new Error(`${loaderPath}: found ${doors} chunk loaders to patch`);
const firstLineEnd = announced.indexOf("\n") + 1;
await writeFile(loaderPath, announced.slice(0, firstLineEnd) + early + wanting + announced.slice(firstLineEnd));

for (const page of pages) {
  const html = await readFile(page, "utf8");
  const withLinks = html.replace(/<!-- kiosque:preload (\w+) -->/g, (_, name) => {
    const pack = packs.find(({ file }) => file === `pack_main_${name}.wasm`);
    if (!pack) throw new Error(`${page}: no pack for ${name}`);
    return `<link rel="preload" href="${pack.file}" as="fetch" type="application/wasm" crossorigin>`;
  });
  await writeFile(page, withLinks);
}
