// GET /logs: order, bounds, pagination, search, meta_info and the deprecated parameters, checked
// against what a plain computation over the store's logs says.
import { describe, expect, it } from "vitest";
import type { SandboxLog } from "../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

type Query = Record<string, string | number | boolean>;

/** Every log of a query, page by page, checking the page bookkeeping on the way. */
async function allPages(sandbox: TestSandbox, query: Query = {}): Promise<SandboxLog[]> {
  const logs: SandboxLog[] = [];
  for (let page = 1; ; page++) {
    const reply = await sandbox.list({ ...query, page, per_page: 50 });
    expect(reply.status, JSON.stringify(reply.body.errors)).toBe(200);
    const info = reply.body.result_info;
    expect(info).toMatchObject({ page, per_page: 50, count: reply.body.result.length });
    expect(info).not.toHaveProperty("total_pages");
    logs.push(...reply.body.result);
    if (page * 50 >= info.total_count) {
      expect(logs).toHaveLength(info.total_count);
      return logs;
    }
  }
}

const valueOf = (log: SandboxLog, key: string): string | number | boolean =>
  key === "created_at" ? Date.parse(log.created_at) : (log[key as keyof SandboxLog] as string);

function sorted(logs: SandboxLog[], key: string, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: SandboxLog, b: SandboxLog) => {
    const [x, y] = [valueOf(a, key), valueOf(b, key)];
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
  return [...logs].sort(compare).map((log) => log.id);
}

describe("order", () => {
  const orders = ["created_at", "provider", "model", "model_type", "success", "cached"];
  const cases = orders.flatMap((key) =>
    (["asc", "desc"] as const).map((dir) => [key, dir] as const),
  );

  it.each(cases)("by %s %s, ties broken by id in the same direction", async (key, direction) => {
    const sandbox = await startTestSandbox({ logs: 180 });
    const listed = await allPages(sandbox, { order_by: key, order_by_direction: direction });
    expect(listed.map((log) => log.id)).toEqual(sorted(sandbox.store.list(), key, direction));
  });

  it("is newest first by default", async () => {
    const sandbox = await startTestSandbox({ logs: 50 });
    const reply = await sandbox.list({ per_page: 50 });
    const times = reply.body.result.map((log: SandboxLog) => log.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("takes the deprecated direction when order_by_direction is absent", async () => {
    const sandbox = await startTestSandbox({ logs: 30 });
    const old = await sandbox.list({ direction: "asc", per_page: 50 });
    const current = await sandbox.list({ order_by_direction: "asc", per_page: 50 });
    expect(old.body.result).toEqual(current.body.result);
    const both = await sandbox.list({ direction: "asc", order_by_direction: "desc", per_page: 1 });
    expect(both.body.result[0].id).toBe(sandbox.store.list()[0]!.id);
  });

  it("refuses an order_by of DELETE only", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list({ order_by: "cost" });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(/order_by must be one of/);
  });
});

describe("bounds", () => {
  it.each([
    ["per_page", 0],
    ["per_page", 51],
    ["per_page", -1],
    ["per_page", "1.5"],
    ["per_page", "ten"],
    ["per_page", ""],
    ["page", 0],
    ["page", "99999999999999999999"],
    ["order_by_direction", "up"],
    ["meta_info", "yes"],
  ])("refuses %s=%s with a 400 naming it", async (name, value) => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list({ [name]: value });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ code: 7001 });
    expect(reply.body.errors[0].message).toContain(name);
  });

  it("refuses a parameter given twice", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list("per_page=5&per_page=10");
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(/per_page must be given at most once/);
  });

  it("accepts per_page 1 and 50", async () => {
    const sandbox = await startTestSandbox({ logs: 60 });
    expect((await sandbox.list({ per_page: 1 })).body.result).toHaveLength(1);
    expect((await sandbox.list({ per_page: 50 })).body.result).toHaveLength(50);
  });

  it("ignores parameters it does not know, as Cloudflare does", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    expect((await sandbox.list({ colour: "red" })).status).toBe(200);
  });
});

describe("pagination", () => {
  it("returns 20 logs by default with the total", async () => {
    const sandbox = await startTestSandbox({ logs: 45 });
    const reply = await sandbox.list();
    expect(reply.body.result).toHaveLength(20);
    expect(reply.body.result_info).toEqual({ page: 1, per_page: 20, count: 20, total_count: 45 });
  });

  it("visits every log exactly once across pages", async () => {
    const sandbox = await startTestSandbox({ logs: 137 });
    const ids = (await allPages(sandbox)).map((log) => log.id);
    expect(new Set(ids).size).toBe(137);
  });

  it("answers a page past the end with no logs and the right total", async () => {
    const sandbox = await startTestSandbox({ logs: 45 });
    const reply = await sandbox.list({ page: 4 });
    expect(reply.body.result).toEqual([]);
    expect(reply.body.result_info).toEqual({ page: 4, per_page: 20, count: 0, total_count: 45 });
  });

  it("counts the last, partial page", async () => {
    const sandbox = await startTestSandbox({ logs: 45 });
    const reply = await sandbox.list({ page: 3 });
    expect(reply.body.result_info.count).toBe(5);
  });
});

describe("search", () => {
  const haystack = (log: SandboxLog) =>
    [log.id, log.model, log.provider, log.path, log.metadata].join("\n").toLowerCase();

  it.each(["u_123", "GPT-4O", "llama", "v1/messages", "0194"])(
    "finds %s in id, model, provider, path or metadata, ignoring case",
    async (term) => {
      const sandbox = await startTestSandbox({ logs: 200 });
      const expected = sandbox.store
        .list()
        .filter((log) => haystack(log).includes(term.toLowerCase()));
      expect(expected.length).toBeGreaterThan(0);
      const found = await allPages(sandbox, { search: term });
      expect(found.map((log) => log.id)).toEqual(expected.map((log) => log.id));
    },
  );

  it("combines with filters", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const filters = JSON.stringify([{ key: "success", operator: "eq", value: [true] }]);
    const found = await allPages(sandbox, { search: "openai", filters });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((log) => log.success && haystack(log).includes("openai"))).toBe(true);
  });
});

describe("meta_info", () => {
  it("adds min and max over every matched log, not only the page", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const filters = JSON.stringify([{ key: "provider", operator: "eq", value: ["openai"] }]);
    const reply = await sandbox.list({ filters, meta_info: true, per_page: 1 });
    const matched = sandbox.store.list().filter((log) => log.provider === "openai");
    const range = (values: (number | null)[]) => {
      const present = values.filter((v): v is number => v !== null);
      return [Math.min(...present), Math.max(...present)];
    };
    const expected = {
      cost: range(matched.map((log) => log.cost)),
      duration: range(matched.map((log) => log.duration)),
      tokens_in: range(matched.map((log) => log.tokens_in)),
      tokens_out: range(matched.map((log) => log.tokens_out)),
      total_tokens: range(matched.map((log) => (log.tokens_in ?? 0) + (log.tokens_out ?? 0))),
    };
    const info = reply.body.result_info;
    expect(info.total_count).toBe(matched.length);
    for (const [name, [min, max]] of Object.entries(expected)) {
      expect([info[`min_${name}`], info[`max_${name}`]], name).toEqual([min, max]);
    }
  });

  it("is absent unless asked for", async () => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const info = (await sandbox.list({ meta_info: false })).body.result_info;
    expect(Object.keys(info).sort()).toEqual(["count", "page", "per_page", "total_count"]);
  });
});

describe("deprecated flat parameters", () => {
  const cases: [string, Query, (log: SandboxLog) => boolean][] = [
    [
      "min_cost and max_cost, inclusive",
      { min_cost: 0.0005, max_cost: 0.002 },
      (l) => l.cost >= 0.0005 && l.cost <= 0.002,
    ],
    ["min_tokens_in", { min_tokens_in: 500 }, (l) => l.tokens_in !== null && l.tokens_in >= 500],
    [
      "max_tokens_out",
      { max_tokens_out: 100 },
      (l) => l.tokens_out !== null && l.tokens_out <= 100,
    ],
    [
      "min_total_tokens",
      { min_total_tokens: 800 },
      (l) => (l.tokens_in ?? 0) + (l.tokens_out ?? 0) >= 800,
    ],
    [
      "min_duration and max_duration",
      { min_duration: 100, max_duration: 1000 },
      (l) => l.duration >= 100 && l.duration <= 1000,
    ],
    ["success", { success: false }, (l) => !l.success],
    ["cached", { cached: true }, (l) => l.cached],
    ["model", { model: "gpt-4o-mini" }, (l) => l.model === "gpt-4o-mini"],
    [
      "provider and model_type",
      { provider: "openai", model_type: "embedding" },
      (l) => l.provider === "openai" && l.model_type === "embedding",
    ],
    [
      "response_content_type",
      { response_content_type: "text/event-stream" },
      (l) => l.response_content_type === "text/event-stream",
    ],
    ["request_content_type", { request_content_type: "application/json" }, () => true],
    ["feedback", { feedback: 1 }, (l) => l.feedback === 1],
    [
      "start_date and end_date, inclusive",
      { start_date: "2025-01-12T00:00:00Z", end_date: "2025-01-13T00:00:00Z" },
      (l) =>
        l.created_at >= "2025-01-12T00:00:00.000Z" && l.created_at <= "2025-01-13T00:00:00.000Z",
    ],
  ];

  it.each(cases)("honours %s", async (_, query, keep) => {
    const sandbox = await startTestSandbox({ logs: 300 });
    const expected = sandbox.store
      .list()
      .filter(keep)
      .map((log) => log.id);
    expect(expected.length).toBeGreaterThan(0);
    const found = await allPages(sandbox, query);
    expect(found.map((log) => log.id)).toEqual(expected);
  });

  it.each([
    ["min_cost", "cheap"],
    ["success", "yes"],
    ["feedback", "-1"],
    ["start_date", "last week"],
  ])("refuses %s=%s", async (name, value) => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list({ [name]: value });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toContain(name);
  });
});
