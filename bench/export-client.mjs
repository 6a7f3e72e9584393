// One export in its own process: `ours` (the library) or `fetch` (a plain loop, the floor).
// Prints { logs, ms, maxRssMb } as JSON.
import { createAiGatewayLogs } from "ai-gateway-logs";

const [mode, json] = process.argv.slice(2);
const target = JSON.parse(json);
const started = performance.now();
let count = 0;
if (mode === "ours") {
  const { accountId, gatewayId, token: apiToken, url: baseUrl } = target;
  const logs = createAiGatewayLogs({ accountId, gatewayId, apiToken, baseUrl, rateLimit: false });
  for await (const log of logs.export({ concurrency: 4 })) if (log.id) count++;
} else {
  const base = `${target.url}/accounts/${target.accountId}/ai-gateway/gateways/${target.gatewayId}/logs`;
  const headers = { authorization: `Bearer ${target.token}` };
  for (let page = 1; ; page++) {
    const body = await (await fetch(`${base}?per_page=50&page=${page}`, { headers })).json();
    for (const log of body.result) if (log.id) count++;
    if (page * 50 >= body.result_info.total_count) break;
  }
}
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ logs: count, ms: performance.now() - started, maxRssMb }));
