// One way to drive a page in any of the three engines readers use: Chromium (playwright-core,
// DevTools protocol), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK, Safari's
// engine (plain WebDriver over HTTP to WebKitWebDriver under Xvfb). All three are Debian's
// packages; nothing here downloads a browser.
//
// A test written against this layer runs unchanged in every engine. It sees a page through:
//   goto(path)               opens a page of the test server and waits for its load event;
//   evaluate(fn, ...args)    runs fn in the page (args and result are JSON) and awaits it;
//   waitFor(fn, ...args)     polls fn in the page until it returns something truthy;
//   waitForSelector(s, {text})  the same, for an element (with that text);
//   text, texts, attribute, count, url   what the page shows;
//   click(selector, {text})  a real mouse click at the element's centre (a user gesture);
//   focus(selector)          moves focus there, as a script does;
//   press(key), type(text)   real key presses in the focused element;
//   paste()                  Control+V in the focused element: what the clipboard holds;
//   back(), forward(), reload()   history and reload as a reader's buttons do;
//   errors()                 console errors and uncaught exceptions (see below).
// Functions given to evaluate and waitFor run in the page and may use two helpers that see
// through open shadow roots: `$(selector)` (the first match or null) and `$$(selector)` (all
// matches), where `>>>` steps into an element's shadow root: `#article >>> article h1`. Each
// step is one selector (no comma list across a `>>>`).
//
// Viewports: newPage({ viewport }) sizes the page; WebKit's MiniBrowser window is never
// narrower than about 450 px, so a phone's 390 px is 447 px there.
//
// Console errors: Chromium and Firefox report them through their protocols, from the first
// line of the page on. WebDriver classic has no console: in WebKit, errors() reads what the
// test server's probe (probe.js, served in every page's <head>) recorded in the current
// document — console.error calls, uncaught errors and rejections.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { CHROMIUM_OPTIONS, startServer } from "./support.mjs";

/// Every engine the suite knows, in the order it runs them.
export const ALL_ENGINES = ["chromium", "firefox", "webkit"];

/// The engines to run: all three, or those named in KIOSQUE_ENGINES ("firefox,webkit").
export function enginesToRun() {
  const asked = (process.env.KIOSQUE_ENGINES ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = asked.filter((name) => !ALL_ENGINES.includes(name));
  if (unknown.length) throw new Error(`KIOSQUE_ENGINES: unknown engine ${unknown.join(", ")} (known: ${ALL_ENGINES.join(", ")})`);
  return asked.length ? ALL_ENGINES.filter((name) => asked.includes(name)) : ALL_ENGINES;
}

/// What the scenarios may expect of each engine where engines differ (README, "Browsers").
/// shareSheet: navigator.share; none of the three has a share sheet on desktop Linux.
/// clipboard: navigator.clipboard.writeText works from a reader's click (on 127.0.0.1, a
/// secure context), without any permission granted.
/// nativeConsole: the driver reports console errors itself (see errors()).
export const FEATURES = {
  chromium: { shareSheet: false, clipboard: true, nativeConsole: true },
  firefox: { shareSheet: false, clipboard: true, nativeConsole: true },
  webkit: { shareSheet: false, clipboard: true, nativeConsole: false },
};

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };
/// Long enough for a busy two-core machine; conditions usually hold within a second.
const DEFAULT_TIMEOUT = 30_000;

/// The in-page helpers every evaluated function can use.
const PRELUDE = `
  const $$ = (selector) => {
    const steps = selector.split(">>>").map((step) => step.trim());
    let roots = [document];
    for (let index = 0; index < steps.length; index += 1) {
      const found = roots.flatMap((root) => [...root.querySelectorAll(steps[index])]);
      if (index === steps.length - 1) return found;
      roots = found.map((element) => element.shadowRoot).filter(Boolean);
    }
    return [];
  };
  const $ = (selector) => $$(selector)[0] ?? null;`;

/// The expression that runs `fn(...args)` in the page and gives its (awaited) result.
function expression(fn, args) {
  const source = typeof fn === "function" ? fn.toString() : `() => (${fn})`;
  return `(async () => { ${PRELUDE}\n return await (${source})(...${JSON.stringify(args)}); })()`;
}

/// Where the element `selector` is, once scrolled into view, and whether a click there reaches it.
function clickTarget(selector, text) {
  const wanted = text === null ? null : text.replace(/\s+/g, " ").trim();
  const element = $$(selector).find((candidate) => wanted === null || candidate.textContent.replace(/\s+/g, " ").trim() === wanted);
  if (!element) return { error: `no element matches ${selector}${text === null ? "" : ` with the text ${text}`}` };
  // Scrolled only when not wholly in view, as a reader would (and as the page was left).
  let rect = element.getBoundingClientRect();
  if (rect.top < 0 || rect.left < 0 || rect.bottom > innerHeight || rect.right > innerWidth) {
    element.scrollIntoView({ block: "center", inline: "center" });
    rect = element.getBoundingClientRect();
  }
  if (rect.width === 0 || rect.height === 0) return { error: `${selector} is not visible` };
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  // The topmost element there, seen through shadow roots.
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  if (!hit || !(hit === element || element.contains(hit))) {
    return { error: `${selector} is covered by <${hit?.localName}${hit?.className ? ` class="${hit.className}"` : ""}>` };
  }
  return { x: Math.round(x), y: Math.round(y) };
}

/// What every engine's page offers on top of its own primitives.
class Page {
  constructor(engine, origin) {
    this.engine = engine;
    this.origin = origin;
    this.features = FEATURES[engine];
  }

  /// Opens `path` on the test server (or an absolute address) and waits for its load event.
  async goto(path) {
    await this.navigate(new URL(path, this.origin).href);
  }

  /// Polls `fn(...args)` in the page until it returns something truthy, and returns that.
  /// Errors while the page navigates count as "not yet". The last argument may be
  /// `{ timeout, message }` when it is an object with one of those keys only.
  async waitFor(fn, ...args) {
    let options = {};
    const last = args.at(-1);
    if (last && typeof last === "object" && !Array.isArray(last) && Object.keys(last).every((key) => key === "timeout" || key === "message")) {
      options = args.pop();
    }
    const deadline = Date.now() + (options.timeout ?? DEFAULT_TIMEOUT);
    let lastError;
    for (;;) {
      try {
        const value = await this.evaluate(fn, ...args);
        if (value) return value;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        const what = options.message ?? (typeof fn === "function" ? fn.toString() : String(fn));
        throw new Error(`${this.engine}: timed out waiting for ${what}${args.length ? ` ${JSON.stringify(args)}` : ""}${lastError ? ` (last error: ${lastError.message})` : ""}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /// Waits until `selector` matches an element (whose text matches `text`, when given: a
  /// string for the whole text, or a RegExp; white space, no-break spaces included, counts as
  /// one space).
  waitForSelector(selector, { text, timeout } = {}) {
    const pattern = text === undefined ? null : text instanceof RegExp ? [text.source, text.flags] : [`^${text.replace(/\s+/g, " ").trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, ""];
    return this.waitFor(
      (selector, pattern) => $$(selector).some((element) => !pattern || new RegExp(...pattern).test(element.textContent.replace(/\s+/g, " ").trim())),
      selector,
      pattern,
      { timeout, message: `${selector}${text === undefined ? "" : ` with text ${text}`}` },
    );
  }

  /// The text of the first element matching `selector` (null when there is none).
  text(selector) {
    return this.evaluate((selector) => $(selector)?.textContent ?? null, selector);
  }

  /// The texts of every element matching `selector`.
  texts(selector) {
    return this.evaluate((selector) => $$(selector).map((element) => element.textContent), selector);
  }

  /// An attribute of the first element matching `selector`.
  attribute(selector, name) {
    return this.evaluate((selector, name) => $(selector)?.getAttribute(name) ?? null, selector, name);
  }

  count(selector) {
    return this.evaluate((selector) => $$(selector).length, selector);
  }

  /// The page's address.
  url() {
    return this.evaluate(() => location.href);
  }

  /// Goes back as the reader's back button does (a history traversal; same-document entries
  /// fire popstate), without waiting: wait for what the page should show next.
  back() {
    return this.evaluate(() => void history.back());
  }

  forward() {
    return this.evaluate(() => void history.forward());
  }

  /// A real click: scrolls `selector` (the first match whose text is `text`, when given,
  /// with white space as in waitForSelector) into view, checks nothing covers it, and clicks its centre with the engine's mouse
  /// (a trusted event, with user activation). Waits for such an element first.
  async click(selector, { text = null, timeout = DEFAULT_TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    let target = await this.evaluate(clickTarget, selector, text);
    // Waits for the element to be there, shown and uncovered, as a reader would.
    while (target.error && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      target = await this.evaluate(clickTarget, selector, text);
    }
    if (target.error) throw new Error(`${this.engine}: cannot click: ${target.error}`);
    await this.mouseClick(target.x, target.y);
  }

  /// Moves focus to `selector` (in page: a script's focus, as a keyboard user's Tab would).
  async focus(selector) {
    const found = await this.evaluate((selector) => {
      const element = $(selector);
      element?.focus();
      return !!element;
    }, selector);
    if (!found) throw new Error(`${this.engine}: cannot focus: no element matches ${selector}`);
  }

  /// Console errors and uncaught exceptions of the page so far (see the top of this file).
  async errors() {
    if (this.features.nativeConsole) return [...this.consoleErrors];
    return this.evaluate(() => [...(window.__probe?.errors ?? [])]).catch(() => []);
  }
}

// --- Chromium: playwright-core over the DevTools protocol ---------------------------------

/// Console errors and uncaught exceptions of a playwright or puppeteer page (both have the
/// same events), as they happen.
function recordErrors(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return errors;
}

class ChromiumPage extends Page {
  static async open(browser, origin, { viewport }) {
    const context = await browser.newContext({ viewport });
    const page = new ChromiumPage("chromium", origin);
    page.context = context;
    page.page = await context.newPage();
    page.consoleErrors = recordErrors(page.page);
    return page;
  }
  async navigate(url) {
    await this.page.goto(url);
  }
  evaluate(fn, ...args) {
    return this.page.evaluate(expression(fn, args));
  }
  mouseClick(x, y) {
    return this.page.mouse.click(x, y);
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  paste() {
    return this.page.keyboard.press("Control+V");
  }
  type(text) {
    return this.page.keyboard.type(text);
  }
  async reload() {
    await this.page.reload();
  }
  close() {
    return this.context.close();
  }
}

async function launchChromium() {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  return {
    version: browser.version(),
    newPage: (origin, options) => ChromiumPage.open(browser, origin, options),
    close: () => browser.close(),
  };
}

// --- Firefox ESR: puppeteer-core over WebDriver BiDi ----------------------------------------

class FirefoxPage extends Page {
  static async open(browser, origin, { viewport }) {
    const context = await browser.createBrowserContext();
    const page = new FirefoxPage("firefox", origin);
    page.context = context;
    page.page = await context.newPage();
    page.page.setDefaultTimeout(DEFAULT_TIMEOUT);
    await page.page.setViewport(viewport);
    page.consoleErrors = recordErrors(page.page);
    return page;
  }
  async navigate(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }
  evaluate(fn, ...args) {
    return this.page.evaluate(expression(fn, args));
  }
  mouseClick(x, y) {
    return this.page.mouse.click(x, y);
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  async paste() {
    await this.page.keyboard.down("Control");
    await this.page.keyboard.press("v");
    await this.page.keyboard.up("Control");
  }
  type(text) {
    return this.page.keyboard.type(text);
  }
  async reload() {
    await this.page.reload({ waitUntil: "load" });
  }
  close() {
    return this.context.close();
  }
}

async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    protocolTimeout: 120_000,
    // Nothing in the background: no updates, telemetry, safe-browsing lists or captive-portal check.
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "browser.safebrowsing.downloads.remote.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
    },
  });
  return {
    version: (await browser.version()).replace(/^firefox\//, ""),
    newPage: (origin, options) => FirefoxPage.open(browser, origin, options),
    close: () => browser.close(),
  };
}

// --- WebKitGTK: WebDriver over HTTP to WebKitWebDriver, MiniBrowser under Xvfb --------------

const WEBKIT_LIBDIR = process.env.WEBKIT_LIBDIR ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1";
/// WebDriver's key codes for the keys the scenarios press.
const WEBDRIVER_KEYS = { Enter: "\uE007", Escape: "\uE00C", Tab: "\uE004", Space: " ", Backspace: "\uE003" };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

class WebDriverSession {
  constructor(base) {
    this.base = base;
  }
  /// One WebDriver command; `timeout` bounds it (a script's own timeout is longer).
  async call(method, path, body, { timeout = DEFAULT_TIMEOUT * 4 } = {}) {
    const response = await fetch(this.base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const { error, message } = answer.value ?? {};
      throw new Error(`WebDriver ${method} ${path}: ${error ?? response.status}: ${message ?? ""}`);
    }
    return answer.value;
  }
}

class WebKitPage extends Page {
  static async open(driver, origin, { viewport }) {
    const page = new WebKitPage("webkit", origin);
    const created = await driver.createSession();
    page.session = new WebDriverSession(`${driver.base}/session/${created.sessionId}`);
    page.version = created.capabilities.browserVersion;
    await page.resize(viewport);
    return page;
  }
  /// Sizes the window so that the page's own viewport is `width` × `height` where the window
  /// manager allows (MiniBrowser's window has a floor of about 450 px).
  async resize({ width, height }) {
    let rect = await this.session.call("POST", "/window/rect", { width, height });
    const inner = await this.evaluate(() => [innerWidth, innerHeight]);
    rect = await this.session.call("POST", "/window/rect", { width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
    return rect;
  }
  async navigate(url) {
    await this.session.call("POST", "/url", { url });
  }
  /// WebDriver's Execute Script awaits the promise the script returns.
  evaluate(fn, ...args) {
    return this.session.call("POST", "/execute/sync", { script: `return ${expression(fn, args)};`, args: [] });
  }
  async actions(actions) {
    await this.session.call("POST", "/actions", { actions });
    await this.session.call("DELETE", "/actions");
  }
  mouseClick(x, y) {
    return this.actions([{
      type: "pointer",
      id: "mouse",
      parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", x, y, origin: "viewport", duration: 0 },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ],
    }]);
  }
  press(key) {
    const value = WEBDRIVER_KEYS[key] ?? key;
    if ([...value].length !== 1) throw new Error(`webkit: no WebDriver code for the key ${key}`);
    return this.actions([{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }]);
  }
  paste() {
    const control = "\uE009";
    return this.actions([{ type: "key", id: "keyboard", actions: [
      { type: "keyDown", value: control }, { type: "keyDown", value: "v" }, { type: "keyUp", value: "v" }, { type: "keyUp", value: control },
    ] }]);
  }
  type(text) {
    const actions = [...text].flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
    return this.actions([{ type: "key", id: "keyboard", actions }]);
  }
  async reload() {
    await this.session.call("POST", "/refresh", {});
  }
  async close() {
    await this.session.call("DELETE", "", undefined, { timeout: DEFAULT_TIMEOUT }).catch(() => {});
  }
}

/// WebKitWebDriver on a display of its own (xvfb-run), in a process group of its own so that
/// stopping it ends Xvfb, the driver and MiniBrowser's processes together.
class WebKitDriver {
  async start() {
    const port = await freePort();
    this.stderr = "";
    const child = spawn("xvfb-run", ["-a", "-s", "-screen 0 1920x1200x24", "WebKitWebDriver", `--port=${port}`], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (data) => (this.stderr = (this.stderr + data).slice(-4000)));
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", resolve));
    this.stopOnExit = () => this.kill();
    process.once("exit", this.stopOnExit);
    this.base = `http://127.0.0.1:${port}`;
    const status = new WebDriverSession(this.base);
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await status.call("GET", "/status", undefined, { timeout: 5_000 }))?.ready) return this;
      } catch {
        // Not listening yet.
      }
      if (child.exitCode !== null || Date.now() > deadline) {
        await this.stop();
        throw new Error(`WebKitWebDriver did not start (exit ${child.exitCode}): ${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  kill() {
    try {
      process.kill(-this.child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  async stop() {
    this.kill();
    process.removeListener("exit", this.stopOnExit);
    await this.exited;
  }
  /// A new session: MiniBrowser started afresh. Creating one has hung here now and then (the
  /// driver never answering, twice in one run of the suite on a loaded machine): after a
  /// minute the driver and its display are restarted, and the session asked for once more.
  async createSession() {
    const capabilities = {
      alwaysMatch: {
        "webkitgtk:browserOptions": { binary: `${WEBKIT_LIBDIR}/MiniBrowser`, args: ["--automation"] },
        timeouts: { script: DEFAULT_TIMEOUT * 4, pageLoad: DEFAULT_TIMEOUT * 4 },
      },
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await new WebDriverSession(this.base).call("POST", "/session", { capabilities }, { timeout: 60_000 });
      } catch (error) {
        if (attempt === 2) throw new Error(`webkit: no session after a restart: ${error.message}; driver said: ${this.stderr}`);
        await this.stop();
        await this.start();
      }
    }
  }
}

async function launchWebKit() {
  const driver = await new WebKitDriver().start();
  let version = null;
  return {
    get version() {
      return version;
    },
    // One WebDriver session per page: a fresh profile each time, as the other engines' contexts.
    async newPage(origin, options) {
      const page = await WebKitPage.open(driver, origin, options);
      version ??= page.version;
      return page;
    },
    close: () => driver.stop(),
  };
}

const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };

/// Starts `engine`; the result opens pages on `origin` (the test server).
export async function launch(engine, origin) {
  const browser = await LAUNCHERS[engine]();
  return {
    engine,
    get version() {
      return browser.version;
    },
    /// A page in a fresh profile (no cookies, storage or history), `viewport` CSS pixels wide.
    newPage: ({ viewport = DEFAULT_VIEWPORT } = {}) => browser.newPage(origin, { viewport }),
    close: () => browser.close(),
  };
}

/// Declares `body`'s tests once per engine to run, each engine in a `describe` of its own with
/// its browser started before and closed after; one probing test server serves them all.
/// `body` gets `{ engine, features, browser, origin, open, withPage }`:
///   open(path, options?)          a fresh page on `path` (close it when done);
///   withPage(path, options?, fn)  fn(page) on a fresh page on `path`, closed afterwards.
export function acrossEngines(title, body) {
  const server = {};
  before(async () => Object.assign(server, await startServer({ probe: true })));
  after(() => server.close?.());
  for (const engine of enginesToRun()) {
    describe(`${title} — ${engine}`, () => {
      const env = { engine, features: FEATURES[engine], browser: null };
      Object.defineProperty(env, "origin", { get: () => server.origin });
      before(async () => {
        env.browser = await launch(engine, server.origin);
      });
      after(async () => {
        await env.browser?.close();
      });
      env.open = async (path, options = {}) => {
        const page = await env.browser.newPage(options);
        try {
          await page.goto(path);
        } catch (error) {
          await page.close();
          throw error;
        }
        return page;
      };
      env.withPage = async (path, options, fn) => {
        if (typeof options === "function") [options, fn] = [{}, options];
        const page = await env.open(path, options);
        try {
          return await fn(page);
        } finally {
          await page.close();
        }
      };
      test(`${engine} opens a page`, async (t) => {
        const page = await env.browser.newPage();
        await page.close();
        t.diagnostic(`${engine} ${env.browser.version}`);
      });
      body(env);
    });
  }
}
