import { resolveCredentials } from "./auth.js";
import {
  checkGatewayId,
  checkLogId,
  resolveOptions,
  type AiGatewayLogsOptions,
} from "./options.js";
import { RateLimiter } from "./rate-limit.js";
import { createTransport, type Send } from "./retry/transport.js";
import type { Sleep } from "./sleep.js";

/** Per-call options every fetcher takes. */
export interface CallOptions {
  /** Another gateway of the same account, for this call only. */
  gatewayId?: string;
  signal?: AbortSignal;
}

/**
 * One account's gateway, with its credentials, retries and rate limiter: what every fetcher
 * (`listLogs`, `getLog`, ...) takes first. Fetchers sharing one gateway share its rate limiter.
 */
export interface Gateway {
  readonly accountId: string;
  /** The gateway each call uses unless its `gatewayId` says otherwise. */
  readonly gatewayId: string;
  /** What the fetchers share; not meant to be used directly. */
  readonly internal: GatewayInternals;
}

export interface GatewayInternals {
  baseUrl: string;
  /** Every header the API needs: the credentials and the caller's extras. */
  headers: Record<string, string>;
  /** Credentials to scrub from anything the library reports. */
  secrets: readonly string[];
  send: Send;
  sleep: Sleep;
  now: () => number;
}

/** Connects to one account's gateway logs. Checks the options before any request is sent. */
export function createGateway(options: AiGatewayLogsOptions): Gateway {
  const resolved = resolveOptions(options);
  const { headers, secrets } = resolveCredentials(options);
  const limiter = new RateLimiter(resolved.rateLimit, resolved.sleep, resolved.now);
  const { baseUrl, sleep, now } = resolved;
  return {
    accountId: resolved.accountId,
    gatewayId: resolved.gatewayId,
    internal: {
      baseUrl,
      headers: { ...resolved.headers, ...headers },
      secrets,
      send: createTransport({ ...resolved, policy: resolved.retry, limiter, secrets }),
      sleep,
      now,
    },
  };
}

/** The path parameters of the logs collection, for this call's gateway. */
export function logsPathOf(gateway: Gateway, call: CallOptions) {
  const gatewayId = call.gatewayId ?? gateway.gatewayId;
  checkGatewayId(gatewayId);
  return { account_id: gateway.accountId, gateway_id: gatewayId };
}

/** The path parameters of one log, for this call's gateway. */
export function logPathOf(gateway: Gateway, id: string, call: CallOptions) {
  checkLogId(id);
  return { ...logsPathOf(gateway, call), id };
}
