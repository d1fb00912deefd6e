// Part of the split build (scripts/split-wasm.sh): removes from a wasm module the exports whose
// names match a pattern, so that wasm-opt can drop the code only they reached. Kiosque strips
// the stream classes (`IntoUnderlyingSource`…) that Leptos's server functions export through
// wasm-streams: a client-rendered widget never uses them, yet every reader downloaded them.
// Usage: node scripts/strip-exports.mjs <in.wasm> <out.wasm> <regular expression>
import { readFile, writeFile } from "node:fs/promises";

const [input, output, pattern] = process.argv.slice(2);
const bytes = await readFile(input);
const unwanted = new RegExp(pattern);

const readLeb = (at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const leb = (value) => {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};

const parts = [bytes.subarray(0, 8)];
const removed = [];
for (let at = 8; at < bytes.length;) {
  const id = bytes[at];
  const [size, start] = readLeb(at + 1);
  const end = start + size;
  if (id !== 7) {
    parts.push(bytes.subarray(at, end));
  } else {
    // The export section: a count, then (name, kind, index) entries.
    let [count, entry] = readLeb(start);
    const kept = [];
    for (; count > 0; count -= 1) {
      const [length, nameStart] = readLeb(entry);
      const name = bytes.subarray(nameStart, nameStart + length).toString("utf8");
      const [, next] = readLeb(nameStart + length + 1);
      if (unwanted.test(name)) removed.push(name);
      else kept.push(bytes.subarray(entry, next));
      entry = next;
    }
    const body = Buffer.concat([leb(kept.length), ...kept]);
    parts.push(Buffer.from([7]), leb(body.length), body);
  }
  at = end;
}
await writeFile(output, Buffer.concat(parts));
console.log(`strip-exports: ${removed.length} exports removed from ${input}`);
