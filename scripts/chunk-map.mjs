// Part of the split build (scripts/split-wasm.sh). Reads the chunk loader that wasm-split-cli
// wrote (__wasm_split.js) and
// - puts the files each chunk of src/on_use.rs needs into the loader (kiosque.js), so that it
//   can ask for a page's chunks while the main WebAssembly downloads, with no extra request;
//   kiosque-chunks.js holds the same map for the tests and the benchmark;
// - makes __wasm_split.js take those early answers instead of asking again.
// - replaces `<!-- kiosque:preload NAME -->` in the page with preload links for the files of the
//   chunk NAME, so that a page can ask for them before its loader runs.
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

const map = JSON.stringify(chunks);
await writeFile(
  path.join(dir, "kiosque-chunks.js"),
  `// Written by scripts/chunk-map.mjs: the files of each chunk of the widget's code.\nexport const chunks = ${map};\n`,
);
const source = await readFile(loaderIn, "utf8");
const marker = 'import { chunks } from "./kiosque-chunks.js";';
if (!source.includes(marker)) throw new Error(`${loaderIn} does not import the chunk map`);
await writeFile(loaderOut, source.replace(marker, `const chunks = ${map};`));

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
const firstLineEnd = patched.indexOf("\n") + 1;
await writeFile(loaderPath, patched.slice(0, firstLineEnd) + early + patched.slice(firstLineEnd));

for (const page of pages) {
  const html = await readFile(page, "utf8");
  const withLinks = html.replace(/<!-- kiosque:preload (\w+) -->/g, (_, name) => {
    if (!chunks[name]) throw new Error(`${page}: no chunk ${name}`);
    return chunks[name].map((file) => `<link rel="preload" href="${file}" as="fetch" type="application/wasm" crossorigin>`).join("");
  });
  await writeFile(page, withLinks);
}
