import { describe, expect, it } from "vitest";
import {
  AbortError,
  AiGatewayLogsError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createAiGatewayLogs,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "../../src/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";

describe("errors", () => {
  it("BadRequestError for a per_page out of bounds, with Cloudflare's messages", async () => {
    const { logs, sandbox } = await startClientSandbox();
    const error = await caught(logs.list({ perPage: 51 }), [sandbox.token]);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "bad_request", method: "GET" });
    expect(error.errors[0].message).toContain("per_page");
  });

  it("AuthenticationError for a wrong token, which it never repeats", async () => {
    const { clientWith, sandbox } = await startClientSandbox();
    const wrongToken = "wrong-token-0123456789abcdefghij";
    const error = await caught(clientWith({ apiToken: wrongToken }).list(), [
      wrongToken,
      sandbox.token,
    ]);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
  });

  it("PermissionDeniedError for an account the credentials do not reach", async () => {
    const { clientWith, sandbox } = await startClientSandbox();
    const other = clientWith({ accountId: "ffffffffffffffffffffffffffffffff" });
    expect(await caught(other.list(), [sandbox.token])).toBeInstanceOf(PermissionDeniedError);
  });

  it("works with an email and global key too", async () => {
    const { clientWith, sandbox } = await startClientSandbox({}, { logs: 4 });
    const keyed = clientWith({
      apiToken: undefined,
      apiEmail: sandbox.email,
      apiKey: sandbox.apiKey,
    });
    expect((await keyed.list()).resultInfo.total_count).toBe(4);
    const wrong = clientWith({
      apiToken: undefined,
      apiEmail: sandbox.email,
      apiKey: "k".repeat(37),
    });
    expect(await caught(wrong.list(), [sandbox.apiKey, "k".repeat(37)])).toBeInstanceOf(
      AuthenticationError,
    );
  });

  it("ServerError once retries are spent on 5xx", async () => {
    const { logs, sandbox } = await startClientSandbox();
    sandbox.faults.errorRate = 1;
    const error = await caught(logs.list(), [sandbox.token]);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(sandbox.stats.total).toBe(3);
  });

  it("ConnectionError when the server resets every connection", async () => {
    const { logs, sandbox } = await startClientSandbox();
    sandbox.faults.resetRate = 1;
    const error = await caught(logs.list(), [sandbox.token]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^GET \/client\/v4\/.+\/logs failed/);
    expect(sandbox.stats.total).toBe(3);
  });

  it("TimeoutError when an attempt outlasts timeoutMs", async () => {
    const { clientWith, sandbox } = await startClientSandbox();
    sandbox.faults.latencyMs = 2_000;
    const error = await caught(clientWith({ timeoutMs: 50, retry: false }).list(), [sandbox.token]);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(50);
  });

  it("AbortError when the caller's signal fires", async () => {
    const { logs, sandbox } = await startClientSandbox();
    sandbox.faults.latencyMs = 2_000;
    const controller = new AbortController();
    const pending = logs.list({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await caught(pending, [sandbox.token])).toBeInstanceOf(AbortError);
  });

  it("ValidationError for bad options, before any request", async () => {
    const { sandbox } = await startClientSandbox();
    const base = { accountId: sandbox.accountId, baseUrl: sandbox.url, apiToken: sandbox.token };
    const bad = [
      { ...base, gatewayId: "Not_Valid" },
      { ...base, gatewayId: "a".repeat(65) },
      { ...base, gatewayId: "double--dash" },
      { ...base, gatewayId: "gw", accountId: "" },
      { ...base, gatewayId: "gw", apiToken: undefined },
      { ...base, gatewayId: "gw", apiToken: undefined, apiEmail: "me@example.com" },
    ];
    for (const options of bad) {
      expect(() => createAiGatewayLogs(options as never)).toThrow(ValidationError);
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it("share one base class with a stable code", async () => {
    const { logs, sandbox } = await startClientSandbox();
    const error = await caught(logs.list({ perPage: 0 }), [sandbox.token]);
    expect(error).toBeInstanceOf(AiGatewayLogsError);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "BadRequestError",
      code: "bad_request",
      status: 400,
    });
  });

  it("RateLimitError at once when Retry-After is over the cap", async () => {
    const { logs, sandbox, sleeps } = await startClientSandbox();
    sandbox.faults.next(429, { headers: { "Retry-After": "300" } });
    const error = await caught(logs.list(), [sandbox.token]);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(300_000);
    expect(sandbox.stats.total).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
