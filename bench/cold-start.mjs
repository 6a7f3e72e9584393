// Cold start: a whole Node.js process that imports a client and constructs it, nothing else.
// The programs take turns in a fresh random order every round, so a noisy spell on this shared
// machine hits them all alike; each figure is the median over the rounds.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { markdownTable, verdict } from "./markdown-table.mjs";
import { median } from "./median.mjs";
import { size } from "./sizes.mjs";

const rounds = size("BENCH_COLD_ROUNDS", 40, 5);
const programs = {
  "empty module (baseline)": "empty.mjs",
  "bare openapi-fetch": "openapi-fetch.mjs",
  "ai-gateway-logs": "ours.mjs",
  "official SDK, `new Cloudflare()`": "sdk.mjs",
};

function runOnce(file) {
  const path = fileURLToPath(new URL(`cold-start-entries/${file}`, import.meta.url));
  const started = performance.now();
  const result = spawnSync(process.execPath, [path], { stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${file} failed: ${result.stderr}`);
  return ms;
}

const times = Object.fromEntries(Object.keys(programs).map((name) => [name, []]));
for (const file of Object.values(programs)) runOnce(file); // warm the file cache
for (let round = 0; round < rounds; round++) {
  const order = Object.keys(programs).sort(() => Math.random() - 0.5);
  for (const name of order) times[name].push(runOnce(programs[name]));
}
const ms = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
const empty = ms["empty module (baseline)"];
const bare = ms["bare openapi-fetch"];
const ours = ms["ai-gateway-logs"];
const rows = Object.entries(ms).map(([name, m]) => [
  name,
  `${m.toFixed(1)} ms`,
  name === "empty module (baseline)" ? "" : `${(m - empty).toFixed(1)} ms`,
  `${(m / bare).toFixed(2)}×`,
]);
console.log(
  [
    "### Cold start",
    "",
    `A new \`node\` process that imports the client and constructs it; median of ${rounds} interleaved`,
    "runs each, spawn to exit.",
    "",
    markdownTable(["program", "process", "over the empty module", "÷ bare openapi-fetch"], rows),
    "",
    markdownTable(
      ["target", "measured", "verdict"],
      [
        [
          "ours ≤ 1.3× bare openapi-fetch",
          `${(ours / bare).toFixed(2)}×`,
          verdict(ours <= bare * 1.3),
        ],
      ],
    ),
    "",
    "Ours imports the package's entry as users do; the build bundles it into a module and a few shared chunks, which matters here: compiled one module per source file, importing it read some fifty files.",
  ].join("\n"),
);
