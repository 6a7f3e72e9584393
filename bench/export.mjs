// Export benchmarks: (1) the request rate an export reaches under a rate limit with 200 ms of
// latency, as a fraction of the limit's ceiling; (2) peak memory exporting a million logs,
// against a plain fetch loop over the same pages, each client in its own process.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createAiGatewayLogs } from "ai-gateway-logs";
import { startSandbox } from "ai-gateway-logs/sandbox";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

async function rateUnderLimit() {
  // Cloudflare's window is 300 s; a shorter one keeps the run short, and 20 s still dwarfs 200 ms.
  const limit = { requests: 100, windowMs: 20_000 };
  const pages = 300;
  const sandbox = await startSandbox({ logs: pages * 50, latencyMs: 200, rateLimit: limit });
  const { accountId, gatewayId, token: apiToken, url: baseUrl } = sandbox;
  const logs = createAiGatewayLogs({ accountId, gatewayId, apiToken, baseUrl, rateLimit: limit });
  const started = performance.now();
  let count = 0;
  for await (const log of logs.export({ concurrency: 16 })) if (log.id) count++;
  const seconds = (performance.now() - started) / 1000;
  const requests = sandbox.stats.total;
  const tooMany = sandbox.stats.byStatus[429] ?? 0;
  await sandbox.close();
  // The fastest the limit allows: a first full window at once, then requests/windowMs.
  const ceilingSeconds =
    (Math.max(0, requests - limit.requests) * (limit.windowMs / limit.requests)) / 1000 + 0.2;
  return { count, requests, tooMany, seconds, ceilingSeconds, fraction: ceilingSeconds / seconds };
}

async function memoryAtScale(count) {
  const server = spawn(process.execPath, [here("serve-sandbox.mjs"), String(count)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  try {
    const run = (mode) =>
      JSON.parse(
        execFileSync(process.execPath, [here("export-client.mjs"), mode, line], {
          encoding: "utf8",
        }),
      );
    const floor = run("fetch");
    const ours = run("ours");
    return { floor, ours };
  } finally {
    server.kill();
  }
}

const count = Number(process.env.BENCH_EXPORT_LOGS ?? 1_000_000);
const rate = await rateUnderLimit();
const memory = await memoryAtScale(count);
const mb = (n) => `${n.toFixed(0)} MB`;
console.log(
  [
    "### Export",
    "",
    `Under a rate limit of 100 requests per 20 s with 200 ms latency, an export of ${rate.count.toLocaleString("en")} logs made ${rate.requests} requests in ${rate.seconds.toFixed(1)} s; the limit allows them in ${rate.ceilingSeconds.toFixed(1)} s at best: **${(rate.fraction * 100).toFixed(0)}% of the ceiling**, with ${rate.tooMany} answers of 429.`,
    "",
    `Exporting ${count.toLocaleString("en")} logs from a sandbox in another process (each client in its own process):`,
    "",
    "| client | logs | wall time | peak RSS |",
    "| --- | --- | --- | --- |",
    `| plain fetch loop, one page at a time (floor) | ${memory.floor.logs.toLocaleString("en")} | ${(memory.floor.ms / 1000).toFixed(1)} s | ${mb(memory.floor.maxRssMb)} |`,
    `| ai-gateway-logs export (concurrency 4) | ${memory.ours.logs.toLocaleString("en")} | ${(memory.ours.ms / 1000).toFixed(1)} s | ${mb(memory.ours.maxRssMb)} |`,
    `| ratio | | ${(memory.ours.ms / memory.floor.ms).toFixed(2)}× | ${(memory.ours.maxRssMb / memory.floor.maxRssMb).toFixed(2)}× |`,
  ].join("\n"),
);
