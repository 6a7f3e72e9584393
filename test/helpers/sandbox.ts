// Starts a sandbox per test on a free port and closes it when the test ends.
import { onTestFinished } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";

type Query = Record<string, string | number | boolean | undefined>;

export interface Where {
  accountId?: string;
  gatewayId?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: any;
}

export interface TestSandbox extends Sandbox {
  /** Bearer-token headers for this sandbox. */
  auth: Record<string, string>;
  /** X-Auth-Email and X-Auth-Key headers for this sandbox. */
  keyAuth: Record<string, string>;
  /** URL of `/logs`, optionally of a log under it (`"<id>"`, `"<id>/request"`), with a query. */
  logsUrl(rest?: string, query?: Query | string, where?: Where): string;
  /** fetch with the bearer token unless headers are given; reads the body. */
  call(
    method: string,
    url: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<Reply>;
  /** GET /logs with a query, bearer auth. */
  list(query?: Query | string, where?: Where): Promise<Reply>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ now: () => fixedNow, ...options });
  onTestFinished(() => sandbox.close());
  const auth = { authorization: `Bearer ${sandbox.token}` };
  const keyAuth = { "x-auth-email": sandbox.email, "x-auth-key": sandbox.apiKey };
  const logsUrl = (rest = "", query: Query | string = {}, where: Where = {}) => {
    const account = encodeURIComponent(where.accountId ?? sandbox.accountId);
    const gateway = encodeURIComponent(where.gatewayId ?? sandbox.gatewayId);
    const base = `${sandbox.url}/accounts/${account}/ai-gateway/gateways/${gateway}/logs`;
    return `${base}${rest ? `/${rest}` : ""}${queryString(query)}`;
  };
  const call: TestSandbox["call"] = async (method, target, init = {}) => {
    const response = await fetch(target, {
      method,
      headers: init.headers ?? auth,
      body: init.body,
    });
    const text = await response.text();
    const json = (response.headers.get("content-type") ?? "").startsWith("application/json");
    return {
      status: response.status,
      headers: response.headers,
      body: json ? JSON.parse(text) : text,
    };
  };
  return Object.assign(sandbox, {
    auth,
    keyAuth,
    logsUrl,
    call,
    list: (query?: Query | string, where?: Where) => call("GET", logsUrl("", query, where)),
  });
}

/** The clock the test sandboxes run on, so seeded logs are the same in every run. */
export const fixedNow = Date.parse("2025-01-15T12:00:00.000Z");

function queryString(query: Query | string): string {
  if (typeof query === "string") return query === "" ? "" : `?${query}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** `filters` as the API wants it: one JSON array, URL-encoded by URLSearchParams. */
export function filtersParam(...filters: { key: string; operator: string; value: unknown[] }[]) {
  return JSON.stringify(filters);
}
