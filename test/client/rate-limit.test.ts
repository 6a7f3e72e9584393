import { describe, expect, it } from "vitest";
import { startClientSandbox } from "../helpers/client.js";

describe("rate limiter", () => {
  it("never sends more than its window allows: the sandbox sees no 429", async () => {
    const window = { requests: 5, windowMs: 400 };
    // The sandbox runs on real time here: its window must move as the client waits.
    const { clientWith, sandbox } = await startClientSandbox(
      {},
      { rateLimit: window, now: Date.now },
    );
    const limited = clientWith({
      rateLimit: window,
      sleep: undefined,
      now: undefined,
      retry: false,
    });
    const pages = await Promise.all(Array.from({ length: 12 }, () => limited.list({ perPage: 1 })));
    expect(pages).toHaveLength(12);
    expect(sandbox.stats.byStatus[429] ?? 0).toBe(0);
    expect(sandbox.stats.byStatus[200]).toBe(12);
  });

  it("makes the overflow wait for the window to move, in order", async () => {
    const { clientWith, sandbox, sleeps } = await startClientSandbox();
    const limited = clientWith({ rateLimit: { requests: 2, windowMs: 60_000 } });
    await Promise.all([limited.list(), limited.list(), limited.list()]);
    expect(sandbox.stats.total).toBe(3);
    expect(sleeps).toEqual([60_000]);
  });

  it("holds every request of the client after a 429 until Retry-After has passed", async () => {
    const { logs, sandbox, sleeps } = await startClientSandbox();
    sandbox.faults.next(429, { headers: { "Retry-After": "7" } });
    await Promise.all([logs.list(), logs.list()]);
    // Whichever request met the 429, the other one waited too before it was sent.
    expect(sleeps.filter((ms) => ms > 0).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7_000);
    expect(sandbox.stats.requests.map((r) => r.status)).toEqual([429, 200, 200]);
  });

  it("is on by default with Cloudflare's budget", async () => {
    const { clientWith, sandbox, sleeps } = await startClientSandbox();
    const byDefault = clientWith({ rateLimit: undefined });
    await Promise.all(Array.from({ length: 30 }, () => byDefault.list({ perPage: 1 })));
    expect(sandbox.stats.total).toBe(30);
    expect(sleeps).toEqual([]);
  });
});

describe("rate limiter, aborted", () => {
  it("gives up a wait for a slot at once when the signal aborts, with an AbortError", async () => {
    const { clientWith } = await startClientSandbox();
    const limited = clientWith({
      rateLimit: { requests: 1, windowMs: 600_000 },
      sleep: undefined,
      now: undefined,
    });
    await limited.list();
    const controller = new AbortController();
    const waiting = limited.list({ signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    const error = (await waiting) as { code?: string };
    expect(error.code).toBe("aborted");
  });
});
