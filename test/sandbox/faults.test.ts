// The fault knobs, random and scripted. Delays are read from the sandbox's own request log,
// never measured on a clock.
import { describe, expect, it } from "vitest";
import { createStats } from "../../src/sandbox/stats.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

async function statuses(sandbox: TestSandbox, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await sandbox.list({ per_page: 1 })).status);
  return seen;
}

describe("latency", () => {
  it("adds latencyMs plus up to jitterMs to every answer", async () => {
    const sandbox = await startTestSandbox({ logs: 5, latencyMs: 20, faults: { jitterMs: 15 } });
    await statuses(sandbox, 8);
    const delays = sandbox.stats.requests.map((r) => r.delayMs);
    expect(delays).toHaveLength(8);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(20);
      expect(delay).toBeLessThanOrEqual(35);
    }
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it("follows changes made while the sandbox runs", async () => {
    const sandbox = await startTestSandbox({ logs: 5, latencyMs: 25 });
    await sandbox.list();
    sandbox.faults.latencyMs = 0;
    await sandbox.list();
    expect(sandbox.stats.requests.map((r) => r.delayMs)).toEqual([25, 0]);
  });

  it("is cut short by close(), which fails the waiting request", async () => {
    const sandbox = await startTestSandbox({ logs: 5, latencyMs: 60_000 });
    const pending = sandbox.list();
    // Wait (boundedly) until the request has arrived and is being delayed.
    for (let i = 0; i < 400 && sandbox.stats.active === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sandbox.stats.active).toBe(1);
    await sandbox.close();
    await expect(pending).rejects.toThrow();
  });
});

describe("errorRate", () => {
  it("at 1 answers every request with a 5xx error envelope, counted in stats", async () => {
    const sandbox = await startTestSandbox({ logs: 5, faults: { errorRate: 1 } });
    const replies = await Promise.all(Array.from({ length: 12 }, () => sandbox.list()));
    for (const reply of replies) {
      expect([500, 502, 503]).toContain(reply.status);
      expect(reply.body).toMatchObject({ success: false, result: null });
      expect(reply.body.errors[0].code).toBe(10001);
    }
    const counted =
      (sandbox.stats.byStatus[500] ?? 0) +
      (sandbox.stats.byStatus[502] ?? 0) +
      (sandbox.stats.byStatus[503] ?? 0);
    expect(counted).toBe(12);
    expect(sandbox.stats.requests.every((r) => r.fault === "error")).toBe(true);
  });

  it("answers with the statuses listed in errorStatuses", async () => {
    const sandbox = await startTestSandbox({
      logs: 5,
      faults: { errorRate: 1, errorStatuses: [503] },
    });
    expect(new Set(await statuses(sandbox, 6))).toEqual(new Set([503]));
  });

  it("at 0.5 fails about half, the same ones for the same seed", async () => {
    const run = async () => {
      const sandbox = await startTestSandbox({ logs: 5, seed: 7, faults: { errorRate: 0.5 } });
      return statuses(sandbox, 60);
    };
    const first = await run();
    const failed = first.filter((s) => s >= 500).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);
    expect(await run()).toEqual(first);
  });
});

describe("resetRate", () => {
  it("at 1 destroys the connection without an answer, and the server answers again once off", async () => {
    const sandbox = await startTestSandbox({ logs: 5, faults: { resetRate: 1 } });
    await expect(fetch(sandbox.logsUrl(), { headers: sandbox.auth })).rejects.toThrow();
    expect(sandbox.stats.requests[0]).toMatchObject({ status: 0, fault: "reset" });
    sandbox.faults.resetRate = 0;
    expect((await sandbox.list()).status).toBe(200);
  });
});

describe("truncateRate", () => {
  it("at 1 sends the full Content-Length but half the body, so reading it fails", async () => {
    const sandbox = await startTestSandbox({ logs: 5, faults: { truncateRate: 1 } });
    const response = await fetch(sandbox.logsUrl(), { headers: sandbox.auth });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(100);
    await expect(response.text()).rejects.toThrow();
    expect(sandbox.stats.requests[0]).toMatchObject({ status: 200, fault: "truncate" });
  });
});

describe("scripted faults", () => {
  it("answer the next requests with the status asked, then go back to normal", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.faults.next(503, { count: 2 });
    expect(sandbox.faults.pending).toBe(2);
    expect(await statuses(sandbox, 3)).toEqual([503, 503, 200]);
    expect(sandbox.faults.pending).toBe(0);
    expect(sandbox.stats.requests.map((r) => r.fault)).toEqual(["scripted", "scripted", undefined]);
  });

  it("run in the order queued", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.faults.next(500);
    sandbox.faults.next(429, { count: 2 });
    sandbox.faults.next(502);
    expect(await statuses(sandbox, 5)).toEqual([500, 429, 429, 502, 200]);
  });

  it("give a scripted 429 a Retry-After of 1 unless headers are given", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.faults.next(429);
    sandbox.faults.next(429, { headers: { "Retry-After": "7", Ratelimit: '"default";r=0;t=7' } });
    sandbox.faults.next(429, { headers: {} });
    const [first, second, third] = [
      await sandbox.list(),
      await sandbox.list(),
      await sandbox.list(),
    ];
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.body.errors[0]).toEqual({
      code: 971,
      message: "Please wait and consider throttling your request speed",
    });
    expect(second.headers.get("retry-after")).toBe("7");
    expect(second.headers.get("ratelimit")).toBe('"default";r=0;t=7');
    expect(third.headers.get("retry-after")).toBeNull();
  });

  it("can send a body of their own, such as an HTML error page", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.faults.next(502, { body: "<html><body>502 Bad gateway</body></html>" });
    const reply = await sandbox.list();
    expect(reply.status).toBe(502);
    expect(reply.headers.get("content-type")).toBe("text/html");
    expect(reply.body).toContain("Bad gateway");
  });

  it("can reset, truncate, or delay one request", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.faults.next("reset");
    sandbox.faults.next("truncate");
    sandbox.faults.next("pass", { delayMs: 30 });
    await expect(fetch(sandbox.logsUrl(), { headers: sandbox.auth })).rejects.toThrow();
    const cut = await fetch(sandbox.logsUrl(), { headers: sandbox.auth });
    await expect(cut.arrayBuffer()).rejects.toThrow();
    expect((await sandbox.list()).status).toBe(200);
    expect(sandbox.stats.requests.map((r) => [r.status, r.delayMs])).toEqual([
      [0, 0],
      [200, 0],
      [200, 30],
    ]);
  });

  it("go before random faults, and reset() turns everything off", async () => {
    const sandbox = await startTestSandbox({
      logs: 5,
      faults: { errorRate: 1, errorStatuses: [500] },
    });
    sandbox.faults.next("pass");
    expect(await statuses(sandbox, 2)).toEqual([200, 500]);
    sandbox.faults.next(503);
    sandbox.faults.reset();
    expect(sandbox.faults.pending).toBe(0);
    expect(await statuses(sandbox, 2)).toEqual([200, 200]);
  });
});

describe("stats", () => {
  it("count requests by status and keep method, path and query", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    await sandbox.list({ per_page: 2 });
    await sandbox.list({ per_page: 99 });
    await sandbox.call("GET", sandbox.logsUrl("nope"));
    expect(sandbox.stats.total).toBe(3);
    expect(sandbox.stats.byStatus).toEqual({ 200: 1, 400: 1, 404: 1 });
    expect(sandbox.stats.requests[0]).toMatchObject({
      method: "GET",
      path: new URL(sandbox.logsUrl()).pathname,
      query: "per_page=2",
      status: 200,
    });
    const requests = sandbox.stats.requests;
    sandbox.stats.reset();
    expect(sandbox.stats).toMatchObject({ total: 0, byStatus: {}, requests: [] });
    expect(requests).toBe(sandbox.stats.requests);
  });

  it("keep only the last 10,000 requests but count them all", () => {
    const { stats, begin, record } = createStats();
    for (let i = 0; i < 10_005; i++) {
      begin();
      record({ method: "GET", path: `/${i}`, query: "", status: 200, delayMs: 0 });
    }
    expect(stats.total).toBe(10_005);
    expect(stats.requests).toHaveLength(10_000);
    expect(stats.requests[0]!.path).toBe("/5");
    expect(stats.active).toBe(0);
  });

  it("tell how many requests were in flight at once", async () => {
    const sandbox = await startTestSandbox({ logs: 5, latencyMs: 50 });
    await Promise.all(Array.from({ length: 5 }, () => sandbox.list()));
    expect(sandbox.stats.maxActive).toBeGreaterThan(1);
    expect(sandbox.stats.maxActive).toBeLessThanOrEqual(5);
    expect(sandbox.stats.active).toBe(0);
  });
});
