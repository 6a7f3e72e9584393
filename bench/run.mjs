// `npm run bench`: runs every benchmark in its own process and rewrites bench/RESULTS.md.
// BENCH_QUICK=1 runs them all small, as a smoke test: it prints the report and leaves
// RESULTS.md alone, since figures that small mean nothing.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { quick } from "./sizes.mjs";

const benchmarks = [
  "bundle-size.mjs",
  "cold-start.mjs",
  "export-cpu.mjs",
  "export-rate.mjs",
  "export-memory.mjs",
  "sandbox-scale.mjs",
  "sdk-findings.mjs",
];

const started = performance.now();
const sections = benchmarks.map((file) => {
  console.error(`running bench/${file} ...`);
  const path = fileURLToPath(new URL(file, import.meta.url));
  return execFileSync(process.execPath, [path], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
});

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}`;
const results = new URL("RESULTS.md", import.meta.url);
const report = await format(
  [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; ${machine}.`,
    "Everything runs on this machine over loopback against the project's sandbox. It is shared",
    "and noisy, so figures are medians of several runs and each is read as a ratio against a",
    "baseline measured in the same run. The clients compared are ai-gateway-logs, the official",
    "`cloudflare` SDK (its `aiGateway.logs` API) and a plain `fetch` loop as the floor.",
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n"),
  // Reflowed to the print width, so the benchmarks can write their prose as long lines.
  { ...(await resolveConfig(fileURLToPath(results))), parser: "markdown", proseWrap: "always" },
);
if (quick) console.error("BENCH_QUICK=1: a smoke run; RESULTS.md is left as it was.");
else writeFileSync(results, report);
console.log(report);
console.error(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
