// What the official SDK does against the sandbox, checked afresh on every run rather than
// asserted: how far its pagination reads, how it sends filters, and what a listing sees while
// logs arrive. Each finding is set against what the same call does with ai-gateway-logs.
import Cloudflare from "cloudflare";
import { createAiGatewayLogs } from "ai-gateway-logs";
import { startSandbox } from "ai-gateway-logs/sandbox";

async function withSandbox(options, run) {
  const sandbox = await startSandbox(options);
  const { url, token, accountId, gatewayId } = sandbox;
  // Nulls, so no CLOUDFLARE_* variable of this machine adds credentials.
  const credentials = { apiToken: token, apiKey: null, apiEmail: null, userServiceKey: null };
  const sdk = new Cloudflare({ ...credentials, baseURL: url });
  const ours = createAiGatewayLogs({ accountId, gatewayId, apiToken: token, baseUrl: url });
  try {
    return await run({ sandbox, sdk, ours, params: { account_id: accountId } });
  } finally {
    await sandbox.close();
  }
}

// 120 logs are three pages of 50: the SDK stops only at an empty page.
const pagination = await withSandbox({ logs: 120 }, async ({ sandbox, sdk, ours, params }) => {
  for await (const log of sdk.aiGateway.logs.list(sandbox.gatewayId, { ...params, per_page: 50 }))
    void log;
  const sdkRequests = sandbox.stats.total;
  sandbox.stats.reset();
  for await (const log of ours.iterate()) void log;
  return { sdkRequests, oursRequests: sandbox.stats.total };
});

const filters = await withSandbox({ logs: 120 }, async ({ sandbox, sdk, params }) => {
  const filter = { key: "model", operator: "eq", value: ["gpt-4o"] };
  const status = await sdk.aiGateway.logs
    .list(sandbox.gatewayId, { ...params, filters: [filter] })
    .then(() => 200)
    .catch((error) => error.status);
  return { query: decodeURIComponent(sandbox.stats.requests.at(-1).query), status };
});

// Logs arriving during a listing push older ones onto later pages, where they are read again.
const arrivals = { logs: 2_000, perSecond: 100, latencyMs: 20 };
const live = await withSandbox(
  { logs: arrivals.logs, insertPerSecond: arrivals.perSecond, latencyMs: arrivals.latencyMs },
  async ({ sandbox, sdk, ours, params }) => {
    const tally = async (logs) => {
      const ids = [];
      for await (const log of logs) ids.push(log.id);
      return { seen: ids.length, repeated: ids.length - new Set(ids).size };
    };
    const sdkTally = await tally(
      sdk.aiGateway.logs.list(sandbox.gatewayId, { ...params, per_page: 50 }),
    );
    const oursTally = await tally(ours.export());
    return { sdk: sdkTally, ours: oursTally };
  },
);

console.log(
  [
    "### Official SDK findings",
    "",
    `- **One request past the end.** Listing 120 logs 50 a page, the SDK made ${pagination.sdkRequests} requests where ${pagination.oursRequests} hold every log: its page`,
    "  (`V4PagePaginationArray`) asks for the next page whenever the last one was not empty and",
    "  ignores `result_info.total_count`, so every listing ends with a request for an empty page. This",
    "  is the SDK's own behaviour, not the sandbox's: the sandbox answers a page past the end with an",
    "  empty `result`, as the API does. Under a rate limit that is one request in every listing spent",
    "  on nothing.",
    `- **Filters sent in a form the API does not read.** The SDK serialises \`filters\` with dots and`,
    `  repeated keys: \`${filters.query}\`, which the sandbox refuses with ${filters.status}. The API wants one`,
    "  `filters` parameter holding a JSON array; the real API ignores this form without a word",
    "  (cloudflare-typescript issue 2723), so there the SDK's filtered listing returns every log, and",
    "  its filtered `delete` (same encoding) would remove every log.",
    `- **No snapshot.** With ${arrivals.perSecond} logs arriving a second, the SDK's \`for await\` over ${arrivals.logs.toLocaleString("en")} logs read ${live.sdk.seen.toLocaleString("en")} logs of which ${live.sdk.repeated} were repeats`,
    `  (new logs push older ones onto the next page); \`export()\` read ${live.ours.seen.toLocaleString("en")} with ${live.ours.repeated} repeats, fixed at`,
    "  the newest log when it started. Any listing by page number has this, `iterate()` included.",
    "- **No client-side limit.** The SDK sends as fast as it is called; on a 429 it waits `Retry-After`",
    "  and tries again, twice by default, then throws. Its one-at-a-time listing stays under a limit only",
    "  while one request at a time is slower than the limit; the rate-limit table shows what a pool of",
    "  its calls draws.",
  ].join("\n"),
);
