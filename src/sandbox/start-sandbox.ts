import { createFaults, type SandboxFaults } from "./faults.js";
import { handleRequest } from "./handle-request.js";
import { startInserting } from "./insert-timer.js";
import { normalizeOptions, type SandboxOptions } from "./options.js";
import { createRandom } from "./random.js";
import { createRateLimiter } from "./rate-limit.js";
import { listen } from "./server.js";
import { createStats, type SandboxStats } from "./stats.js";
import { LogStore, type SandboxStore } from "./store.js";
import { seedLogs } from "./seed.js";

export interface Sandbox {
  /** Use in place of https://api.cloudflare.com/client/v4. */
  url: string;
  port: number;
  /** Accepted as `Authorization: Bearer <token>`. */
  token: string;
  /** Accepted together with `apiKey` as X-Auth-Email and X-Auth-Key. */
  email: string;
  apiKey: string;
  accountId: string;
  gatewayId: string;
  store: SandboxStore;
  stats: SandboxStats;
  /** Live fault settings: change them while requests run. */
  faults: SandboxFaults;
  /** Stops the insert timer and the server, closing open connections. */
  close(): Promise<void>;
}

/** Starts a Cloudflare AI Gateway Logs API on 127.0.0.1, seeded with realistic logs. */
export async function startSandbox(options?: SandboxOptions): Promise<Sandbox> {
  const o = normalizeOptions(options);
  // Separate streams, so turning a fault on does not change which logs get inserted.
  const store = new LogStore(o, createRandom(o.seed ^ 0x5eed), o.now);
  if (typeof o.logs === "number") store.loadStored(seedLogs(o.logs, o.seed, o.now()));
  else store.add(o.logs);
  const { faults, decide } = createFaults(o.faults, createRandom(o.seed ^ 0xfa17));
  const { stats, begin, record } = createStats();
  const limiter = createRateLimiter(o.now);
  const credentials = { token: o.token, email: o.email, apiKey: o.apiKey };
  const context = {
    store,
    credentials,
    faults,
    limiter,
    ignoreFilters: o.ignoreFilters,
    decideFault: decide,
    begin,
    record,
    sleep: (ms: number) => server.sleep(ms),
  };
  const server = await listen(o.port, (req, res) => handleRequest(context, req, res));
  const stopInserting = startInserting(o.insertPerSecond, (count) => {
    for (let i = 0; i < count; i++) store.insert();
  });
  return {
    url: `http://127.0.0.1:${server.port}/client/v4`,
    port: server.port,
    ...credentials,
    accountId: o.accountId,
    gatewayId: o.gatewayId,
    store,
    stats,
    faults,
    close: async () => {
      stopInserting();
      await server.close();
    },
  };
}
