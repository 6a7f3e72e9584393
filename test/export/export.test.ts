import { describe, expect, it } from "vitest";
import { where, type ExportCheckpoint, type ExportProgress, type Log } from "../../src/index.js";
import { startClientSandbox } from "../helpers/client.js";

const listCalls = (requests: { method: string; path: string }[]) =>
  requests.filter((r) => r.method === "GET" && r.path.endsWith("/logs"));

/** Ids of the logs that match, newest first, as the sandbox holds them now. */
const newestFirst = (logs: { id: string; created_at: string }[]) => logs.map((log) => log.id);

describe("export", () => {
  it("yields every log newest first, once, with one request a page and none more", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1_234 });
    const expected = newestFirst(sandbox.store.list());
    const ids: string[] = [];
    for await (const log of logs.export()) ids.push(log.id);
    expect(ids).toEqual(expected);
    expect(listCalls(sandbox.stats.requests)).toHaveLength(Math.ceil(1_234 / 50));
  });

  it("hands each log out once when next() is called again before a page arrives", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 180 });
    const iterator = logs.export({ perPage: 50 })[Symbol.asyncIterator]();
    // 200 calls at once: 180 logs, then the end, in order, with none skipped or repeated.
    const results = await Promise.all(Array.from({ length: 200 }, () => iterator.next()));
    const ids = results.filter((r) => !r.done).map((r) => (r.value as Log).id);
    expect(ids).toEqual(newestFirst(sandbox.store.list()));
    expect(results.slice(180).every((r) => r.done)).toBe(true);
  });

  it("stops fetching when the loop breaks", async () => {
    // Slow enough that the pages fetched ahead are still in flight at the break.
    const { logs, sandbox } = await startClientSandbox({}, { logs: 2_000, latencyMs: 40 });
    let seen = 0;
    for await (const _log of logs.export({ perPage: 10, concurrency: 2 })) if (++seen === 25) break;
    // Requests already in flight may still land; after that, nothing more is sent.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const after = sandbox.stats.total;
    await settle();
    expect(sandbox.stats.total).toBe(after);
    // The three pages read and the two in flight at the break; none started once they landed.
    expect(after).toBe(5);
  });

  it("exports only what matched, and nothing at all in one request when nothing does", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 300 });
    const anthropic: string[] = [];
    for await (const log of logs.export({ filters: [where("provider").eq("anthropic")] }))
      anthropic.push(log.id);
    expect(anthropic).toEqual(
      newestFirst(sandbox.store.list().filter((log) => log.provider === "anthropic")),
    );
    sandbox.stats.reset();
    const none: Log[] = [];
    for await (const log of logs.export({ filters: [where("model").eq("nope")] })) none.push(log);
    expect(none).toEqual([]);
    expect(sandbox.stats.total).toBe(1);
  });

  it("keeps to the since/until window", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 400 });
    const all = sandbox.store.list();
    const since = all[300]!.created_at;
    const until = all[100]!.created_at;
    const ids: string[] = [];
    for await (const log of logs.export({ since, until })) ids.push(log.id);
    const inWindow = all.filter((log) => log.created_at > since && log.created_at < until);
    expect(ids).toEqual(newestFirst(inWindow));
  });

  it("leaves out logs that arrive during the export, without shifting pages", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 500, now: Date.now });
    const expected = newestFirst(sandbox.store.list());
    const ids: string[] = [];
    let inserted = 0;
    const onProgress = () => {
      for (let i = 0; i < 30; i++, inserted++)
        sandbox.store.insert({ created_at: new Date().toISOString() });
    };
    for await (const log of logs.export({ onProgress, concurrency: 2 })) ids.push(log.id);
    expect(inserted).toBeGreaterThan(100);
    expect(ids).toEqual(expected);
  });

  it("fetches pages concurrently, never more than asked", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1_000, latencyMs: 20 });
    let count = 0;
    for await (const _log of logs.export({ concurrency: 3 })) count++;
    expect(count).toBe(1_000);
    expect(sandbox.stats.maxActive).toBe(3);
  });

  it("does not run ahead of a slow consumer", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 2_000 });
    let pages = 0;
    for await (const _page of logs.export({ concurrency: 2 }).pages()) {
      pages++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(listCalls(sandbox.stats.requests).length).toBeLessThanOrEqual(pages + 4);
      if (pages === 10) break;
    }
    expect(listCalls(sandbox.stats.requests).length).toBeLessThanOrEqual(14);
  });

  it("reports progress after each page", async () => {
    const { logs } = await startClientSandbox({}, { logs: 120 });
    const seen: ExportProgress[] = [];
    for await (const _log of logs.export({ onProgress: (p) => seen.push(p) })) void _log;
    expect(seen.map((p) => [p.done, p.total, p.pagesDone, p.pages])).toEqual([
      [50, 120, 1, 3],
      [100, 120, 2, 3],
      [120, 120, 3, 3],
    ]);
    expect(seen.every((p) => p.rate >= 0 && p.elapsedMs >= 0)).toBe(true);
  });

  it("resumes from a page's checkpoint without duplicates or gaps", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 777 });
    const first: string[] = [];
    let checkpoint: ExportCheckpoint | undefined;
    for await (const page of logs.export({ perPage: 40 }).pages()) {
      first.push(...page.logs.map((log) => log.id));
      checkpoint = JSON.parse(JSON.stringify(page.checkpoint));
      if (page.checkpoint.pagesDone === 7) break;
    }
    sandbox.store.insert({
      created_at: new Date(Date.parse(sandbox.store.list()[0]!.created_at) + 5).toISOString(),
    });
    const rest: string[] = [];
    for await (const log of logs.export({ checkpoint })) rest.push(log.id);
    expect(first).toHaveLength(280);
    expect([...first, ...rest]).toEqual(newestFirst(sandbox.store.list()).slice(1));
  });

  it("survives 5xx, resets, truncated bodies, 429 windows, jitter and live inserts", async () => {
    const { logs, sandbox } = await startClientSandbox(
      {},
      {
        logs: 20_000,
        now: Date.now,
        insertPerSecond: 500,
        faults: { errorRate: 0.1, resetRate: 0.02, truncateRate: 0.02, latencyMs: 1, jitterMs: 4 },
      },
    );
    const ids: string[] = [];
    const onProgress = ({ pagesDone }: ExportProgress) => {
      if (pagesDone % 100 === 0)
        sandbox.faults.next(429, { count: 3, headers: { "Retry-After": "2" } });
    };
    let upperBound = "";
    for await (const page of logs.export({ concurrency: 4, onProgress }).pages()) {
      ids.push(...page.logs.map((log) => log.id));
      upperBound = page.checkpoint.upperBound;
    }
    // What matched at the start: every log older than the bound the first page fixed.
    const all = sandbox.store.list();
    const expected = newestFirst(all.filter((log) => log.created_at < upperBound));
    expect(expected.length).toBeGreaterThanOrEqual(20_000);
    expect(all.length - expected.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(sandbox.stats.byStatus[429]).toBeGreaterThan(0);
    expect(
      (sandbox.stats.byStatus[500] ?? 0) +
        (sandbox.stats.byStatus[502] ?? 0) +
        (sandbox.stats.byStatus[503] ?? 0),
    ).toBeGreaterThan(20);
  });

  it("attaches stored bodies when asked, null where none was stored", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 12 });
    const [first, second] = sandbox.store.list();
    sandbox.store.setPayload(first!.id, "request", {
      contentType: "application/json",
      body: '{"a":1}',
    });
    sandbox.store.setPayload(second!.id, "response", null);
    const exported = [];
    for await (const log of logs.export({ includePayloads: true })) exported.push(log as any);
    expect(exported).toHaveLength(12);
    expect(exported[0].request_payload).toEqual({
      kind: "json",
      contentType: "application/json",
      body: { a: 1 },
    });
    expect(exported[1].response_payload).toBeNull();
    expect(exported.every((log) => "request_payload" in log && "response_payload" in log)).toBe(
      true,
    );
  });
});
