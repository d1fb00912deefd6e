// Takes the README's screenshot of the demo from the release build in dist/:
//   trunk build --release && node scripts/screenshot.mjs
import path from "node:path";
import { ROOT, launchBrowser, startServer } from "../tests/e2e/support.mjs";

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(server.origin + "/");
  await page.locator(".kq-popular ol").waitFor();
  await page.screenshot({ path: path.join(ROOT, "docs", "demo.png") });
} finally {
  await browser.close();
  await server.close();
}
