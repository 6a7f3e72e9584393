// One export in its own process, so its CPU time and memory are its own. Modes: `fetch` (a plain
// loop, one page at a time: the floor), `openapi-fetch` (the same loop over bare openapi-fetch,
// which ours is built on), `ours` (logs.export()), `sdk` (the official SDK's
// `for await` over aiGateway.logs.list) and `sdk-pool` (the SDK with pages fetched `concurrency`
// at a time by hand, as the SDK has no concurrent export of its own).
// Prints { logs, ms, cpuMs, maxRssMb, error? } as JSON. The clock and cpuMs start once the client
// is imported and built (cold-start.mjs measures that), so they cover the export alone.
const [mode, json] = process.argv.slice(2);
const { url, token, accountId, gatewayId, ...target } = JSON.parse(json);
const concurrency = target.concurrency ?? 4;
const perPage = 50;

async function sdkClient() {
  // Imported per mode, so no mode pays for another client's code in memory.
  const { default: Cloudflare } = await import("cloudflare");
  // Nulls, so no CLOUDFLARE_* variable of this machine adds credentials.
  const credentials = { apiToken: token, apiKey: null, apiEmail: null, userServiceKey: null };
  return new Cloudflare({ ...credentials, baseURL: url });
}

// Each sets its client up and returns the export, which calls `each` for every log.
const setups = {
  async fetch() {
    const base = `${url}/accounts/${accountId}/ai-gateway/gateways/${gatewayId}/logs`;
    const headers = { authorization: `Bearer ${token}` };
    return async (each) => {
      for (let page = 1; ; page++) {
        const response = await fetch(`${base}?per_page=${perPage}&page=${page}`, { headers });
        const body = await response.json();
        for (const log of body.result) each(log);
        if (page * perPage >= body.result_info.total_count) return;
      }
    };
  },
  async "openapi-fetch"() {
    const { default: createClient } = await import("openapi-fetch");
    const client = createClient({ baseUrl: url, headers: { authorization: `Bearer ${token}` } });
    const path = { account_id: accountId, gateway_id: gatewayId };
    return async (each) => {
      for (let page = 1; ; page++) {
        const query = { per_page: perPage, page };
        const { data } = await client.GET(
          "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs",
          {
            params: { path, query },
          },
        );
        for (const log of data.result) each(log);
        if (page * perPage >= data.result_info.total_count) return;
      }
    };
  },
  async ours() {
    const { createAiGatewayLogs } = await import("ai-gateway-logs");
    const rateLimit = target.rateLimit ?? false;
    const options = { accountId, gatewayId, apiToken: token, baseUrl: url, rateLimit };
    const logs = createAiGatewayLogs(options);
    return async (each) => {
      for await (const log of logs.export({ concurrency, perPage })) each(log);
    };
  },
  async sdk() {
    const client = await sdkClient();
    return async (each) => {
      const params = { account_id: accountId, per_page: perPage };
      for await (const log of client.aiGateway.logs.list(gatewayId, params)) each(log);
    };
  },
  async "sdk-pool"() {
    const client = await sdkClient();
    const page = (n) =>
      client.aiGateway.logs.list(gatewayId, { account_id: accountId, per_page: perPage, page: n });
    return async (each) => {
      const first = await page(1);
      for (const log of first.result) each(log);
      const pages = Math.ceil(first.result_info.total_count / perPage);
      let next = 2;
      const worker = async () => {
        while (next <= pages) for (const log of (await page(next++)).result) each(log);
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };
  },
};

const run = await setups[mode]();
let logs = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
let error;
try {
  await run((log) => {
    if (log.id) logs++;
  });
} catch (e) {
  error = `${e.constructor.name}: ${String(e.message).slice(0, 160)}`;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ logs, ms, cpuMs, maxRssMb, error }));
