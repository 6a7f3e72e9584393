// How close each client gets to a rate limit's ceiling with 200 ms of latency, and how many 429s
// it draws. Every run has a sandbox of its own (so its own limit window) and its client in a
// process of its own. The runs go at the same time: they spend the run waiting, not computing.
import { startSandbox } from "ai-gateway-logs/sandbox";
import { markdownTable, verdict } from "./markdown-table.mjs";
import { median } from "./median.mjs";
import { runClient } from "./run-client.mjs";
import { quick, size } from "./sizes.mjs";

const latencyMs = 200;
// At 200 ms one request at a time makes 5 a second; this limit allows twice that, so a client
// that keeps a few requests in flight can do better than one that waits for each answer.
const limit = quick ? { requests: 20, windowMs: 2_000 } : { requests: 100, windowMs: 10_000 };
const pages = size("BENCH_RATE_PAGES", 500, 60);
const runs = size("BENCH_RATE_RUNS", 3, 1);
const concurrency = 16;
const clients = {
  ours: `ai-gateway-logs \`export()\`, concurrency ${concurrency}, told the limit`,
  sdk: "official SDK, `for await` over `aiGateway.logs.list`",
  "sdk-pool": `official SDK, ${concurrency} pages at a time by hand`,
};

/** The fastest the limit allows `requests`: a first full window at once, then requests/windowMs. */
const ceilingSeconds = (requests) =>
  (Math.max(0, requests - limit.requests) * (limit.windowMs / limit.requests) + latencyMs) / 1000;

async function runOnce(mode) {
  const sandbox = await startSandbox({ logs: pages * 50, latencyMs, rateLimit: limit });
  const { url, token, accountId, gatewayId } = sandbox;
  try {
    const target = { url, token, accountId, gatewayId, concurrency, rateLimit: limit };
    const result = await runClient(mode, target);
    const answered = sandbox.stats.byStatus[200] ?? 0;
    const seconds = result.ms / 1000;
    return {
      ...result,
      requests: sandbox.stats.total,
      answered,
      tooMany: sandbox.stats.byStatus[429] ?? 0,
      fraction: ceilingSeconds(answered) / seconds,
    };
  } finally {
    await sandbox.close();
  }
}

const modes = Object.keys(clients).flatMap((mode) => Array(runs).fill(mode));
const results = await Promise.all(modes.map((mode) => runOnce(mode)));
const of = (mode) => results.filter((_, i) => modes[i] === mode);
const stat = (mode, key) => median(of(mode).map((run) => run[key]));
const failures = (mode) => of(mode).filter((run) => run.error);
const rows = Object.entries(clients).map(([mode, name]) => [
  name,
  `${stat(mode, "logs").toLocaleString("en")}`,
  `${stat(mode, "answered")} + ${stat(mode, "requests") - stat(mode, "answered")}`,
  `${stat(mode, "tooMany")}`,
  `${(stat(mode, "ms") / 1000).toFixed(1)} s`,
  `${(stat(mode, "answered") / (stat(mode, "ms") / 1000)).toFixed(1)}/s`,
  `${(stat(mode, "fraction") * 100).toFixed(0)}%`,
  failures(mode).length === 0
    ? ""
    : `${failures(mode).length} of ${runs}: ${failures(mode)[0].error}`,
]);
const ours = of("ours");
const oursFraction = stat("ours", "fraction");
const oursTooMany = Math.max(...ours.map((run) => run.tooMany));
console.log(
  [
    "### Export under a rate limit",
    "",
    `${pages} pages (${(pages * 50).toLocaleString("en")} logs), ${latencyMs} ms of latency on every answer, and a`,
    `limit of ${limit.requests} requests per ${limit.windowMs / 1000} s (once exceeded, every call is refused for a`,
    "whole window, with `Retry-After`, as Cloudflare does). The limit's ceiling is",
    `${limit.requests / (limit.windowMs / 1000)} requests a second, twice what one request at a time can make at ${latencyMs} ms,`,
    "so the comparison is about using the room a limit leaves without crossing it. Cloudflare's",
    "own limit (1200 per 300 s, 4 a second) is below that: there even one request at a time crosses",
    "it once it has made 1200.",
    `Median of ${runs} runs each; every run has a sandbox of its own and they run side by side.`,
    "The ceiling for a run is the shortest time the limit allows its answered requests in: a first",
    "full window at once, then one window's worth per window.",
    "",
    markdownTable(
      [
        "client",
        "logs",
        "requests: answered + refused",
        "429s",
        "time",
        "rate",
        "of the ceiling",
        "failed",
      ],
      rows,
    ),
    "",
    markdownTable(
      ["target", "measured", "verdict"],
      [
        [
          "ours ≥ 90% of the ceiling",
          `${(oursFraction * 100).toFixed(0)}%`,
          verdict(oursFraction >= 0.9 && failures("ours").length === 0),
        ],
        ["zero 429s caused by ours", `${oursTooMany} in the worst run`, verdict(oursTooMany === 0)],
      ],
    ),
  ].join("\n"),
);
