// How the sandbox serves pages at one million logs, against the same requests at one thousand
// logs measured in the same run (this machine is shared and noisy: read the ratios).
import { startSandbox } from "ai-gateway-logs/sandbox";
import { size } from "./sizes.mjs";

const runs = 15;
const bigCount = size("BENCH_SANDBOX_LOGS", 1_000_000, 20_000);

const requests = {
  "newest page (per_page=50)": "per_page=50",
  "deep page (page=1000)": "per_page=50&page=1000",
  "created_at window filter": () =>
    `per_page=50&filters=${encodeURIComponent(JSON.stringify([{ key: "created_at", operator: "lt", value: [new Date(Date.now() - 86_400_000).toISOString()] }]))}`,
  "model filter (full scan)": `per_page=50&filters=${encodeURIComponent(JSON.stringify([{ key: "model", operator: "eq", value: ["gpt-4o"] }]))}`,
  "count only (per_page=1)": "per_page=1",
};

async function measure(count) {
  const heapBefore = process.memoryUsage().heapUsed;
  const seedStart = performance.now();
  const sandbox = await startSandbox({ logs: count });
  const seedMs = performance.now() - seedStart;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const base = `${sandbox.url}/accounts/${sandbox.accountId}/ai-gateway/gateways/${sandbox.gatewayId}/logs`;
  const headers = { authorization: `Bearer ${sandbox.token}` };
  const medians = {};
  for (const [name, query] of Object.entries(requests)) {
    const times = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = performance.now();
      const response = await fetch(`${base}?${typeof query === "function" ? query() : query}`, {
        headers,
      });
      if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
      if (i > 0) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    medians[name] = times[Math.floor(times.length / 2)];
  }
  await sandbox.close();
  return { seedMs, heapMb, medians };
}

const small = await measure(1_000);
const big = await measure(bigCount);
const rows = Object.keys(requests).map((name) => {
  const [a, b] = [big.medians[name], small.medians[name]];
  return `| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(1)}× |`;
});
const report = [
  `### Sandbox at ${bigCount.toLocaleString("en")} logs`,
  "",
  `Median of ${runs} requests each, over loopback, against a 1,000-log sandbox in the same run.`,
  `Seeding took ${(big.seedMs / 1000).toFixed(1)} s; the store holds about ${big.heapMb.toFixed(0)} MB of heap.`,
  "",
  `| request | ms at ${bigCount.toLocaleString("en")} | ms at 1,000 | ratio |`,
  "| --- | --- | --- | --- |",
  ...rows,
].join("\n");
console.log(report);
