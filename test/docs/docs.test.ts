// `npm run docs` builds a reference that renders every operation in a browser with no network.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRemoteResources } from "../../scripts/lib/find-remote-resources.mjs";
import { chromiumArgs, chromiumMissing, findChromium } from "../helpers/chromium.js";
import { runNode } from "../helpers/project-copy.js";
import { loadBundledSpec, operations, projectRoot } from "../helpers/spec.js";

const docsFile = join(projectRoot, "dist", "docs", "index.html");
const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissing);

describe("npm run docs", () => {
  beforeAll(() => {
    const build = runNode(join(projectRoot, "scripts", "docs.mjs"), projectRoot);
    if (build.status !== 0) throw new Error(`npm run docs failed:\n${build.stderr}`);
  });

  it("writes one self-contained page", () => {
    expect(existsSync(docsFile)).toBe(true);
    const html = readFileSync(docsFile, "utf8");
    expect(findRemoteResources(html)).toEqual([]);
    expect(html).toContain("aig-config-list-gateway-logs");
  });

  describe("in headless Chromium, offline", () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      if (executablePath) browser = await chromium.launch({ executablePath, args: chromiumArgs });
    });
    afterAll(async () => browser?.close());

    it("renders all six operations and asks the network for nothing", async (context) => {
      if (!browser) return context.skip(chromiumMissing);
      const page = await browser.newPage();
      const remote: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:"))
          return route.continue();
        remote.push(url);
        return route.abort();
      });
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));

      // Redoc routes by hash under file:, and renders an operation when its route is opened.
      const spec = loadBundledSpec();
      for (const { path, method, operationId } of operations) {
        const url = `${pathToFileURL(docsFile).href}#/ai-gateway-logs/${operationId}`;
        await page.goto(url, { waitUntil: "load" });
        const section = page.locator(`[id$="/${operationId}"]`).first();
        await section.waitFor({ state: "attached", timeout: 20_000 });
        const text = await page.locator("main, body").first().innerText();
        expect(text).toContain(spec.paths[path][method].summary);
        expect(text).toContain(path.replace(/^.*\/logs/, "/logs"));
      }
      expect(remote).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  });
});
