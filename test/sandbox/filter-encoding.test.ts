// `filters` is one JSON-encoded query parameter. Any other encoding is refused, never ignored;
// only the ignoreFilters mode reproduces the real API, which silently ignores them.
import { describe, expect, it } from "vitest";
import { startTestSandbox } from "../helpers/sandbox.js";

const wrongEncodings: [string, string][] = [
  [
    "dotted keys, as the official SDKs send",
    "filters.key=model&filters.operator=eq&filters.value=gpt-4o",
  ],
  ["bracketed keys", "filters[0][key]=model&filters[0][operator]=eq&filters[0][value][0]=gpt-4o"],
  ["an array-style key", "filters[]=%7B%7D"],
  [
    "the parameter repeated",
    `filters=${encodeURIComponent('[{"key":"model","operator":"eq","value":["a"]}]')}&filters=${encodeURIComponent("[]")}`,
  ],
];

describe("wrongly encoded filters", () => {
  it.each(wrongEncodings)("are refused on GET: %s", async (_, query) => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const reply = await sandbox.list(query);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(
      /filters must be one query parameter holding a JSON array/,
    );
  });

  it.each(wrongEncodings)("are refused on DELETE and delete nothing: %s", async (_, query) => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const reply = await sandbox.call("DELETE", sandbox.logsUrl("", query));
    expect(reply.status).toBe(400);
    expect(sandbox.store.count()).toBe(20);
  });
});

describe("ignoreFilters mode", () => {
  it("lists every log when filters are flattened, like the real API", async () => {
    const sandbox = await startTestSandbox({ logs: 20, ignoreFilters: true });
    const reply = await sandbox.list(wrongEncodings[0]![1]);
    expect(reply.status).toBe(200);
    expect(reply.body.result_info.total_count).toBe(20);
  });

  it("ignores even a correctly encoded filter", async () => {
    const sandbox = await startTestSandbox({ logs: 20, ignoreFilters: true });
    const filters = JSON.stringify([{ key: "id", operator: "eq", value: ["none"] }]);
    const reply = await sandbox.list({ filters });
    expect(reply.body.result_info.total_count).toBe(20);
  });

  it("deletes logs regardless of a flattened filter, up to the limit", async () => {
    const sandbox = await startTestSandbox({ logs: 20, ignoreFilters: true });
    const query = `${wrongEncodings[0]![1]}&limit=15`;
    const reply = await sandbox.call("DELETE", sandbox.logsUrl("", query));
    expect(reply.status).toBe(200);
    expect(sandbox.store.count()).toBe(5);
  });

  it("still validates the other parameters", async () => {
    const sandbox = await startTestSandbox({ logs: 20, ignoreFilters: true });
    expect((await sandbox.list({ per_page: 51 })).status).toBe(400);
  });
});
