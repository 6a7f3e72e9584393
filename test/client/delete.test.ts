import { describe, expect, it } from "vitest";
import { ValidationError, where } from "../../src/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";

describe("delete", () => {
  it("refuses to run without filters, sending nothing", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 10 });
    for (const options of [{}, { filters: [] }]) {
      const error = await caught(logs.delete(options), [sandbox.token]);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toContain("all: true");
    }
    expect(sandbox.stats.total).toBe(0);
    expect(sandbox.store.count()).toBe(10);
  });

  it("deletes only the logs that match", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 100 });
    const cached = sandbox.store.list().filter((log) => log.cached).length;
    expect(cached).toBeGreaterThan(0);
    expect(await logs.delete({ filters: [where("cached").eq(true)] })).toEqual({ success: true });
    expect(sandbox.store.count()).toBe(100 - cached);
    expect(sandbox.store.list().some((log) => log.cached)).toBe(false);
  });

  it("passes limit and order", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 30 });
    const newest = sandbox.store.list()[0]!.id;
    await logs.delete({
      filters: [where("cost").gt(-1)],
      limit: 5,
      orderBy: "created_at",
      direction: "desc",
    });
    expect(sandbox.store.count()).toBe(25);
    expect(sandbox.store.get(newest)).toBeUndefined();
    expect(sandbox.stats.requests.at(-1)!.query).toContain("limit=5");
  });

  it("deletes everything only when told all: true", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 12 });
    await logs.delete({ all: true });
    expect(sandbox.store.count()).toBe(0);
  });
});
