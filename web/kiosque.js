// Kiosque's loader: the one script a page includes. It loads the WebAssembly next to itself
// (not next to the host page) and starts a widget in every [data-kiosque] element.
//
// Before anything else it asks, side by side, for all that the page's widgets need first: the
// main WebAssembly and its glue, the code of their parts (the build puts the map of
// kiosque-chunks.js in place of its import) and their feeds. The widget takes these answers
// instead of asking again; what follows the article waits for the article.
import { chunks } from "./kiosque-chunks.js";

/** Answers asked for early, by absolute address; each is taken once (src/browser/early.rs). */
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

for (const host of document.querySelectorAll("[data-kiosque]")) {
  const part = host.getAttribute("data-kiosque").trim().toLowerCase();
  const format = (host.getAttribute("data-format") ?? "").trim().toLowerCase();
  const wordpress = format === "wordpress" || format === "wp";
  const src = host.getAttribute("data-src");
  // As src/on_use.rs splits the code: the article chunk reads feeds and shows the article;
  // the share bar and the lists are in extras.
  const code = part === "share" ? ["extras"] : ["popular", "more"].includes(part) ? ["article", "extras"] : ["article"];
  if (part === "share" && src) code.push("article");
  if (wordpress) code.push("wordpress");
  for (const name of code) {
    for (const file of chunks[name] ?? []) ask(new URL(file, import.meta.url).href);
  }
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

// The main module is asked for now, beside the glue; the glue is imported here rather than at
// the top, where a static import would hold back everything above until it had arrived.
const main = fetch(new URL("kiosque-core_bg.wasm", import.meta.url));
const { default: init } = await import("./kiosque-core.js");
await init({ module_or_path: main });
