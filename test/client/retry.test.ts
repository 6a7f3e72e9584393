import { describe, expect, it } from "vitest";
import { serializeFilters, where, type AiGatewayLogs } from "../../src/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";
import type { TestSandbox } from "../helpers/sandbox.js";

/** One DELETE through the client's fetch stack (retries, limiter), without the safe-delete checks. */
function rawDelete(logs: AiGatewayLogs, sandbox: TestSandbox) {
  const path = { account_id: sandbox.accountId, gateway_id: sandbox.gatewayId };
  const query = { filters: serializeFilters([where("cached").eq(true)]) };
  return logs.raw.DELETE("/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs", {
    params: { path, query },
  });
}

const deletes = (sandbox: TestSandbox) =>
  sandbox.stats.requests.filter((r) => r.method === "DELETE").map((r) => r.status);

describe("retries", () => {
  it("retry 5xx twice by default, with full-jitter exponential backoff", async () => {
    const { logs, sandbox, sleeps } = await startClientSandbox();
    sandbox.faults.next(500);
    sandbox.faults.next(502);
    await logs.list();
    expect(sandbox.stats.requests.map((r) => r.status)).toEqual([500, 502, 200]);
    // random() is 0.5: half of 500 ms, then half of 1000 ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it("retry 408 and 409 too, but not 400", async () => {
    const { logs, sandbox } = await startClientSandbox();
    sandbox.faults.next(408);
    sandbox.faults.next(409);
    await logs.list();
    sandbox.stats.reset();
    sandbox.faults.next(400);
    await caught(logs.list(), [sandbox.token]);
    expect(sandbox.stats.total).toBe(1);
  });

  it("honour Retry-After in seconds and as an HTTP date", async () => {
    const started = Date.now();
    const { logs, sandbox, sleeps } = await startClientSandbox();
    sandbox.faults.next(429, { headers: { "Retry-After": "3" } });
    await logs.list();
    expect(sleeps).toContain(3_000);
    sleeps.length = 0;
    const inTenSeconds = new Date(Date.now() + 13_000).toUTCString();
    sandbox.faults.next(503, { headers: { "Retry-After": inTenSeconds } });
    await logs.list();
    // The client's clock started near `started` and has moved 3 s since: about 10 s are left of
    // the 13, less the date's lost milliseconds, plus the real time the test took to get here.
    expect(sleeps[0]).toBeGreaterThan(8_000);
    expect(sleeps[0]).toBeLessThanOrEqual(10_000 + (Date.now() - started));
  });

  it("honour retry-after-ms", async () => {
    const { logs, sandbox, sleeps } = await startClientSandbox();
    sandbox.faults.next(503, { headers: { "retry-after-ms": "1234" } });
    await logs.list();
    expect(sleeps).toEqual([1234]);
  });

  it("respect maxRetries and maxRetryAfterMs", async () => {
    const { clientWith, sandbox } = await startClientSandbox();
    const patient = clientWith({ retry: { maxRetries: 4, maxRetryAfterMs: 1_000 } });
    sandbox.faults.errorRate = 1;
    await caught(patient.list(), [sandbox.token]);
    expect(sandbox.stats.total).toBe(5);
    sandbox.faults.errorRate = 0;
    sandbox.stats.reset();
    sandbox.faults.next(429, { headers: { "Retry-After": "2" } });
    await caught(patient.list(), [sandbox.token]);
    expect(sandbox.stats.total).toBe(1);
  });

  it("retry a truncated body", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 5 });
    sandbox.faults.next("truncate");
    const page = await logs.list();
    expect(page.logs).toHaveLength(5);
    expect(sandbox.stats.total).toBe(2);
  });

  it("never retry a DELETE after a 5xx: the server may have acted", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 5 });
    sandbox.faults.next(503);
    const { response } = await rawDelete(logs, sandbox);
    expect(response.status).toBe(503);
    expect(deletes(sandbox)).toEqual([503]);
  });

  it("never retry a DELETE after a reset connection", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 5 });
    sandbox.faults.next("reset");
    expect((await caught(rawDelete(logs, sandbox), [sandbox.token])).code).toBe("connection");
    expect(deletes(sandbox)).toEqual([0]);
  });

  it("retry a DELETE after a 429: the server did not act", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 5 });
    sandbox.faults.next(429, { headers: { "Retry-After": "1" } });
    await rawDelete(logs, sandbox);
    expect(deletes(sandbox)).toEqual([429, 200]);
  });

  it("retry a refused connection, for DELETE too", async () => {
    const { clientWith, sandbox, sleeps } = await startClientSandbox();
    await sandbox.close();
    const closed = clientWith({ baseUrl: sandbox.url });
    const error = await caught(rawDelete(closed, sandbox), [sandbox.token]);
    expect(error.code).toBe("connection");
    expect(error.message).toContain("ECONNREFUSED");
    expect(sleeps).toHaveLength(2);
  });

  it("cancel a pending backoff as soon as the signal aborts", async () => {
    const { clientWith, sandbox } = await startClientSandbox();
    const realSleeping = clientWith({ sleep: undefined, now: undefined });
    sandbox.faults.next(503, { headers: { "Retry-After": "30" } });
    const controller = new AbortController();
    const pending = realSleeping.list({ signal: controller.signal });
    while (sandbox.stats.total === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await caught(pending, [sandbox.token]);
    expect(error.code).toBe("aborted");
    expect(sandbox.stats.total).toBe(1);
  });
});
