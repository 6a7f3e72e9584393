// Peak memory exporting a million logs, each client in a process of its own, from a sandbox in
// another: the plain fetch loop is the floor, since it holds one page at a time.
import { markdownTable, verdict } from "./markdown-table.mjs";
import { median } from "./median.mjs";
import { runClient } from "./run-client.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";
import { size } from "./sizes.mjs";

const count = size("BENCH_EXPORT_LOGS", 1_000_000, 20_000);
const rounds = size("BENCH_MEMORY_ROUNDS", 2, 1);
const clients = {
  fetch: "plain fetch loop, one page at a time (floor)",
  ours: "ai-gateway-logs `export()` (concurrency 4)",
  sdk: "official SDK, `for await` over `aiGateway.logs.list` (per_page 50)",
};

const sandbox = await startSandboxProcess(count);
const runs = Object.fromEntries(Object.keys(clients).map((mode) => [mode, []]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of Object.keys(clients)) runs[mode].push(await runClient(mode, sandbox.target));
  }
} finally {
  sandbox.close();
}

const stat = (mode, key) => median(runs[mode].map((run) => run[key]));
const floor = { ms: stat("fetch", "ms"), maxRssMb: stat("fetch", "maxRssMb") };
const rows = Object.entries(clients).map(([mode, name]) => [
  name,
  stat(mode, "logs").toLocaleString("en"),
  `${(stat(mode, "ms") / 1000).toFixed(1)} s`,
  `${(stat(mode, "ms") / floor.ms).toFixed(2)}×`,
  `${stat(mode, "maxRssMb").toFixed(0)} MB`,
  `${(stat(mode, "maxRssMb") / floor.maxRssMb).toFixed(2)}×`,
]);
const ours = stat("ours", "maxRssMb");
const complete = runs.ours.every((run) => run.logs === count && !run.error);
console.log(
  [
    "### Memory at scale",
    "",
    `Exporting ${count.toLocaleString("en")} logs from a sandbox in another process, each client in a`,
    `process of its own; median of ${rounds} rounds. Peak RSS is the whole process's (\`maxRSS\`).`,
    "",
    markdownTable(["client", "logs", "wall time", "÷ floor", "peak RSS", "÷ floor"], rows),
    "",
    markdownTable(
      ["target", "measured", "verdict"],
      [["ours ≤ 200 MB peak RSS", `${ours.toFixed(0)} MB`, verdict(ours <= 200 && complete)]],
    ),
  ].join("\n"),
);
