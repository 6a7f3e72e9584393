import { describe, expect, it } from "vitest";
import { where } from "../../src/index.js";
import { startClientSandbox } from "../helpers/client.js";

const listRequests = (requests: { method: string; path: string }[]) =>
  requests.filter((r) => r.method === "GET" && r.path.endsWith("/logs"));

describe("list", () => {
  it("returns one page with its result_info", async () => {
    const { logs } = await startClientSandbox({}, { logs: 30 });
    const page = await logs.list({ perPage: 10, page: 2 });
    expect(page.logs).toHaveLength(10);
    expect(page.resultInfo).toMatchObject({ page: 2, per_page: 10, count: 10, total_count: 30 });
  });

  it("orders as asked", async () => {
    const { logs } = await startClientSandbox({}, { logs: 20 });
    const { logs: ascending } = await logs.list({
      orderBy: "created_at",
      direction: "asc",
      perPage: 20,
    });
    const times = ascending.map((log) => log.created_at);
    expect(times).toEqual([...times].sort());
  });

  it("sends search and meta_info", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 50 });
    const page = await logs.list({ search: "gpt", metaInfo: true });
    expect(page.logs.every((log) => JSON.stringify(log).toLowerCase().includes("gpt"))).toBe(true);
    expect(page.resultInfo.max_cost).toEqual(expect.any(Number));
    expect(sandbox.stats.requests.at(-1)?.query).toContain("search=gpt");
  });

  it("filters on the server with the JSON wire format", async () => {
    const { logs } = await startClientSandbox({}, { logs: 200 });
    const page = await logs.list({ filters: [where("provider").eq("anthropic")], perPage: 50 });
    expect(page.logs.length).toBeGreaterThan(0);
    expect(page.logs.every((log) => log.provider === "anthropic")).toBe(true);
  });

  it("reads another gateway of the account when asked per call", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 5 });
    sandbox.store.addGateway("other-gateway");
    const other = await logs.list({ gatewayId: "other-gateway" });
    expect(other.resultInfo.total_count).toBe(0);
    expect(sandbox.stats.requests.at(-1)?.path).toContain("/gateways/other-gateway/logs");
  });
});

describe("iterate", () => {
  it("yields every log and stops at total_count without an empty request", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 120 });
    const ids: string[] = [];
    for await (const log of logs.iterate()) ids.push(log.id);
    expect(new Set(ids).size).toBe(120);
    expect(listRequests(sandbox.stats.requests)).toHaveLength(3);
  });

  it("stops on an exact multiple of the page size without asking for one more page", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 100 });
    let count = 0;
    for await (const _log of logs.iterate({ perPage: 50 })) count++;
    expect(count).toBe(100);
    expect(listRequests(sandbox.stats.requests)).toHaveLength(2);
  });

  it("asks for nothing more when nothing matches", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 10 });
    const found = [];
    for await (const log of logs.iterate({ filters: [where("model").eq("no-such-model")] }))
      found.push(log);
    expect(found).toEqual([]);
    expect(listRequests(sandbox.stats.requests)).toHaveLength(1);
  });

  it("can stop early", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 200 });
    for await (const _log of logs.iterate({ perPage: 10 })) break;
    expect(listRequests(sandbox.stats.requests)).toHaveLength(1);
  });
});

describe("count", () => {
  it("counts matches with one request of one log", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 200 });
    const all = await logs.count();
    const cached = await logs.count([where("cached").eq(true)]);
    expect(all).toBe(200);
    expect(cached).toBeGreaterThan(0);
    expect(cached).toBeLessThan(200);
    expect(sandbox.stats.requests.at(-1)?.query).toContain("per_page=1");
  });
});
