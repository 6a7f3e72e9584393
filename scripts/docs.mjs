// `npm run docs`: build the static API reference into dist/docs/index.html, usable offline.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { specEntry } from "./lib/build-generated.mjs";
import { findRemoteResources } from "./lib/find-remote-resources.mjs";
import { projectRoot, runRedocly } from "./lib/run-redocly.mjs";

const redocLogo = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const redocWordmark =
  "data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2240%22 height=%2216%22%3E" +
  "%3Ctext x=%220%22 y=%2212%22 font-family=%22sans-serif%22 font-size=%2212%22 fill=%22%23555%22%3E" +
  "Redoc%3C/text%3E%3C/svg%3E";
const outFile = join(projectRoot, "dist", "docs", "index.html");
mkdirSync(dirname(outFile), { recursive: true });

// --inlineBundle puts the Redoc renderer inside the page instead of loading it from a CDN.
const build = runRedocly([
  "build-docs",
  specEntry,
  "--output",
  outFile,
  "--inlineBundle",
  "--title",
  "AI Gateway Logs API reference",
]);
if (!build.ok) {
  console.error(build.output);
  process.exit(1);
}

// Redoc's "API docs by" badge loads its logo from a CDN: an inline wordmark stands in for it.
const html = readFileSync(outFile, "utf8").replace(redocLogo, redocWordmark);
writeFileSync(outFile, html);

const remote = findRemoteResources(html);
if (remote.length > 0) {
  console.error(
    "The docs page would load resources from the network, so it would not work offline:",
  );
  for (const url of remote) console.error(`  ${url}`);
  process.exit(1);
}
console.log("wrote dist/docs/index.html (self-contained: no remote scripts, styles or fonts)");
