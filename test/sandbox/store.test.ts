// The programmatic store, and the options that shape a sandbox.
import { describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/index.js";
import { fixedNow, startTestSandbox } from "../helpers/sandbox.js";

describe("store", () => {
  it("inserts a log with defaults, created now, listed first", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    const log = sandbox.store.insert({ model: "gpt-4o", tokens_in: 5 });
    expect(log).toMatchObject({
      model: "gpt-4o",
      tokens_in: 5,
      created_at: new Date(fixedNow).toISOString(),
    });
    expect(sandbox.store.list()[0]!.id).toBe(log.id);
    expect((await sandbox.list({ per_page: 1 })).body.result[0].id).toBe(log.id);
    expect(sandbox.store.count()).toBe(11);
  });

  it("starts with exactly the logs given, ordered by created_at", async () => {
    const sandbox = await startTestSandbox({
      logs: [
        { id: "b", created_at: "2025-01-02T00:00:00Z" },
        { id: "a", created_at: "2025-01-03T00:00:00Z" },
        { id: "c", created_at: "2025-01-01T00:00:00Z" },
      ],
    });
    expect(sandbox.store.list().map((l) => l.id)).toEqual(["a", "b", "c"]);
  });

  it("takes created_at from a UUIDv7 or ULID id when not given", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ id: "01JC40RB3NGBE5XFRZGBN07572" });
    expect(log.created_at).toBe("2024-11-07T19:13:55.829Z");
    const v7 = sandbox.store.insert({ id: "01936f2e-8c4a-7b3e-9f1d-2a6b8c0d4e5f" });
    expect(v7.created_at).toBe(new Date(0x01936f2e8c4a).toISOString());
  });

  it("refuses a duplicate id, an unknown field and an invalid date", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    sandbox.store.insert({ id: "x" });
    expect(() => sandbox.store.insert({ id: "x" })).toThrow(/already exists/);
    expect(() => sandbox.store.add([{ id: "y" }, { id: "y" }])).toThrow(/already exists/);
    expect(sandbox.store.get("y")).toBeUndefined();
    expect(() => sandbox.store.insert({ colour: "red" } as never)).toThrow(/Unknown log field/);
    expect(() => sandbox.store.insert({ created_at: "soon" })).toThrow(/not a date/);
  });

  it("adds gateways and accounts, and counts all logs in size", async () => {
    const sandbox = await startTestSandbox({ logs: 4 });
    sandbox.store.addAccount("b".repeat(32));
    sandbox.store.addGateway("empty-gw", "b".repeat(32));
    sandbox.store.add([{}, {}], { gatewayId: "second" });
    expect(sandbox.store.size).toBe(6);
    const reply = await sandbox.list({}, { accountId: "b".repeat(32), gatewayId: "empty-gw" });
    expect(reply.body.result_info.total_count).toBe(0);
  });

  it("refuses a gateway id that breaks Cloudflare's rule", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    for (const id of ["Upper", "two--dashes", "-lead", "", "a".repeat(65), "dot.ted"]) {
      expect(() => sandbox.store.addGateway(id), id).toThrow(/Invalid gateway id/);
    }
  });

  it("returns copies: changing one does not change the stored log", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const [log] = sandbox.store.list();
    log!.model = "changed";
    expect(sandbox.store.get(log!.id)!.model).not.toBe("changed");
  });

  it("refuses a payload for a log it does not have", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    expect(() => sandbox.store.setPayload("nope", "request", null)).toThrow(/No log/);
  });
});

describe("startSandbox", () => {
  it("listens on 127.0.0.1 with a base URL in place of Cloudflare's", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}/client/v4`);
    expect(sandbox.accountId).toMatch(/^[0-9a-f]{32}$/);
    expect(sandbox.gatewayId).toBe("sandbox-gateway");
  });

  it("uses the ids and credentials given", async () => {
    const sandbox = await startTestSandbox({
      logs: 2,
      accountId: "c".repeat(32),
      gatewayId: "prod",
      token: "tok",
      email: "me@example.com",
      apiKey: "key",
    });
    expect(sandbox).toMatchObject({
      accountId: "c".repeat(32),
      gatewayId: "prod",
      token: "tok",
      apiKey: "key",
    });
    const reply = await sandbox.call("GET", sandbox.logsUrl(), {
      headers: { "x-auth-email": "me@example.com", "x-auth-key": "key" },
    });
    expect(reply.body.result_info.total_count).toBe(2);
  });

  it.each([
    [{ port: -1 }, /port/],
    [{ logs: -5 }, /logs/],
    [{ logs: 1.5 }, /logs/],
    [{ insertPerSecond: -1 }, /insertPerSecond/],
    [{ gatewayId: "Bad Gateway" }, /gateway id/],
  ])("refuses invalid options %j before listening", async (options, message) => {
    await expect(startSandbox(options)).rejects.toThrow(message);
  });

  it("closes, after which it refuses connections", async () => {
    const sandbox = await startSandbox({ logs: 1 });
    const url = `${sandbox.url}/accounts/${sandbox.accountId}/ai-gateway/gateways/${sandbox.gatewayId}/logs`;
    const headers = { authorization: `Bearer ${sandbox.token}` };
    expect((await fetch(url, { headers })).status).toBe(200);
    await sandbox.close();
    await expect(fetch(url, { headers })).rejects.toThrow();
  });
});
