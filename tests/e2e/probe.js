// The cross-engine suite's recorder, put first in every page's <head> by the test server
// (startServer({ probe: true }), tests/e2e/support.mjs). A classic script from the page's own
// origin: it runs before the widget in every engine, where WebDriver classic has no way to
// run a script before a page's own (playwright's addInitScript, puppeteer's
// evaluateOnNewDocument). It records, in window.__probe:
// - errors: console.error calls, uncaught errors and unhandled rejections;
// - violations: Content-Security-Policy violations;
// - xss: calls of window.__xss(n) (what every payload of tests/fixtures/xss-vectors.json calls
//   if it runs) and dialogs (alert, confirm, prompt), which never open.
(() => {
  const errors = [];
  const violations = [];
  const xss = [];
  const describe = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  const consoleError = console.error;
  console.error = function (...values) {
    errors.push(values.map(describe).join(" "));
    return consoleError.apply(this, values);
  };
  addEventListener("error", (event) => {
    // Errors of scripts only; a picture that fails to load is not one.
    if (event instanceof ErrorEvent) errors.push(`uncaught: ${event.message}`);
  });
  addEventListener("unhandledrejection", (event) => errors.push(`unhandled rejection: ${describe(event.reason)}`));
  document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  Object.defineProperty(window, "__xss", { value: (n) => xss.push(n), writable: false, configurable: false });
  const dialog = () => {
    xss.push("dialog");
  };
  window.alert = dialog;
  window.confirm = () => (dialog(), false);
  window.prompt = () => (dialog(), null);
  Object.defineProperty(window, "__probe", { value: Object.freeze({ errors, violations, xss }), writable: false, configurable: false });
})();
