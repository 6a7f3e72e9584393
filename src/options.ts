import { ValidationError } from "./errors/request-errors.js";
import type { RateLimit } from "./rate-limit.js";
import type { RetryPolicy } from "./retry/policy.js";
import { sleep as realSleep, type Sleep } from "./sleep.js";

/** All the library asks of fetch: a Request in, a Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

export interface AiGatewayLogsOptions {
  /** The Cloudflare account that owns the gateway. */
  accountId: string;
  /** The gateway whose logs to work with; every method can override it per call. */
  gatewayId: string;
  /** An API token with AI Gateway Read (and Write, to patch or delete). */
  apiToken?: string;
  /** With `apiKey`: the legacy global API key scheme. */
  apiEmail?: string;
  apiKey?: string;
  /** Defaults to https://api.cloudflare.com/client/v4; point it at a sandbox in tests. */
  baseUrl?: string;
  /** A fetch implementation; defaults to the global one. */
  fetch?: FetchLike;
  /** Per attempt, in ms (default 60000). */
  timeoutMs?: number;
  /** Retries of failed attempts; `false` turns them off. */
  retry?: Partial<RetryPolicy> | false;
  /** The client-wide request budget (default 1200 per 300000 ms); `false` turns it off. */
  rateLimit?: RateLimit | false;
  /** Extra headers on every request, such as a User-Agent. */
  headers?: Record<string, string>;
  /** How to wait: injected by tests and simulations to record delays instead of sleeping. */
  sleep?: Sleep;
  /** Source of jitter in [0, 1); injected by tests. */
  random?: () => number;
  /** The clock, in ms since the epoch; tests pair it with `sleep` to make time virtual. */
  now?: () => number;
}

export const defaults = {
  baseUrl: "https://api.cloudflare.com/client/v4",
  timeoutMs: 60_000,
  retry: { maxRetries: 2, maxRetryAfterMs: 60_000, baseDelayMs: 500, maxDelayMs: 8_000 },
  rateLimit: { requests: 1200, windowMs: 300_000 },
} as const;

export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/** The one place defaults live; also checks the options before any request is sent. */
export function resolveOptions(options: AiGatewayLogsOptions) {
  if (typeof options !== "object" || options === null)
    throw new ValidationError("Options are required.");
  requireText(options.accountId, "accountId");
  checkGatewayId(options.gatewayId);
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  if (!(timeoutMs > 0))
    throw new ValidationError("timeoutMs must be a positive number of milliseconds.");
  const retry: RetryPolicy =
    options.retry === false
      ? { ...defaults.retry, maxRetries: 0 }
      : { ...defaults.retry, ...options.retry };
  if (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0) {
    throw new ValidationError("retry.maxRetries must be a whole number, 0 or more.");
  }
  const rateLimit = options.rateLimit === undefined ? defaults.rateLimit : options.rateLimit;
  if (rateLimit && !(rateLimit.requests >= 1 && rateLimit.windowMs > 0)) {
    throw new ValidationError("rateLimit needs requests >= 1 and windowMs > 0, or false.");
  }
  return {
    accountId: options.accountId,
    gatewayId: options.gatewayId,
    baseUrl: (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, ""),
    // Undefined means the global fetch, looked up per call, so one installed later is used.
    fetch: options.fetch as FetchLike | undefined,
    timeoutMs,
    retry,
    rateLimit: rateLimit as RateLimit | false,
    headers: options.headers ?? {},
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

const gatewayIdRule = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;

/** Cloudflare's rule for gateway ids: 1-64 lowercase letters, digits, `_`, single dashes between. */
export function checkGatewayId(gatewayId: unknown): asserts gatewayId is string {
  requireText(gatewayId, "gatewayId");
  if (gatewayId.length > 64 || !gatewayIdRule.test(gatewayId)) {
    throw new ValidationError(
      `gatewayId ${JSON.stringify(gatewayId)} is not a valid gateway id: use 1-64 lowercase letters, digits, _ and single dashes.`,
    );
  }
}

/** Log ids are opaque, but "." and ".." would be read as path steps by any URL parser. */
export function checkLogId(id: unknown): asserts id is string {
  requireText(id, "log id");
  if (id === "." || id === "..")
    throw new ValidationError(`${JSON.stringify(id)} is not a log id.`);
}

function requireText(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ValidationError(`${name} is required and must be a non-empty string.`);
  }
}
