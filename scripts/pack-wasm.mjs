// Part of the split build (scripts/split-wasm.sh), once the files are optimized: writes the
// packs that scripts/chunk-map.mjs listed in kiosque-chunks.js. A pack carries several of the
// widget's WebAssembly files in one request: brotli compresses them together far better than
// one by one (the main module and the article's chunks: 142 KB instead of 156). It is itself a
// WebAssembly module that carries the files in custom sections, one per file, named by the
// file — so that servers and CDNs send it as application/wasm, compressed, like the files it
// carries; web/kiosque.js takes it apart. A pack that starts with the main module *is* the main
// module, with the chunks after its own sections: the browser compiles it while it downloads,
// and caches the compiled code for a returning reader under the pack's address.
// Usage: node scripts/pack-wasm.mjs <dir>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir] = process.argv.slice(2);
const { chunks, packs } = await import(pathToFileURL(path.resolve(dir, "kiosque-chunks.js")).href);
const [MAIN] = chunks.main;

/// `value` as an unsigned LEB128 number, as WebAssembly writes sizes.
function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

const HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const CUSTOM_SECTION = Buffer.from([0x00]);

for (const { file, files } of packs) {
  const main = files[0] === MAIN;
  const parts = [main ? await readFile(path.join(dir, MAIN)) : HEADER];
  for (const name of main ? files.slice(1) : files) {
    const bytes = await readFile(path.join(dir, name));
    const label = Buffer.from(name, "utf8");
    const content = Buffer.concat([leb128(label.length), label, bytes]);
    parts.push(CUSTOM_SECTION, leb128(content.length), content);
  }
  await writeFile(path.join(dir, file), Buffer.concat(parts));
}
