// DELETE /logs: up to `limit` matching logs, in the requested order, oldest first by default.
import { describe, expect, it } from "vitest";
import type { SandboxLog } from "../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

const remove = (sandbox: TestSandbox, query: Record<string, string | number> = {}) =>
  sandbox.call("DELETE", sandbox.logsUrl("", query));

const ids = (logs: SandboxLog[]) => logs.map((log) => log.id);

describe("DELETE /logs", () => {
  it("answers only success, without a count", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await remove(sandbox);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ success: true });
  });

  it("deletes every log of the gateway by default (limit 10000)", async () => {
    const sandbox = await startTestSandbox({ logs: 250 });
    await remove(sandbox);
    expect(sandbox.store.count()).toBe(0);
    expect((await sandbox.list()).body.result_info.total_count).toBe(0);
  });

  it("deletes at most 10000 logs per call", async () => {
    const sandbox = await startTestSandbox({ logs: 10_005 });
    await remove(sandbox);
    expect(sandbox.store.count()).toBe(5);
  });

  it("deletes the oldest logs first by default", async () => {
    const sandbox = await startTestSandbox({ logs: 30 });
    const before = sandbox.store.list();
    await remove(sandbox, { limit: 10 });
    expect(ids(sandbox.store.list())).toEqual(ids(before.slice(0, 20)));
  });

  it("deletes the newest first with order_by_direction desc", async () => {
    const sandbox = await startTestSandbox({ logs: 30 });
    const before = sandbox.store.list();
    await remove(sandbox, { limit: 10, order_by_direction: "desc" });
    expect(ids(sandbox.store.list())).toEqual(ids(before.slice(10)));
  });

  it.each(["cost", "tokens_in", "tokens_out", "duration", "feedback", "model", "cached"])(
    "orders by %s, nulls lowest, ties by id",
    async (key) => {
      const sandbox = await startTestSandbox({ logs: 60 });
      const value = (log: SandboxLog) => log[key as keyof SandboxLog] as number | string | null;
      const order = [...sandbox.store.list()].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
        return a.id < b.id ? 1 : -1;
      });
      await remove(sandbox, { order_by: key, order_by_direction: "desc", limit: 25 });
      expect(new Set(ids(sandbox.store.list()))).toEqual(new Set(ids(order.slice(25))));
    },
  );

  it("deletes only logs that match the filters", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const failed = sandbox.store.list().filter((log) => !log.success);
    expect(failed.length).toBeGreaterThan(0);
    const filters = JSON.stringify([{ key: "success", operator: "eq", value: [false] }]);
    await remove(sandbox, { filters });
    expect(sandbox.store.count()).toBe(200 - failed.length);
    expect(sandbox.store.list().every((log) => log.success)).toBe(true);
  });

  it("combines filters and limit: the first matches in order", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const openai = sandbox.store.list().filter((log) => log.provider === "openai");
    const filters = JSON.stringify([{ key: "provider", operator: "eq", value: ["openai"] }]);
    await remove(sandbox, { filters, limit: 5 });
    const gone = ids(openai.slice(-5));
    expect(sandbox.store.count()).toBe(195);
    expect(gone.every((id) => sandbox.store.get(id) === undefined)).toBe(true);
  });

  it("takes a created_at range, binary-searched", async () => {
    const sandbox = await startTestSandbox({ logs: 300 });
    const [from, to] = ["2025-01-10T00:00:00.000Z", "2025-01-12T00:00:00.000Z"];
    const inside = sandbox.store
      .list()
      .filter((log) => log.created_at > from && log.created_at < to);
    const filters = JSON.stringify([
      { key: "created_at", operator: "gt", value: [from] },
      { key: "created_at", operator: "lt", value: [to] },
    ]);
    await remove(sandbox, { filters });
    expect(sandbox.store.count()).toBe(300 - inside.length);
    expect(inside.every((log) => sandbox.store.get(log.id) === undefined)).toBe(true);
  });

  it("makes deleted logs unreachable by id and payload", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const [log] = sandbox.store.list();
    await remove(sandbox);
    expect((await sandbox.call("GET", sandbox.logsUrl(log!.id))).status).toBe(404);
    expect((await sandbox.call("GET", sandbox.logsUrl(`${log!.id}/request`))).status).toBe(404);
  });

  it.each([
    ["limit", 0],
    ["limit", 10001],
    ["limit", "all"],
    ["order_by", "score"],
    ["order_by_direction", "down"],
  ])("refuses %s=%s with 400 and deletes nothing", async (name, value) => {
    const sandbox = await startTestSandbox({ logs: 10 });
    const reply = await remove(sandbox, { [name]: value });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toContain(name);
    expect(sandbox.store.count()).toBe(10);
  });
});
