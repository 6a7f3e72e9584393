// The sliding-window rate limit, on a clock the test moves by hand.
import { describe, expect, it } from "vitest";
import { fixedNow, startTestSandbox } from "../helpers/sandbox.js";

async function limited(rateLimit: { requests: number; windowMs: number; blockMs?: number }) {
  const clock = { now: fixedNow };
  const sandbox = await startTestSandbox({ logs: 3, rateLimit, now: () => clock.now });
  return { sandbox, clock };
}

describe("rate limit", () => {
  it("answers 429 with Retry-After once the window's requests are used, counted in stats", async () => {
    const { sandbox } = await limited({ requests: 3, windowMs: 60_000 });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await sandbox.list());
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    const refused = replies[3]!;
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("ratelimit")).toBe('"default";r=0;t=60');
    expect(refused.headers.get("ratelimit-policy")).toBe('"default";q=3;w=60');
    expect(refused.body.errors[0]).toEqual({
      code: 971,
      message: "Please wait and consider throttling your request speed",
    });
    expect(sandbox.stats.byStatus[429]).toBe(2);
    expect(sandbox.stats.total).toBe(5);
  });

  it("tells the remaining budget on every allowed answer", async () => {
    const { sandbox } = await limited({ requests: 1200, windowMs: 300_000 });
    await sandbox.list();
    const reply = await sandbox.list();
    expect(reply.headers.get("ratelimit")).toBe('"default";r=1198;t=300');
    expect(reply.headers.get("ratelimit-policy")).toBe('"default";q=1200;w=300');
  });

  it("blocks every call for blockMs once exceeded, however long the caller waited", async () => {
    const { sandbox, clock } = await limited({ requests: 2, windowMs: 10_000, blockMs: 30_000 });
    await sandbox.list();
    await sandbox.list();
    expect((await sandbox.list()).status).toBe(429);
    clock.now += 20_000;
    const still = await sandbox.list();
    expect(still.status).toBe(429);
    expect(still.headers.get("retry-after")).toBe("10");
    clock.now += 10_000;
    expect((await sandbox.list()).status).toBe(200);
  });

  it("slides: a request leaves the window windowMs after it was made", async () => {
    const { sandbox, clock } = await limited({ requests: 2, windowMs: 1_000 });
    await sandbox.list();
    clock.now += 600;
    await sandbox.list();
    clock.now += 500;
    expect((await sandbox.list()).status).toBe(200);
    clock.now += 100;
    expect((await sandbox.list()).status).toBe(429);
  });

  it("gives Retry-After in whole seconds, at least 1", async () => {
    const { sandbox, clock } = await limited({ requests: 1, windowMs: 1_000, blockMs: 1_500 });
    await sandbox.list();
    expect((await sandbox.list()).headers.get("retry-after")).toBe("2");
    clock.now += 1_400;
    expect((await sandbox.list()).headers.get("retry-after")).toBe("1");
  });

  it("counts per user: the token and the global key share one window", async () => {
    const { sandbox } = await limited({ requests: 2, windowMs: 60_000 });
    const status = async (headers: Record<string, string>) =>
      (await sandbox.call("GET", sandbox.logsUrl(), { headers })).status;
    expect(await status(sandbox.auth)).toBe(200);
    expect(await status(sandbox.keyAuth)).toBe(200);
    expect(await status(sandbox.keyAuth)).toBe(429);
    expect(await status(sandbox.auth)).toBe(429);
  });

  it("does not count requests refused for bad credentials", async () => {
    const { sandbox } = await limited({ requests: 1, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect((await sandbox.call("GET", sandbox.logsUrl(), { headers: {} })).status).toBe(401);
    }
    expect((await sandbox.list()).status).toBe(200);
  });

  it("can be switched on while the sandbox runs", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    expect((await sandbox.list()).headers.get("ratelimit")).toBeNull();
    sandbox.faults.rateLimit = { requests: 0, windowMs: 5_000 };
    const reply = await sandbox.list();
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("5");
  });
});
