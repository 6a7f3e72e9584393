// CPU time and peak memory of one export per client, from a sandbox in another process, each
// client in a process of its own; the clients take turns, round after round.
import { markdownTable, verdict } from "./markdown-table.mjs";
import { median } from "./median.mjs";
import { runClient } from "./run-client.mjs";
import { startSandboxProcess } from "./sandbox-process.mjs";
import { size } from "./sizes.mjs";

const count = size("BENCH_CPU_LOGS", 50_000, 2_000);
const rounds = size("BENCH_CPU_ROUNDS", 7, 2);
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
const floor = { cpuMs: stat("fetch", "cpuMs"), maxRssMb: stat("fetch", "maxRssMb") };
const rows = Object.entries(clients).map(([mode, name]) => [
  name,
  `${(stat(mode, "cpuMs") / 1000).toFixed(2)} s`,
  `${(stat(mode, "cpuMs") / floor.cpuMs).toFixed(2)}×`,
  `${stat(mode, "maxRssMb").toFixed(0)} MB`,
  `${(stat(mode, "maxRssMb") / floor.maxRssMb).toFixed(2)}×`,
  `${(stat(mode, "ms") / 1000).toFixed(2)} s`,
]);
const ours = stat("ours", "cpuMs") / floor.cpuMs;
const overBare = stat("ours", "cpuMs") / stat("openapi-fetch", "cpuMs");
console.log(
  [
    "### Export CPU",
    "",
    `Exporting ${count.toLocaleString("en")} logs from a sandbox in another process over loopback, each client in a process of its own; median of ${rounds} rounds, the clients taking turns. CPU is user + system time of the export alone (\`process.cpuUsage\`, every thread), after the client was imported and built.`,
    "",
    markdownTable(["client", "CPU", "÷ floor", "peak RSS", "÷ floor", "wall time"], rows),
    "",
    markdownTable(
      ["target", "measured", "verdict"],
      [["ours ≤ 1.15× plain fetch CPU", `${ours.toFixed(2)}×`, verdict(ours <= 1.15)]],
    ),
    "",
    `Where ours spends more than the floor (profiled with \`node --cpu-prof\`): each page goes through openapi-fetch, which builds a \`Request\` with merged headers (ours is ${overBare.toFixed(2)}× bare openapi-fetch); then through the retrying fetch, which gives every attempt its own abort signal and timer for its timeout and reads the body in full before handing it on, so a body cut short is retried instead of failing the parse (the copy handed on reads from those bytes, with no second stream). The rate limiter, the ordered pool and the snapshot filter cost little. What is left would go only by building the export's requests without openapi-fetch or without a per-attempt timeout, which would take away what \`raw\` middleware sees and a hung request's bound.`,
  ].join("\n"),
);
