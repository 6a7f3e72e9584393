import { randomBytes } from "node:crypto";
import type { FaultSettings } from "./faults.js";
import type { RateLimitSettings } from "./rate-limit.js";
import type { SandboxLogInput } from "./types.js";

export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** How many logs to seed (default 200), or the exact logs to start with. */
  logs?: number | readonly SandboxLogInput[];
  /** Seed of the generated logs: the same seed and clock give the same logs (default 1). */
  seed?: number;
  /** The bearer token accepted (default: random). */
  token?: string;
  email?: string;
  /** The global API key accepted with `email` (default: random). */
  apiKey?: string;
  accountId?: string;
  gatewayId?: string;
  /** Shorthand for `faults.latencyMs`. */
  latencyMs?: number;
  faults?: Partial<FaultSettings>;
  /** Shorthand for `faults.rateLimit`. */
  rateLimit?: RateLimitSettings;
  /** Inserts new logs (created now) at this rate while the sandbox runs. */
  insertPerSecond?: number;
  /**
   * Accept and ignore `filters`, as the real API does with a wrongly encoded filter: on every
   * call, or with "delete" on DELETE only (the list then looks right while the delete is not).
   */
  ignoreFilters?: boolean | "delete";
  /** The clock, in epoch milliseconds (default Date.now). */
  now?: () => number;
}

export interface NormalizedOptions {
  port: number;
  logs: number | readonly SandboxLogInput[];
  seed: number;
  token: string;
  email: string;
  apiKey: string;
  accountId: string;
  gatewayId: string;
  faults: Partial<FaultSettings>;
  insertPerSecond: number;
  ignoreFilters: boolean | "delete";
  now: () => number;
}

/** Cloudflare's documentation example account id: recognisably not a real account. */
export const defaultAccountId = "023e105f4ecef8ad9ca31a8372d0c353";

/** Every default in one place; invalid options throw before anything starts. */
export function normalizeOptions(options: SandboxOptions = {}): NormalizedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`Invalid port: ${port}`);
  const logs = options.logs ?? 200;
  if (typeof logs === "number" && (!Number.isInteger(logs) || logs < 0)) {
    throw new RangeError(`logs must be a count of 0 or more, got ${logs}`);
  }
  const insertPerSecond = options.insertPerSecond ?? 0;
  if (!(insertPerSecond >= 0)) throw new RangeError(`Invalid insertPerSecond: ${insertPerSecond}`);
  const faults: Partial<FaultSettings> = { ...options.faults };
  if (options.latencyMs !== undefined) faults.latencyMs = options.latencyMs;
  if (options.rateLimit !== undefined) faults.rateLimit = options.rateLimit;
  return {
    port,
    logs,
    seed: options.seed ?? 1,
    // Shaped like Cloudflare's: a 40-character API token, a 37-character global key.
    token: options.token ?? randomBytes(30).toString("base64url"),
    email: options.email ?? "sandbox@example.com",
    apiKey: options.apiKey ?? randomBytes(19).toString("hex").slice(0, 37),
    accountId: options.accountId ?? defaultAccountId,
    gatewayId: options.gatewayId ?? "sandbox-gateway",
    faults,
    insertPerSecond,
    ignoreFilters: options.ignoreFilters ?? false,
    now: options.now ?? Date.now,
  };
}
