import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeFilters, ValidationError, where, type Filter } from "../../src/index.js";
import { startClientSandbox } from "../helpers/client.js";

const filtersQuery = (query: string) => new URLSearchParams(query).getAll("filters");

describe("the filter builder", () => {
  it("builds the wire form", () => {
    expect(where("model").eq("gpt-4o", "gpt-4o-mini")).toEqual({
      key: "model",
      operator: "eq",
      value: ["gpt-4o", "gpt-4o-mini"],
    });
    expect(where("cost").gt(0.01)).toEqual({ key: "cost", operator: "gt", value: [0.01] });
    expect(where("metadata.key").eq("user")).toEqual({
      key: "metadata.key",
      operator: "eq",
      value: ["user"],
    });
    expect(where("success").neq(false)).toEqual({
      key: "success",
      operator: "neq",
      value: [false],
    });
  });

  it("turns dates into ISO strings", () => {
    const date = new Date("2025-01-15T10:00:00.000Z");
    expect(where("created_at").gt(date).value).toEqual(["2025-01-15T10:00:00.000Z"]);
  });

  it("accepts keys it does not know yet", () => {
    expect(where("some_new_key").contains("x")).toEqual({
      key: "some_new_key",
      operator: "contains",
      value: ["x"],
    });
  });

  it("rejects what the API would refuse, before sending", () => {
    const bad: (() => unknown)[] = [
      () => (where("cost").lt as (...values: unknown[]) => unknown)(1, 2),
      () => where("model").lt("not a number or date"),
      () => where("some_flag").contains(true as never),
      () => where("x").gt(Number.NaN),
      () => where("model").eq(),
      () => where("model").eq({} as never),
      () => where("created_at").gt(new Date("nope")),
      () => serializeFilters([{ key: "model", operator: "like" as never, value: ["x"] }]),
      () => serializeFilters([{ key: "", operator: "eq", value: ["x"] }]),
      () => serializeFilters("model=gpt" as never),
    ];
    for (const attempt of bad) expect(attempt).toThrow(ValidationError);
  });
});

describe("the wire format", () => {
  it("is one filters parameter holding the JSON array (golden)", async () => {
    const { logs, sandbox } = await startClientSandbox();
    await logs.list({
      filters: [
        where("model").eq("gpt-4o", "gpt-4o-mini"),
        where("cost").gt(0.01),
        where("created_at").gt(new Date("2025-01-14T00:00:00Z")),
        { key: "metadata.key", operator: "eq", value: "user" },
      ],
    });
    const query = sandbox.stats.requests.at(-1)!.query;
    expect(query).toBe(
      "filters=%5B%7B%22key%22%3A%22model%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A%5B%22gpt-4o%22%2C%22gpt-4o-mini%22%5D%7D%2C%7B%22key%22%3A%22cost%22%2C%22operator%22%3A%22gt%22%2C%22value%22%3A%5B0.01%5D%7D%2C%7B%22key%22%3A%22created_at%22%2C%22operator%22%3A%22gt%22%2C%22value%22%3A%5B%222025-01-14T00%3A00%3A00.000Z%22%5D%7D%2C%7B%22key%22%3A%22metadata.key%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A%5B%22user%22%5D%7D%5D",
    );
    expect(query).not.toMatch(/filters\.|filters%5B|filters\[/);
  });

  it("sends no filters parameter for an empty list", async () => {
    const { logs, sandbox } = await startClientSandbox();
    await logs.list({ filters: [] });
    expect(filtersQuery(sandbox.stats.requests.at(-1)!.query)).toEqual([]);
  });

  it("carries any valid filter list to the sandbox unchanged", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 20 });
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const filter: fc.Arbitrary<Filter> = fc.oneof(
      fc.record({
        key: fc.constantFrom("model", "provider", "event_id", "metadata.value"),
        operator: fc.constantFrom("eq" as const, "neq" as const),
        value: fc.array(text, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        key: fc.constantFrom("model", "user_agent", "metadata.key"),
        operator: fc.constant("contains" as const),
        value: fc.array(text, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        key: fc.constantFrom("cost", "duration", "tokens", "tokens_in"),
        operator: fc.constantFrom("lt" as const, "gt" as const),
        value: fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true })).map((v) => [...v]),
      }),
      fc.record({
        key: fc.constantFrom("success", "cached"),
        operator: fc.constantFrom("eq" as const, "neq" as const),
        value: fc.tuple(fc.boolean()).map((v) => [...v]),
      }),
      fc.record({
        key: fc.constantFrom("feedback"),
        operator: fc.constantFrom("eq" as const, "neq" as const),
        value: fc.array(fc.oneof(fc.constantFrom(-1, 0, 1), fc.constant(null)), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(filter, { minLength: 1, maxLength: 4 }), async (filters) => {
        const page = await logs.list({ filters, perPage: 1 });
        expect(page.resultInfo.total_count).toEqual(expect.any(Number));
        const [sent] = filtersQuery(sandbox.stats.requests.at(-1)!.query);
        expect(JSON.parse(sent!)).toEqual(filters);
      }),
      { numRuns: 60 },
    );
  });
});
