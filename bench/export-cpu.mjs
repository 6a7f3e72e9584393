// CPU time and peak memory of one export per client, from a sandbox in another process, each
// client in a process of its own; the clients take turns, round after round.
import { markdownTable, verdict } from "./markdown-table.mjs";
import { median } from "./median.mjs";
import { runClient } from "./run-client.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";
import { size } from "./sizes.mjs";

const count = size("BENCH_CPU_LOGS", 30_000, 2_000);
const rounds = size("BENCH_CPU_ROUNDS", 15, 2);
const clients = {
  fetch: "plain fetch loop, one page at a time (floor)",
  "openapi-fetch": "bare openapi-fetch, the same loop",
  ours: "ai-gateway-logs `export()` (concurrency 4)",
  sdk: "official SDK, `for await` over `aiGateway.logs.list` (per_page 50)",
};

const sandbox = await startSandboxProcess(count);
const runs = Object.fromEntries(Object.keys(clients).map((mode) => [mode, []]));
try {
  await runClient("fetch", sandbox.target); // warms the sandbox up; not counted
  for (let round = 0; round < rounds; round++) {
    for (const mode of Object.keys(clients)) {
      const result = await runClient(mode, sandbox.target);
      if (result.error || result.logs !== count)
        throw new Error(`${mode}: ${result.logs} logs, ${result.error ?? "no error"}`);
      runs[mode].push(result);
    }
  }
} finally {
  sandbox.close();
}

const stat = (mode, key) => median(runs[mode].map((run) => run[key]));
// Each round's figure over the floor's in the same round, then the median: the machine's load
// drifts between rounds far more than within one.
const overFloor = (mode, key) =>
  median(runs[mode].map((run, round) => run[key] / runs.fetch[round][key]));
const rows = Object.entries(clients).map(([mode, name]) => [
  name,
  `${(stat(mode, "cpuMs") / 1000).toFixed(2)} s`,
  `${overFloor(mode, "cpuMs").toFixed(2)}×`,
  `${stat(mode, "maxRssMb").toFixed(0)} MB`,
  `${overFloor(mode, "maxRssMb").toFixed(2)}×`,
  `${(stat(mode, "ms") / 1000).toFixed(2)} s`,
]);
const ours = overFloor("ours", "cpuMs");
console.log(
  [
    "### Export CPU",
    "",
    `Exporting ${count.toLocaleString("en")} logs from a sandbox in another process over loopback, each client in a process of its own; ${rounds} rounds, the clients taking turns; each ratio is the median of the rounds' ratios to the floor of the same round. CPU is user + system time of the export alone (\`process.cpuUsage\`, every thread), after the client was imported and built.`,
    "",
    markdownTable(["client", "CPU", "÷ floor", "peak RSS", "÷ floor", "wall time"], rows),
    "",
    markdownTable(
      ["target", "measured", "verdict"],
      [["ours ≤ 1.15× plain fetch CPU", `${ours.toFixed(2)}×`, verdict(ours <= 1.15)]],
    ),
    "",
    "Ours sends each page as a URL and an init straight to `fetch`, with no `Request` built, and hands on the bytes it read rather than a rebuilt `Response`; what it adds to the floor is an abort signal and a timer per attempt (the timeout, and the retry of a body cut short), the rate limiter's turn, the ordered pool of four, and an async iterator step per log where the floor's loop calls a function. It skips what bare openapi-fetch does for every page: build a `Request` with merged `Headers`, which undici then takes apart again.",
  ].join("\n"),
);
