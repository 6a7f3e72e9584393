// What each filter operator and key means, on four logs with known fields.
import { describe, expect, it } from "vitest";
import { filtersParam, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { fixtureLogs, hour } from "./fixture-logs.js";

type Filter = { key: string; operator: string; value: unknown[] };

async function matching(sandbox: TestSandbox, ...filters: Filter[]): Promise<string[]> {
  const reply = await sandbox.list({
    filters: filtersParam(...filters),
    order_by_direction: "asc",
  });
  expect(reply.status, JSON.stringify(reply.body.errors)).toBe(200);
  expect(reply.body.result_info.total_count).toBe(reply.body.result.length);
  return reply.body.result.map((log: { id: string }) => log.id);
}

const f = (key: string, operator: string, ...value: unknown[]): Filter => ({
  key,
  operator,
  value,
});

describe("filter semantics", () => {
  const cases: [string, Filter[], string[]][] = [
    [
      "eq matches any of its values",
      [f("provider", "eq", "anthropic", "workers-ai")],
      ["log-b", "log-c"],
    ],
    [
      "separate filters combine with AND",
      [f("provider", "eq", "openai"), f("cost", "gt", 0.001)],
      ["log-a"],
    ],
    [
      "neq matches logs equal to none of its values",
      [f("provider", "neq", "openai", "anthropic")],
      ["log-c"],
    ],
    ["eq null matches a null field", [f("tokens_in", "eq", null)], ["log-b", "log-c"]],
    ["neq null matches every set field", [f("dlp_action", "neq", null)], ["log-b", "log-c"]],
    [
      "contains is a case-insensitive substring",
      [f("model", "contains", "GPT-4O")],
      ["log-a", "log-d"],
    ],
    [
      "contains ORs its values",
      [f("user_agent", "contains", "curl", "python")],
      ["log-c", "log-d"],
    ],
    ["gt compares numbers", [f("duration", "gt", 80)], ["log-a", "log-d"]],
    ["lt compares numbers, strictly", [f("duration", "lt", 80)], ["log-b"]],
    [
      "lt accepts a number written as a string",
      [f("cost", "lt", "0.001")],
      ["log-b", "log-c", "log-d"],
    ],
    [
      "tokens is tokens_in plus tokens_out, a null counting as 0",
      [f("tokens", "lt", 30)],
      ["log-b", "log-c"],
    ],
    ["tokens eq sums both counts", [f("tokens", "eq", 150, 1000)], ["log-a", "log-d"]],
    ["tokens_in lt never matches a null count", [f("tokens_in", "lt", 1000)], ["log-a", "log-d"]],
    ["tokens_out gt compares output tokens", [f("tokens_out", "gt", 50)], ["log-d"]],
    [
      "created_at gt is strictly after a date",
      [f("created_at", "gt", hour(1))],
      ["log-c", "log-d"],
    ],
    ["created_at lt is strictly before a date", [f("created_at", "lt", hour(1))], ["log-a"]],
    [
      "created_at gt and lt make a range",
      [f("created_at", "gt", hour(0.5)), f("created_at", "lt", hour(2.5))],
      ["log-b", "log-c"],
    ],
    [
      "created_at reads time zone offsets",
      [f("created_at", "lt", "2025-01-10T02:30:00+01:00")],
      ["log-a", "log-b"],
    ],
    ["created_at eq matches the exact instant", [f("created_at", "eq", hour(2))], ["log-c"]],
    [
      "metadata.key matches a key of the metadata",
      [f("metadata.key", "eq", "user")],
      ["log-a", "log-b"],
    ],
    [
      "metadata.key neq matches logs without that key",
      [f("metadata.key", "neq", "user")],
      ["log-c", "log-d"],
    ],
    ["metadata.value matches a value", [f("metadata.value", "eq", "prod")], ["log-a"]],
    [
      "metadata.value matches numbers and booleans as text",
      [f("metadata.value", "eq", 2, true)],
      ["log-b", "log-d"],
    ],
    [
      "metadata.value contains is case-insensitive",
      [f("metadata.value", "contains", "STAG")],
      ["log-d"],
    ],
    ["success eq false matches failed requests", [f("success", "eq", false)], ["log-c"]],
    [
      "cached neq true matches uncached requests",
      [f("cached", "neq", true)],
      ["log-a", "log-c", "log-d"],
    ],
    ["authentication eq true", [f("authentication", "eq", true)], ["log-a"]],
    ["wholesale eq true", [f("wholesale", "eq", true)], ["log-b"]],
    ["compatibilityMode eq true", [f("compatibilityMode", "eq", true)], ["log-b"]],
    ["feedback eq matches stored feedback", [f("feedback", "eq", -1, 0)], ["log-b", "log-d"]],
    ["feedback gt 0 matches thumbs up", [f("feedback", "gt", 0)], ["log-a"]],
    ["dlp_action eq FLAG", [f("dlp_action", "eq", "FLAG")], ["log-b"]],
    ["event_id eq", [f("event_id", "eq", "evt-c", "evt-x")], ["log-c"]],
    ["id eq", [f("id", "eq", "log-d", "log-a")], ["log-a", "log-d"]],
    ["id contains", [f("id", "contains", "-B")], ["log-b"]],
    ["request_type eq", [f("request_type", "eq", "universal")], ["log-b"]],
    ["request_content_type neq", [f("request_content_type", "neq", "application/json")], ["log-d"]],
    [
      "response_content_type contains",
      [f("response_content_type", "contains", "event-stream")],
      ["log-b"],
    ],
    ["model_type eq", [f("model_type", "eq", "embedding")], ["log-c"]],
    ["an empty filter array matches everything", [], ["log-a", "log-b", "log-c", "log-d"]],
  ];

  it.each(cases)("%s", async (_, filters, expected) => {
    const sandbox = await startTestSandbox({ logs: fixtureLogs });
    expect(await matching(sandbox, ...filters)).toEqual(expected);
  });

  it("covers all 24 keys of Cloudflare's filter schema", () => {
    const keys = new Set(cases.flatMap(([, filters]) => filters.map((x) => x.key)));
    expect(keys.size).toBe(24);
  });

  it("takes start_date and end_date as inclusive bounds, next to filters", async () => {
    const sandbox = await startTestSandbox({ logs: fixtureLogs });
    const reply = await sandbox.list({
      start_date: hour(1),
      end_date: hour(3),
      filters: filtersParam(f("created_at", "lt", hour(3))),
      order_by_direction: "asc",
    });
    expect(reply.body.result.map((log: { id: string }) => log.id)).toEqual(["log-b", "log-c"]);
    const bounds = await sandbox.list({ start_date: hour(1), end_date: hour(2) });
    expect(bounds.body.result_info.total_count).toBe(2);
  });

  it("applies to logs inserted and patched after start", async () => {
    const sandbox = await startTestSandbox({ logs: fixtureLogs });
    sandbox.store.insert({ id: "log-e", provider: "groq", created_at: hour(4) });
    const patched = await sandbox.call("PATCH", sandbox.logsUrl("log-c"), {
      headers: sandbox.auth,
      body: JSON.stringify({ feedback: 1, metadata: { user: "u_9" } }),
    });
    expect(patched.status).toBe(200);
    expect(await matching(sandbox, f("provider", "eq", "groq"))).toEqual(["log-e"]);
    expect(await matching(sandbox, f("feedback", "eq", 1))).toEqual(["log-a", "log-c"]);
    expect(await matching(sandbox, f("metadata.value", "eq", "u_9"))).toEqual(["log-c"]);
  });
});

describe("filter validation", () => {
  const invalid: [string, unknown, RegExp][] = [
    ["an unknown key", [f("colour", "eq", "red")], /filters\[0\]\.key must be one of/],
    ["a key inherited from Object", [f("constructor", "eq", "x")], /filters\[0\]\.key/],
    ["an unknown operator", [f("model", "like", "gpt")], /filters\[0\]\.operator/],
    ["contains on a number", [f("cost", "contains", "1")], /operator for cost/],
    ["lt on a string key", [f("model", "lt", "b")], /operator for model/],
    ["gt on a boolean", [f("success", "gt", true)], /operator for success/],
    [
      "a value that is not an array",
      [{ key: "model", operator: "eq", value: "gpt-4o" }],
      /non-empty array/,
    ],
    ["an empty value array", [f("model", "eq")], /non-empty array/],
    ["lt with two values", [f("cost", "lt", 1, 2)], /exactly one value/],
    [
      "lt with a string that is not a number",
      [f("cost", "lt", "cheap")],
      /value\[0\] must be a number/,
    ],
    [
      "created_at with a string that is not a date",
      [f("created_at", "gt", "yesterday")],
      /ISO 8601/,
    ],
    ["created_at with a number", [f("created_at", "gt", 1736467200000)], /ISO 8601/],
    ["a boolean key with a string", [f("success", "eq", "true")], /true or false/],
    ["a string key with a number", [f("model", "eq", 4)], /must be a string/],
    ["contains with null", [f("model", "contains", null)], /must be a string/],
    ["a filter without operator", [{ key: "model", value: ["x"] }], /operator/],
    [
      "a filter with an extra field",
      [{ ...f("model", "eq", "x"), op: "eq" }],
      /unknown field "op"/,
    ],
    ["a filter that is not an object", ["model=gpt-4o"], /must be an object/],
    ["filters that are not an array", f("model", "eq", "x"), /must be a JSON array/],
  ];

  it.each(invalid)("refuses %s with a 400 naming the problem", async (_, filters, message) => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list({ filters: JSON.stringify(filters) });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].code).toBe(7001);
    expect(reply.body.errors[0].message).toMatch(message);
  });

  it("refuses filters that are not valid JSON", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const reply = await sandbox.list({ filters: "[{key:model}]" });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(/not valid JSON/);
  });

  it("refuses an invalid filter on DELETE and deletes nothing", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const query = { filters: JSON.stringify([f("model", "lt", "x")]) };
    const reply = await sandbox.call("DELETE", sandbox.logsUrl("", query));
    expect(reply.status).toBe(400);
    expect(sandbox.store.count()).toBe(5);
  });
});
