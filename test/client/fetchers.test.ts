// The fetchers: one function per operation, each taking a gateway, against the sandbox.
import { describe, expect, it } from "vitest";
import {
  countLogs,
  createGateway,
  createRawClient,
  deleteLogs,
  exportLogs,
  getLog,
  getLogRequest,
  getLogResponse,
  iterateLogs,
  listLogs,
  tailLogs,
  updateLog,
  ValidationError,
  where,
  type AiGatewayLogsOptions,
} from "../../src/index.js";
import { caught } from "../helpers/client.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

function gatewayFor(sandbox: TestSandbox, options: Partial<AiGatewayLogsOptions> = {}) {
  return createGateway({
    accountId: sandbox.accountId,
    gatewayId: sandbox.gatewayId,
    apiToken: sandbox.token,
    baseUrl: sandbox.url,
    ...options,
  });
}

const ids = (logs: readonly { id: string }[]) => logs.map((log) => log.id);

describe("the fetchers", () => {
  it("list, count, iterate and get logs", async () => {
    const sandbox = await startTestSandbox({ logs: 120 });
    const gateway = gatewayFor(sandbox);
    const all = sandbox.store.list();
    const anthropic = all.filter((log) => log.provider === "anthropic");
    expect(anthropic.length).toBeGreaterThan(0);

    const page = await listLogs(gateway, { perPage: 7, page: 2 });
    expect(ids(page.logs)).toEqual(ids(all.slice(7, 14)));
    expect(page.resultInfo).toMatchObject({ page: 2, per_page: 7, total_count: 120 });
    const filters = [where("provider").eq("anthropic")];
    expect(await countLogs(gateway, filters)).toBe(anthropic.length);
    const iterated: string[] = [];
    for await (const log of iterateLogs(gateway, { filters, perPage: 5 })) iterated.push(log.id);
    expect(iterated).toEqual(ids(anthropic));
    expect(await getLog(gateway, all[3]!.id)).toMatchObject({ id: all[3]!.id });
  });

  it("update a log and read its stored bodies", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const gateway = gatewayFor(sandbox);
    const [first] = sandbox.store.list();
    const id = first!.id;
    await updateLog(gateway, id, { feedback: -1, score: 40, metadata: { team: "search" } });
    expect(sandbox.store.get(id)).toMatchObject({ feedback: -1, score: 40 });
    expect(JSON.parse(sandbox.store.get(id)!.metadata!)).toEqual({ team: "search" });

    sandbox.store.setPayload(id, "request", {
      contentType: "application/json",
      body: '{"model":"gpt-4o"}',
    });
    sandbox.store.setPayload(id, "response", { contentType: "text/plain", body: "Hello" });
    expect(await getLogRequest(gateway, id)).toEqual({
      kind: "json",
      contentType: "application/json",
      body: { model: "gpt-4o" },
    });
    expect(await getLogResponse(gateway, id)).toEqual({
      kind: "text",
      contentType: "text/plain",
      body: "Hello",
    });
  });

  it("export, tail and delete", async () => {
    const sandbox = await startTestSandbox({ logs: 130, now: Date.now });
    const gateway = gatewayFor(sandbox);
    const exported: string[] = [];
    for await (const log of exportLogs(gateway, { concurrency: 2 })) exported.push(log.id);
    expect(exported).toEqual(ids(sandbox.store.list()));

    const controller = new AbortController();
    const tailed: string[] = [];
    const tail = (async () => {
      for await (const log of tailLogs(gateway, { intervalMs: 20, signal: controller.signal })) {
        tailed.push(log.id);
        controller.abort();
      }
    })();
    // Inserted once the tail has read where it starts, so the log is new to it.
    const requestsBefore = sandbox.stats.total;
    while (sandbox.stats.total === requestsBefore) await new Promise((r) => setTimeout(r, 5));
    const fresh = sandbox.store.insert({ created_at: new Date().toISOString() });
    await tail;
    expect(tailed).toEqual([fresh.id]);

    const openai = sandbox.store.list().filter((log) => log.provider === "openai").length;
    expect(openai).toBeGreaterThan(0);
    const report = await deleteLogs(gateway, { filters: [where("provider").eq("openai")] });
    expect(report).toMatchObject({ matched: openai, deleted: openai, remaining: 0 });
    expect(sandbox.store.count()).toBe(131 - openai);
  });

  it("call another gateway of the account when a call says so", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    sandbox.store.addGateway("second");
    sandbox.store.insert({}, { gatewayId: "second" });
    const gateway = gatewayFor(sandbox);
    const page = await listLogs(gateway, { gatewayId: "second" });
    expect(page.logs).toHaveLength(1);
    expect(await countLogs(gateway)).toBe(5);
    expect(sandbox.stats.requests[0]!.path).toContain("/gateways/second/logs");
  });

  it("share one rate limiter across every fetcher of a gateway", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    let clock = 0;
    const waits: number[] = [];
    const gateway = gatewayFor(sandbox, {
      rateLimit: { requests: 2, windowMs: 1_000 },
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    const [first] = sandbox.store.list();
    await listLogs(gateway);
    await getLog(gateway, first!.id);
    expect(waits).toEqual([]);
    // The third request in the same second waits for the first to leave the window.
    await countLogs(gateway);
    expect(waits).toEqual([1_000]);
    expect(sandbox.stats.total).toBe(3);
  });

  it("check the gateway's options before any request", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const bad: Partial<AiGatewayLogsOptions>[] = [
      { gatewayId: "Not Valid" },
      { accountId: "" },
      { apiToken: undefined },
      { timeoutMs: 0 },
    ];
    for (const options of bad) {
      expect(() => gatewayFor(sandbox, options), JSON.stringify(options)).toThrow(ValidationError);
    }
    const gateway = gatewayFor(sandbox);
    const error = await caught(listLogs(gateway, { gatewayId: "../x" }), [sandbox.token]);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sandbox.stats.total).toBe(0);
  });

  it("hand out the typed openapi-fetch client, sending through the gateway", async () => {
    const sandbox = await startTestSandbox({ logs: 4 });
    const raw = createRawClient(gatewayFor(sandbox));
    const { data, error, response } = await raw.GET(
      "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs",
      {
        params: {
          path: { account_id: sandbox.accountId, gateway_id: sandbox.gatewayId },
          query: { per_page: 2 },
        },
      },
    );
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(ids(data!.result)).toEqual(ids(sandbox.store.list().slice(0, 2)));
  });
});
