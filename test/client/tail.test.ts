import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ValidationError,
  where,
  type AiGatewayLogsOptions,
  type Log,
  type TailOptions,
} from "../../src/index.js";
import type { SandboxLogInput, SandboxOptions } from "../../src/sandbox/index.js";
import { sleep as realSleep } from "../../src/sleep.js";
import { TailCursor } from "../../src/tail-cursor.js";
import { pollNewLogs } from "../../src/tail.js";
import { caught, startClientSandbox } from "../helpers/client.js";
import { fixedNow, type TestSandbox } from "../helpers/sandbox.js";

/** created_at `seconds` after the sandbox's clock (plus `ms`). */
const at = (seconds: number, ms = 0) => new Date(fixedNow + seconds * 1000 + ms).toISOString();

const listRequests = (sandbox: TestSandbox) =>
  sandbox.stats.requests.filter((r) => r.method === "GET" && r.path.endsWith("/logs"));
const queryOf = (request: { query: string }) => new URLSearchParams(request.query);

/**
 * A client on virtual time whose waits of a second or more (poll intervals) run the next step,
 * such as inserting logs; when no step is left the tail is aborted, so `collect` ends.
 */
async function startTail(
  sandboxOptions: SandboxOptions = {},
  client: Partial<AiGatewayLogsOptions> = {},
) {
  const base = await startClientSandbox({}, sandboxOptions);
  const steps: (() => unknown)[] = [];
  const waits: number[] = [];
  const controller = new AbortController();
  let clock = fixedNow;
  const sleep = async (ms: number, signal?: AbortSignal) => {
    waits.push(ms);
    clock += ms;
    if (ms >= 1000) {
      const step = steps.shift();
      if (step) await step();
      else controller.abort();
    }
    signal?.throwIfAborted();
  };
  const logs = base.clientWith({ sleep, now: () => clock, ...client });
  const collect = async (options: TailOptions = {}) => {
    const seen: Log[] = [];
    for await (const log of logs.tail({ signal: controller.signal, ...options })) seen.push(log);
    return seen;
  };
  const insert = (times: string[], input: SandboxLogInput = {}) =>
    times.map((created_at) => base.sandbox.store.insert({ ...input, created_at }).id);
  return { ...base, logs, steps, waits, sleep, controller, collect, insert };
}

const ids = (logs: Log[]) => logs.map((log) => log.id);
const range = (count: number, time: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => time(i));
const isAscending = (logs: Log[]) =>
  logs.every((log, i) => i === 0 || (logs[i - 1] as Log).created_at <= log.created_at);

describe("tail", () => {
  it("emits nothing for logs that existed when it started", async () => {
    const { sandbox, steps, collect } = await startTail({ logs: 200 });
    steps.push(
      () => {},
      () => {},
    );
    expect(await collect()).toEqual([]);
    const requests = listRequests(sandbox);
    expect(requests).toHaveLength(3);
    const start = queryOf(requests[0]!);
    expect(start.get("order_by")).toBe("created_at");
    expect(start.get("order_by_direction")).toBe("desc");
    const newestMs = Date.parse(sandbox.store.list()[0]!.created_at);
    const mark = {
      key: "created_at",
      operator: "gt",
      value: [new Date(newestMs - 1).toISOString()],
    };
    for (const poll of requests.slice(1)) {
      expect(queryOf(poll).get("order_by_direction")).toBe("asc");
      expect(JSON.parse(queryOf(poll).get("filters")!)).toEqual([mark]);
    }
  });

  it("waits 5000 ms between polls by default, and intervalMs when given", async () => {
    const first = await startTail({ logs: 5 });
    first.steps.push(() => {});
    await first.collect();
    expect(first.waits).toEqual([5000, 5000]);
    const second = await startTail({ logs: 5 });
    second.steps.push(() => {});
    await second.collect({ intervalMs: 60_000 });
    expect(second.waits).toEqual([60_000, 60_000]);
  });

  it("emits logs inserted between polls, oldest first", async () => {
    const { steps, collect, insert } = await startTail({ logs: 50 });
    let expected: string[] = [];
    steps.push(
      () => {
        const [third, first, second] = insert([at(3), at(1), at(2)]);
        expected = [first!, second!, third!];
      },
      () => expected.push(...insert([at(4)])),
    );
    expect(ids(await collect())).toEqual(expected);
  });

  it("skips logs that shared the newest time at the start, and emits new ones at that time", async () => {
    const { sandbox, steps, collect, insert } = await startTail({ logs: 0 });
    insert(range(60, () => at(0)));
    let expected: string[] = [];
    steps.push(() => (expected = insert([at(0), at(1)])));
    expect(ids(await collect())).toEqual(expected);
    const start = listRequests(sandbox).filter(
      (r) => queryOf(r).get("order_by_direction") === "desc",
    );
    expect(start.map((r) => queryOf(r).get("page"))).toEqual(["1", "2"]);
  });

  it("emits a burst of 130 logs between two polls complete and in order, in 3 requests", async () => {
    const { sandbox, steps, collect, insert } = await startTail({ logs: 20 });
    let burst: string[] = [];
    steps.push(() => {
      burst = insert(range(130, (i) => at(1, 130 - i)));
      sandbox.stats.reset();
    });
    const seen = await collect();
    expect(new Set(ids(seen))).toEqual(new Set(burst));
    expect(seen).toHaveLength(130);
    expect(isAscending(seen)).toBe(true);
    expect(listRequests(sandbox)).toHaveLength(3);
  });

  it("emits each log once when more than a page of logs share one timestamp", async () => {
    const { steps, collect, insert } = await startTail({ logs: 20 });
    const inserted: string[] = [];
    steps.push(
      () => inserted.push(...insert(range(60, () => at(1)))),
      () => inserted.push(...insert(range(70, () => at(1))), ...insert([at(2)])),
      () => {},
    );
    const seen = ids(await collect());
    expect(seen).toHaveLength(131);
    expect(new Set(seen)).toEqual(new Set(inserted));
    expect(seen.at(-1)).toBe(inserted.at(-1));
  });

  it("pages past a full page of logs at one new timestamp within one poll", async () => {
    const { sandbox, collect, insert } = await startTail({ logs: 0 });
    const crowd = insert(range(120, () => at(1)));
    const seen = ids(await collect({ since: at(0) }));
    expect(new Set(seen)).toEqual(new Set(crowd));
    expect(seen).toHaveLength(120);
    expect(listRequests(sandbox).map((r) => queryOf(r).get("page"))).toEqual(["1", "2", "3"]);
  });

  it("ends a poll rather than loop when the server ignores page and total_count", async () => {
    const { sandbox, collect, insert } = await startTail(
      { logs: 0 },
      {
        fetch: async (request) => {
          const url = new URL(request.url);
          url.searchParams.delete("page");
          const body = await (await globalThis.fetch(new Request(url, request))).json();
          delete body.result_info.total_count;
          return Response.json(body);
        },
      },
    );
    insert(range(120, () => at(1)));
    expect(await collect({ since: at(0) })).toHaveLength(50);
    expect(listRequests(sandbox)).toHaveLength(2);
  });

  it("neither misses nor repeats logs inserted while a poll pages through a burst", async () => {
    let duringPoll = 0;
    const inserted: string[] = [];
    const { steps, collect, insert } = await startTail(
      { logs: 20 },
      {
        fetch: async (request) => {
          const response = await globalThis.fetch(request);
          // Newer logs land while the poll is between pages.
          if (request.url.includes("order_by_direction=asc") && duringPoll < 4) {
            duringPoll += 1;
            inserted.push(...insert(range(20, (i) => at(10 + duringPoll, i))));
          }
          return response;
        },
      },
    );
    steps.push(
      () => inserted.push(...insert(range(120, (i) => at(1, i)))),
      () => {},
    );
    const seen = await collect();
    expect(duringPoll).toBe(4);
    expect(ids(seen)).toHaveLength(200);
    expect(new Set(ids(seen))).toEqual(new Set(inserted));
    expect(isAscending(seen)).toBe(true);
  });

  it("tails a sandbox inserting logs in real time without gaps or duplicates", async () => {
    const { sandbox, clientWith } = await startClientSandbox(
      {},
      { logs: 20, insertPerSecond: 500, now: Date.now },
    );
    const logs = clientWith({ sleep: realSleep, now: Date.now });
    const seen: Log[] = [];
    for await (const log of logs.tail({ intervalMs: 20 })) {
      seen.push(log);
      if (seen.length === 300) break;
    }
    expect(new Set(ids(seen)).size).toBe(300);
    expect(isAscending(seen)).toBe(true);
    const [firstMs, lastMs] = [seen[0]!, seen.at(-1)!].map((log) => Date.parse(log.created_at));
    const between = sandbox.store.list().filter((log) => {
      const ms = Date.parse(log.created_at);
      return ms > firstMs! && ms < lastMs!;
    });
    const seenIds = new Set(ids(seen));
    expect(between.length).toBeGreaterThan(250);
    expect(between.filter((log) => !seenIds.has(log.id))).toEqual([]);
  });

  it("emits only new logs matching the filters", async () => {
    const { sandbox, steps, collect, insert } = await startTail({ logs: 100 });
    const [existing] = insert([at(-60)], { model: "tail-model" });
    let expected: string[] = [];
    steps.push(() => {
      insert([at(1), at(3)], { model: "other-model" });
      expected = insert([at(2), at(4)], { model: "tail-model" });
    });
    const seen = await collect({ filters: [where("model").eq("tail-model")] });
    expect(ids(seen)).toEqual(expected);
    const poll = JSON.parse(queryOf(listRequests(sandbox).at(-1)!).get("filters")!);
    const mark = new Date(Date.parse(sandbox.store.get(existing!)!.created_at) - 1).toISOString();
    expect(poll).toEqual([
      { key: "model", operator: "eq", value: ["tail-model"] },
      { key: "created_at", operator: "gt", value: [mark] },
    ]);
  });

  it("starts after `since` without a start request, emitting the logs created after it", async () => {
    const times = [at(-2), at(-1), at(0), at(1), at(2)];
    for (const since of [at(0), new Date(at(0))]) {
      const { sandbox, collect } = await startTail({ logs: times.map((t) => ({ created_at: t })) });
      const seen = await collect({ since });
      expect(seen.map((log) => log.created_at)).toEqual([at(1), at(2)]);
      expect(queryOf(listRequests(sandbox)[0]!).get("order_by_direction")).toBe("asc");
    }
  });

  it("ends cleanly when the signal aborts during a wait", async () => {
    const controller = new AbortController();
    const { sandbox, clientWith } = await startClientSandbox({}, { logs: 5 });
    const logs = clientWith({
      sleep: (ms, signal) => {
        queueMicrotask(() => controller.abort());
        return realSleep(ms, signal);
      },
    });
    const seen: Log[] = [];
    const tail = logs.tail({ signal: controller.signal, intervalMs: 3_600_000 });
    for await (const log of tail) seen.push(log);
    expect(seen).toEqual([]);
    expect(listRequests(sandbox)).toHaveLength(1);
  });

  it("ends cleanly when the signal aborts during a request", async () => {
    let abortDuringPoll = () => {};
    const { sandbox, steps, insert, controller, collect } = await startTail(
      { logs: 5 },
      {
        fetch: (request) => {
          if (request.url.includes("order_by_direction=asc")) abortDuringPoll();
          return globalThis.fetch(request);
        },
      },
    );
    abortDuringPoll = () => controller.abort();
    steps.push(() => insert([at(1)]));
    expect(await collect()).toEqual([]);
    expect(listRequests(sandbox)).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { sandbox, controller, collect } = await startTail({ logs: 5 });
    controller.abort();
    expect(await collect()).toEqual([]);
    expect(sandbox.stats.total).toBe(0);
  });

  it("stops polling when the consumer breaks", async () => {
    const { sandbox, logs, steps, controller, insert } = await startTail({ logs: 5 });
    steps.push(
      () => insert([at(1), at(2)]),
      () => insert([at(3)]),
    );
    for await (const log of logs.tail({ signal: controller.signal })) {
      expect(log.created_at).toBe(at(1));
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(steps).toHaveLength(1);
    expect(listRequests(sandbox)).toHaveLength(2);
  });

  it("keeps going after a 503 burst longer than the client's retries", async () => {
    const { sandbox, steps, waits, collect, insert } = await startTail({ logs: 5 });
    let expected: string[] = [];
    steps.push(
      () => {
        sandbox.faults.next(503, { count: 5 });
        expected = insert([at(1)]);
      },
      () => expected.push(...insert([at(2)])),
    );
    expect(ids(await collect())).toEqual(expected);
    const statuses = listRequests(sandbox).map((r) => r.status);
    expect(statuses).toEqual([200, 503, 503, 503, 503, 503, 200]);
    expect(waits).toEqual([5000, 250, 500, 5000, 250, 500, 5000]);
  });

  it("waits out a Retry-After longer than the interval before polling again", async () => {
    const { sandbox, steps, waits, collect } = await startTail({ logs: 5 });
    steps.push(
      () => sandbox.faults.next(429, { headers: { "Retry-After": "120" } }),
      () => {},
    );
    await collect();
    expect(waits).toEqual([5000, 120_000, 5000]);
    expect(listRequests(sandbox).map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it("throws errors that waiting cannot fix", async () => {
    const { sandbox, steps, collect } = await startTail({ logs: 5 });
    steps.push(() => sandbox.faults.next(400));
    const error = await caught(collect(), [sandbox.token]);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(listRequests(sandbox)).toHaveLength(2);
  });

  it("rejects a bad intervalMs, since or filter before any request", async () => {
    const { sandbox, logs } = await startClientSandbox({}, { logs: 5 });
    const bad: TailOptions[] = [
      { intervalMs: 0 },
      { intervalMs: Number.NaN },
      { since: "yesterday" },
      { filters: [{ key: "cost", operator: "gt", value: ["cheap"] }] },
    ];
    for (const options of bad) expect(() => logs.tail(options)).toThrow(ValidationError);
    expect(sandbox.stats.total).toBe(0);
  });

  it("keeps only the ids at the high-water mark after tailing 1,000 logs", async () => {
    const { logs, steps, sleep, controller, insert } = await startTail({ logs: 0 });
    for (let poll = 0; poll < 10; poll++) {
      steps.push(() => insert(range(100, (i) => at(poll + 1, i))));
    }
    const cursor = new TailCursor();
    const tail = pollNewLogs(logs.list, { signal: controller.signal }, sleep, cursor);
    const seen = new Set<string>();
    let mostRemembered = 0;
    for await (const log of tail) {
      seen.add(log.id);
      mostRemembered = Math.max(mostRemembered, cursor.remembered);
    }
    expect(seen.size).toBe(1000);
    expect(mostRemembered).toBe(1);
  });
});
