/**
 * ai-gateway-logs/sandbox: Cloudflare's AI Gateway Logs API on 127.0.0.1, for tests and demos.
 *
 * ```ts
 * const sandbox = await startSandbox({ logs: 500, seed: 7 });
 * const res = await fetch(
 *   `${sandbox.url}/accounts/${sandbox.accountId}/ai-gateway/gateways/${sandbox.gatewayId}/logs`,
 *   { headers: { Authorization: `Bearer ${sandbox.token}` } },
 * );
 * sandbox.faults.next(429, { count: 2 }); // the next two requests are rate limited
 * await sandbox.close();
 * ```
 */
export { startSandbox, type Sandbox } from "./start-sandbox.js";
export type { SandboxOptions } from "./options.js";
export type { SandboxStore, LogLocation } from "./store.js";
export type { SandboxStats, RequestRecord } from "./stats.js";
export type { SandboxFaults, FaultSettings, ScriptedAction, ScriptedOptions } from "./faults.js";
export type { RateLimitSettings } from "./rate-limit.js";
export type { PayloadKind } from "./gateway-logs.js";
export type {
  GatewayLog,
  GatewayLogDetail,
  SandboxLog,
  SandboxLogInput,
  StoredPayload,
  WireFilter,
} from "./types.js";
