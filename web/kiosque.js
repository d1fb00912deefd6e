// Kiosque's loader: the one script a page includes. It loads the WebAssembly next to itself
// (not next to the host page) and starts a widget in every [data-kiosque] element.
//
// Before anything else it asks, side by side, for all that the page's widgets need first: the
// main WebAssembly and the code of their parts (the build puts the map of kiosque-chunks.js in
// place of its import), and their feeds. The widget takes these answers instead of asking
// again; what follows the article waits for the article.
//
// The code comes in as few requests as the build's packs allow (scripts/pack-wasm.mjs): a pack
// is one download for several files, smaller than the files downloaded one by one. A pack that
// cannot be downloaded costs only time: each file it carried is then asked for on its own.
import { chunks, packs } from "./kiosque-chunks.js";

/** Answers asked for early, by absolute address; each is taken once: feeds by
 * src/browser/early.rs, code by the chunk loader (__wasm_split.js, fetchEarly). */
const early = new Map();
globalThis[Symbol.for("kiosque.early")] = early;

function ask(url) {
  if (early.has(url)) return;
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  // Whoever takes it sees the failure; nobody else must.
  response.catch(() => {});
  // `sent`: the widget's timeout (data-timeout) counts from here, not from when it takes this.
  early.set(url, { response, controller, sent: Date.now() });
}

/** Files of code asked for (by pack or alone) and not failed: they are not asked for again. */
const asked = new Set();
const codeUrl = (file) => new URL(file, import.meta.url).href;
const WASM = { headers: { "content-type": "application/wasm" } };

/** Puts the answer for the code file `file` where the chunk loader (__wasm_split.js) takes it. */
function askCode(file, response) {
  const href = codeUrl(file);
  const entry = { response };
  asked.add(file);
  early.set(href, entry);
  // A file that could not be downloaded is forgotten: trying again asks again.
  const forget = () => {
    asked.delete(file);
    if (early.get(href) === entry) early.delete(href);
  };
  response.then((answer) => answer.ok || forget(), forget);
}

const utf8 = new TextDecoder();

/** The files a pack carries, by name: the custom sections of a module, named by the files.
 * Throws on anything else (a cut answer, a page where a pack was expected). */
function unpack(buffer, files) {
  const bytes = new Uint8Array(buffer);
  const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || MAGIC.some((byte, index) => bytes[index] !== byte)) throw new Error("not a pack");
  const carried = new Map();
  let at = 8;
  const number = () => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) break;
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error("a pack cut short");
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = number();
    const end = at + size;
    if (end > bytes.length) throw new Error("a pack cut short");
    if (id === 0) {
      const length = number();
      const name = utf8.decode(bytes.subarray(at, Math.min(at + length, end)));
      if (files.includes(name)) carried.set(name, bytes.subarray(at + length, end));
    }
    at = end;
  }
  return carried;
}

function askPack({ file, files }) {
  const main = files[0] === chunks.main[0];
  const answered = fetch(codeUrl(file)).then((answer) => {
    // A server that answers every address with a page (a site's catch-all) sends no pack.
    if (!answer.ok || /^text\//.test(answer.headers.get("content-type") ?? "")) throw new Error(`no pack at ${answer.url}`);
    // The main module, when the pack is one, compiles as it downloads; a copy gives the rest.
    return main ? [answer, answer.clone()] : [null, answer];
  });
  const carried = answered.then(([, copy]) => copy.arrayBuffer()).then((buffer) => unpack(buffer, files));
  files.forEach((name, index) => {
    const response =
      main && index === 0
        ? answered.then(([answer]) => answer)
        : carried.then((pieces) => {
            if (!pieces.has(name)) throw new Error(`${file} lacks ${name}`);
            return new Response(pieces.get(name), WASM);
          });
    askCode(name, response.catch(() => fetch(codeUrl(name))));
  });
}

/** Asks for the code of the chunks `names` ("main" too) that was not asked for yet: whole packs
 * where a pack holds only what is missing (in the build's order of packs), the rest file by
 * file. */
function want(names) {
  const missing = new Set(names.flatMap((name) => chunks[name] ?? []).filter((file) => !asked.has(file)));
  for (const pack of packs) {
    if (pack.files.every((file) => missing.has(file))) {
      askPack(pack);
      for (const file of pack.files) missing.delete(file);
    }
  }
  for (const file of missing) askCode(file, fetch(codeUrl(file)));
}
globalThis[Symbol.for("kiosque.want")] = want;

// A widget whose host holds an article rendered ahead of time hands its own rendering here: the
// takeover's code (takeover.js) is fetched by such pages only.
globalThis[Symbol.for("kiosque.takeover")] = (...widget) => {
  import("./takeover.js")
    .then(({ takeOver }) => takeOver(...widget))
    // The pre-rendered article stays, readable, its links working.
    .catch((error) => console.warn("Kiosque: the pre-rendered article stays as it is:", error));
};

const code = ["main"];
for (const host of document.querySelectorAll("[data-kiosque]")) {
  const part = host.getAttribute("data-kiosque").trim().toLowerCase();
  const format = (host.getAttribute("data-format") ?? "").trim().toLowerCase();
  const wordpress = format === "wordpress" || format === "wp";
  const src = host.getAttribute("data-src");
  // As src/on_use.rs splits the code: the article chunk reads feeds and shows the article;
  // the share bar and the lists are in extras.
  code.push(...(part === "share" ? ["extras"] : ["popular", "more"].includes(part) ? ["article", "extras"] : ["article"]));
  if (part === "share" && src) code.push("article");
  if (wordpress) code.push("wordpress");
  // A WordPress site's address is not its feed: the widget works out what to ask for.
  if (src && !wordpress) {
    try {
      const url = new URL(src, location.href);
      if (url.protocol === "https:" || url.protocol === "http:") ask(url.href);
    } catch {
      // The widget reports a bad address itself.
    }
  }
}

want(code);

// The main module is taken here, the rest by the chunk loader; the glue is imported here rather
// than at the top, where a static import would hold back everything above until it had arrived.
const main = codeUrl(chunks.main[0]);
const { response: mainModule } = early.get(main);
early.delete(main);
const { default: init } = await import("./kiosque-core.js");
try {
  await init({ module_or_path: mainModule });
} catch {
  // The pack that carried it arrived broken (cut short, or not a pack): the file on its own.
  await init({ module_or_path: fetch(main) });
}
