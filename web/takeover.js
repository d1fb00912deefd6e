// Taking over an article rendered ahead of time (kiosque-prerender). The host already shows the
// article in a declarative shadow root; the widget renders the same page out of sight
// (src/browser/mount.rs) and hands it here, where, once the article and every part after it
// have arrived, it is put in place in one step, keeping the reader's focus, selection and
// scroll. The reader sees no change, then the page answers clicks.
//
// Plain JavaScript, fetched only by pages that hold pre-rendered markup: as WebAssembly, every
// browser API it calls would add import glue to the main module, which every page downloads.

/** Part holders (components/deferred.rs): transparent when comparing and finding places. */
const HOLDER = "kq-deferred";
/** What a holder says once its part's code has arrived. */
const READY = "data-ready";
/** What only the browser shows: the reading tools need a script, so ahead of time only their
 * place is kept. */
const BROWSER_ONLY = ["kq-tools", "kq-saved"];

const prerenderedRoot = (shadow) => shadow.querySelector(".kq[data-prerendered]");
const holders = (root) => root.querySelectorAll(`.${HOLDER}`).length;

/** The article is there, with at least the `parts` written ahead of time (the parts after the
 * article are asked for only after its first frame), and every part's code has arrived. */
const ready = (root, parts) =>
  !!root.querySelector("article.kq-article") && !root.querySelector(`.${HOLDER}:not([${READY}])`) && holders(root) >= parts;

/** The element children of `element` as the page shows them: holders give way to their
 * content, stylesheets are no place a reader can be. */
function children(element) {
  const list = [];
  for (const child of element.children) {
    if (child.localName === "style") continue;
    if (child.classList.contains(HOLDER)) list.push(...children(child));
    else list.push(child);
  }
  return list;
}

/** `element`'s content written so that two renderings of the same page read the same:
 * attributes sorted, addresses resolved, adjacent texts joined, comments, stylesheets and part
 * holders left out, the browser's own parts reduced to their place. */
function canonical(element) {
  const out = [];
  const write = (parent) => {
    let text = "";
    const flush = () => {
      // Written ahead of time, an empty text is a space (so that it exists as a node).
      if (text !== "" && text !== " ") out.push(JSON.stringify(text));
      text = "";
    };
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        text += node.nodeValue;
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || node.localName === "style") continue;
      if (node.classList.contains(HOLDER)) {
        write(node);
        continue;
      }
      flush();
      if (BROWSER_ONLY.some((name) => node.classList.contains(name))) {
        out.push("<browser-only/>");
        continue;
      }
      const attributes = [...node.attributes].map(({ name, value }) => {
        // A link written relative ahead of time leads where the widget's absolute one does.
        if (name === "href" || name === "src") {
          try {
            return `${name}=${new URL(value, node.baseURI).href}`;
          } catch {
            // Kept as written.
          }
        }
        return `${name}=${value}`;
      });
      out.push(`<${node.localName} ${attributes.sort().join(" ")}>`);
      write(node);
      out.push("</>");
    }
    flush();
  };
  write(element);
  return out.join("\n");
}

/** Where `target` is under `root`, as positions among `children` at each level. */
function pathTo(root, target) {
  const path = [];
  for (let current = target; current !== root; ) {
    let parent = current.parentElement;
    while (parent?.classList.contains(HOLDER)) parent = parent.parentElement;
    if (!parent) return null;
    const index = children(parent).indexOf(current);
    if (index < 0) return null;
    path.unshift(index);
    current = parent;
  }
  return path;
}

const elementAt = (root, path) => path.reduce((element, index) => element && children(element)[index], root);

/** The text nodes under `element`, in order. */
function texts(element) {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const list = [];
  while (walker.nextNode()) list.push(walker.currentNode);
  return list;
}

/** A DOM position under `root` as the element holding it and a text offset in that element. */
function point(root, node, offset) {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!element) return null;
  const before = node.nodeType === Node.TEXT_NODE ? node : element.childNodes[offset];
  let count = 0;
  for (const text of texts(element)) {
    if (before && (text === before || before.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    count += text.length;
  }
  if (node.nodeType === Node.TEXT_NODE) count += offset;
  const path = pathTo(root, element);
  return path && { path, offset: count };
}

/** The text node and offset `offset` characters into `element`'s text. */
function textAt(element, offset) {
  let left = offset;
  for (const text of texts(element)) {
    if (left <= text.length) return [text, left];
    left -= text.length;
  }
  return null;
}

/** The reader's selection inside `shadow`: `getComposedRanges` where the browser has it (the
 * standard way to see into a shadow root), else Chromium's `shadowRoot.getSelection()`, else
 * the document's. */
function selectedRange(shadow) {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return null;
  if (selection.getComposedRanges) return selection.getComposedRanges({ shadowRoots: [shadow] })[0] ?? null;
  const own = shadow.getSelection?.();
  if (own && own.rangeCount) return own.getRangeAt(0);
  return selection.rangeCount ? selection.getRangeAt(0) : null;
}

function swap(shadow, style, root, written) {
  const before = prerenderedRoot(shadow);
  if (!before) return;
  root.setAttribute("data-takeover", written === canonical(root) ? "same" : "changed");
  // What the reader was doing is kept on a best effort: a browser without one of the APIs
  // must not keep the page from coming alive.
  let focused = null;
  let selected = null;
  try {
    focused = shadow.activeElement && pathTo(before, shadow.activeElement);
    const range = selectedRange(shadow);
    selected = range && [point(before, range.startContainer, range.startOffset), point(before, range.endContainer, range.endOffset)];
  } catch {
    // Nothing to keep.
  }
  const [x, y] = [window.scrollX, window.scrollY];
  shadow.replaceChildren(style, root);
  try {
    const target = focused && elementAt(root, focused);
    target?.focus({ preventScroll: true });
    if (selected?.[0] && selected[1]) {
      const [start, end] = selected.map(({ path, offset }) => {
        const element = elementAt(root, path);
        return element && textAt(element, offset);
      });
      if (start && end) document.getSelection()?.setBaseAndExtent(start[0], start[1], end[0], end[1]);
    }
  } catch {
    // The page is the widget's now; focus and selection start afresh.
  }
  if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
}

/** Puts `style` and `root` (the widget rendered out of sight) in the place of what `shadow`
 * holds, once `root` shows the article and every part of it has arrived. A widget that cannot
 * show the article (an error) leaves the pre-rendered one in place. */
export function takeOver(shadow, style, root) {
  const before = prerenderedRoot(shadow);
  if (!before) return;
  const parts = holders(before);
  // Read now, while the widget still waits for its data: the swap's task is shorter.
  const written = canonical(before);
  const attempt = () => {
    if (!ready(root, parts)) return false;
    swap(shadow, style, root, written);
    return true;
  };
  if (attempt()) return;
  const observer = new MutationObserver(() => {
    if (attempt()) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: [READY] });
}
