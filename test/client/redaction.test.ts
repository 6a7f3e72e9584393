// The credentials never appear in an error: not in its message, toString, JSON, stack or cause.
import { describe, expect, it } from "vitest";
import { createAiGatewayLogs } from "../../src/index.js";
import { caught, expectNoSecrets, startClientSandbox } from "../helpers/client.js";

describe("redaction", () => {
  it("keeps the token out of every kind of error", async () => {
    const { clientWith, sandbox } = await startClientSandbox({}, { logs: 1 });
    const token = sandbox.token;
    const logs = clientWith({ timeoutMs: 200 });
    const failures: Promise<unknown>[] = [];
    sandbox.faults.next(400);
    failures.push(logs.list());
    failures.push(clientWith({ apiToken: `${token}x` }).list());
    failures.push(clientWith({ accountId: "ffffffffffffffffffffffffffffffff" }).list());
    failures.push(logs.get("missing"));
    for (const failure of failures) await caught(failure, [token]);
    sandbox.faults.next(429, { headers: { "Retry-After": "600" } });
    await caught(logs.list(), [token]);
    sandbox.faults.errorRate = 1;
    await caught(logs.list(), [token]);
    sandbox.faults.errorRate = 0;
    sandbox.faults.resetRate = 1;
    await caught(logs.list(), [token]);
    sandbox.faults.resetRate = 0;
    sandbox.faults.latencyMs = 1_000;
    await caught(logs.list(), [token]);
    const controller = new AbortController();
    controller.abort();
    await caught(logs.list({ signal: controller.signal }), [token]);
    expect(() =>
      createAiGatewayLogs({ accountId: "a", gatewayId: "BAD", apiToken: token }),
    ).toThrow();
    try {
      createAiGatewayLogs({ accountId: "a", gatewayId: "BAD", apiToken: token });
    } catch (error) {
      expectNoSecrets(error, [token]);
    }
  });

  it("scrubs a token the server echoes back", async () => {
    const { logs, sandbox } = await startClientSandbox();
    const echo = JSON.stringify({
      success: false,
      errors: [{ code: 10000, message: `Token ${sandbox.token} is not valid` }],
      messages: [],
      result: null,
    });
    sandbox.faults.next(401, { body: echo, headers: { "content-type": "application/json" } });
    const error = await caught(logs.list(), [sandbox.token]);
    expect(error.message).toContain("Token [redacted] is not valid");
  });

  it("notices a leak: the check itself is not blind", () => {
    const leaky = new Error("Authorization: Bearer abcdefghijklmnop");
    expect(() => expectNoSecrets(leaky, ["abcdefghijklmnop"])).toThrow();
  });
});
