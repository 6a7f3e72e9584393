import { describe, expect, it } from "vitest";
import { FiltersIgnoredError, ValidationError, where } from "../../src/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";

const deletes = (requests: { method: string; query: string }[]) =>
  requests.filter((r) => r.method === "DELETE");

describe("safe delete", () => {
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

  it("deletes only the logs that match, and reports the counts", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 100 });
    const cached = sandbox.store.list().filter((log) => log.cached).length;
    expect(cached).toBeGreaterThan(0);
    const report = await logs.delete({ filters: [where("cached").eq(true)] });
    expect(report).toMatchObject({
      dryRun: false,
      matched: cached,
      deleted: cached,
      remaining: 0,
      batches: 1,
    });
    expect(report.sample.every((log) => log.cached)).toBe(true);
    expect(sandbox.store.count()).toBe(100 - cached);
    expect(sandbox.store.list().some((log) => log.cached)).toBe(false);
  });

  it("previews without deleting on a dry run", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 60 });
    const report = await logs.delete({ filters: [where("provider").eq("openai")], dryRun: true });
    const openai = sandbox.store.list().filter((log) => log.provider === "openai").length;
    expect(report).toMatchObject({ dryRun: true, matched: openai, deleted: 0, remaining: openai });
    expect(deletes(sandbox.stats.requests)).toHaveLength(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("refuses when the API ignores the filters, deleting nothing", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 80, ignoreFilters: true });
    const error = await caught(logs.delete({ filters: [where("model").eq("gpt-4o")] }), [
      sandbox.token,
    ]);
    expect(error).toBeInstanceOf(FiltersIgnoredError);
    expect(error.code).toBe("filters_ignored");
    expect(error.mismatchedIds.length).toBeGreaterThan(0);
    expect(deletes(sandbox.stats.requests)).toHaveLength(0);
    expect(sandbox.store.count()).toBe(80);
  });

  it("stops after one batch when the DELETE ignores filters that the list honoured", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 50, ignoreFilters: "delete" });
    const error = await caught(logs.delete({ filters: [where("cached").eq(true)], limit: 3 }), [
      sandbox.token,
    ]);
    expect(error).toBeInstanceOf(FiltersIgnoredError);
    expect(error.message).toMatch(/did not match/);
    expect(deletes(sandbox.stats.requests)).toHaveLength(1);
  });

  it("refuses filters it cannot check when they match every log, unless trusted", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 20, ignoreFilters: true });
    const unverifiable = [where("metadata.key").eq("user")];
    expect(await caught(logs.delete({ filters: unverifiable }), [sandbox.token])).toBeInstanceOf(
      FiltersIgnoredError,
    );
    expect(sandbox.store.count()).toBe(20);
    const trusted = await logs.delete({ filters: unverifiable, trustFilters: true, dryRun: true });
    expect(trusted).toMatchObject({ dryRun: true, matched: 20 });
  });

  it("deletes beyond 10000 matches in batches until none is left", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 23_000 });
    const report = await logs.delete({ filters: [where("duration").gt(-1)] });
    expect(report).toMatchObject({ matched: 23_000, deleted: 23_000, remaining: 0, batches: 3 });
    const limits = deletes(sandbox.stats.requests).map((r) =>
      new URLSearchParams(r.query).get("limit"),
    );
    expect(limits).toEqual(["10000", "10000", "10000"]);
    expect(sandbox.store.count()).toBe(0);
  });

  it("deletes at most limit logs, in the order asked", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 30 });
    const newest = sandbox.store.list()[0]!.id;
    const report = await logs.delete({
      filters: [where("cost").gt(-1)],
      limit: 5,
      orderBy: "created_at",
      direction: "desc",
    });
    expect(report).toMatchObject({ matched: 30, deleted: 5, remaining: 25 });
    expect(sandbox.store.get(newest)).toBeUndefined();
  });

  it("deletes everything only when told all: true", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 12 });
    const report = await logs.delete({ all: true });
    expect(report).toMatchObject({ matched: 12, deleted: 12, remaining: 0 });
    expect(sandbox.store.count()).toBe(0);
  });
});
