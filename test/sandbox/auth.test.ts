// Credentials, account access, and the isolation of accounts and gateways.
import { describe, expect, it } from "vitest";
import { startTestSandbox } from "../helpers/sandbox.js";

describe("credentials", () => {
  it("accepts the bearer token", async () => {
    const sandbox = await startTestSandbox({ logs: 3, token: "t0k3n" });
    const reply = await sandbox.call("GET", sandbox.logsUrl(), {
      headers: { authorization: "Bearer t0k3n" },
    });
    expect(reply.status).toBe(200);
  });

  it("accepts the email and global API key together, the email in any case", async () => {
    const sandbox = await startTestSandbox({
      logs: 3,
      email: "dev@example.com",
      apiKey: "k".repeat(37),
    });
    const headers = { "x-auth-email": "Dev@Example.com", "x-auth-key": "k".repeat(37) };
    expect((await sandbox.call("GET", sandbox.logsUrl(), { headers })).status).toBe(200);
  });

  it.each([
    ["no credentials", {}, "Authentication error"],
    ["a wrong token", { authorization: "Bearer wrong" }, "Authentication error"],
    ["a token under another scheme", { authorization: "Basic dXNlcjpwYXNz" }, "Bearer"],
    [
      "a wrong key",
      { "x-auth-email": "sandbox@example.com", "x-auth-key": "wrong" },
      "Authentication error",
    ],
    [
      "a wrong email",
      { "x-auth-email": "other@example.com", "x-auth-key": "KEY" },
      "Authentication error",
    ],
    ["an email without a key", { "x-auth-email": "sandbox@example.com" }, "must be sent together"],
    ["a key without an email", { "x-auth-key": "KEY" }, "must be sent together"],
  ])("refuses %s with 401 and code 10000", async (_, headers, message) => {
    const sandbox = await startTestSandbox({ logs: 3, apiKey: "KEY" });
    const reply = await sandbox.call("GET", sandbox.logsUrl(), { headers });
    expect(reply.status).toBe(401);
    expect(reply.body.errors[0].code).toBe(10000);
    expect(reply.body.errors[0].message).toContain(message);
  });

  it("never echoes a presented token, in answers or in the request log", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const secret = "s3cr3t-token-value-that-must-not-leak";
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${secret}` },
      { authorization: `Basic ${secret}` },
      { "x-auth-email": "sandbox@example.com", "x-auth-key": secret },
      { "x-auth-key": secret },
    ];
    for (const headers of attempts) {
      const reply = await sandbox.call("GET", sandbox.logsUrl(), { headers });
      expect(JSON.stringify(reply.body)).not.toContain(secret);
      expect([...reply.headers.values()].join("\n")).not.toContain(secret);
    }
    const good = await sandbox.call("GET", sandbox.logsUrl());
    expect(JSON.stringify(good.body)).not.toContain(sandbox.token);
    expect(JSON.stringify(sandbox.stats.requests)).not.toContain(secret);
    expect(JSON.stringify(sandbox.stats.requests)).not.toContain(sandbox.token);
  });

  it("makes a random token per sandbox unless one is given", async () => {
    const first = await startTestSandbox({ logs: 0 });
    const second = await startTestSandbox({ logs: 0 });
    expect(first.token).not.toBe(second.token);
    expect(first.token.length).toBeGreaterThanOrEqual(40);
  });
});

describe("accounts", () => {
  it("refuses an account that is not the credentials' with 403", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await sandbox.list({}, { accountId: "0".repeat(32) });
    expect(reply.status).toBe(403);
    expect(reply.body.errors[0].code).toBe(10000);
  });

  it("checks credentials before the account, so a stranger cannot probe accounts", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const url = sandbox.logsUrl("", {}, { accountId: "0".repeat(32) });
    expect((await sandbox.call("GET", url, { headers: {} })).status).toBe(401);
  });

  it("answers 404 for a gateway the account does not have", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await sandbox.list({}, { gatewayId: "missing" });
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe(7002);
  });

  it("keeps the logs of each account and gateway apart", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    const other = { accountId: "a".repeat(32), gatewayId: "other-gw" };
    const sibling = { gatewayId: "sibling" };
    const [foreign] = sandbox.store.add([{ id: "foreign-log" }], other);
    sandbox.store.add([{ id: "sibling-log" }, {}], sibling);

    expect((await sandbox.list()).body.result_info.total_count).toBe(10);
    expect((await sandbox.list({}, other)).body.result.map((l: { id: string }) => l.id)).toEqual([
      foreign!.id,
    ]);
    expect((await sandbox.list({}, sibling)).body.result_info.total_count).toBe(2);
    // One gateway's log is not found through another gateway or account.
    expect((await sandbox.call("GET", sandbox.logsUrl("foreign-log"))).status).toBe(404);
    expect((await sandbox.call("GET", sandbox.logsUrl("sibling-log", {}, other))).status).toBe(404);
    expect((await sandbox.call("GET", sandbox.logsUrl("foreign-log", {}, other))).status).toBe(200);
  });

  it("deletes only in the gateway addressed", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    sandbox.store.add([{}, {}, {}], { gatewayId: "sibling" });
    const reply = await sandbox.call("DELETE", sandbox.logsUrl("", {}, { gatewayId: "sibling" }));
    expect(reply.status).toBe(200);
    expect(sandbox.store.count({ gatewayId: "sibling" })).toBe(0);
    expect(sandbox.store.count()).toBe(10);
  });
});
