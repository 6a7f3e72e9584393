// `npm run bench`: runs every benchmark in its own process and rewrites bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const benchmarks = ["sandbox-scale.mjs", "export.mjs"];

const sections = benchmarks.map((file) => {
  console.error(`running bench/${file} ...`);
  const path = fileURLToPath(new URL(file, import.meta.url));
  return execFileSync(process.execPath, [path], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
});

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}`;
const report = [
  "# Benchmark results",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; ${machine}.`,
  "Figures are medians; ratios compare against a baseline measured in the same run.",
  "",
  ...sections.flatMap((section) => [section, ""]),
].join("\n");
writeFileSync(new URL("RESULTS.md", import.meta.url), report);
console.log(report);
