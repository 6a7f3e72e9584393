// Hostile or broken input gets a 4xx envelope, and the server keeps answering afterwards.
import { request } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent exactly as written: fetch would normalise "..", encodings and methods. */
function raw(
  sandbox: TestSandbox,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: sandbox.port,
        method,
        path,
        headers: { ...sandbox.auth, ...options.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (chunk: Buffer) => parts.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString(),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

const logsPath = (sandbox: TestSandbox) => new URL(sandbox.logsUrl()).pathname;

async function expectStillAnswering(sandbox: TestSandbox) {
  expect((await sandbox.list({ per_page: 1 })).status).toBe(200);
}

describe("odd paths", () => {
  it.each([
    ["an encoded traversal as the log id", "{logs}/%2e%2e%2f", 7003],
    ["an encoded slash inside the log id", "{logs}/a%2Fb/request", 7003],
    [
      "an encoded traversal as the gateway",
      "/client/v4/accounts/{account}/ai-gateway/gateways/%2e%2e/logs",
      7003,
    ],
    ["a NUL byte in the log id", "{logs}/abc%00", 7003],
    [
      "a control character in the gateway",
      "/client/v4/accounts/{account}/ai-gateway/gateways/gw%0a/logs",
      7003,
    ],
    ["broken percent-encoding", "{logs}/%zz%", 7003],
    ["a literal dot-dot segment", "{logs}/../logs", 7000],
    ["a literal traversal out of the API", "{logs}/../../../../../../etc/passwd", 7000],
    ["an empty segment", "/client/v4/accounts//ai-gateway/gateways/x/logs", 7003],
    ["a trailing slash", "{logs}/", 7003],
    ["a path outside the API", "/admin", 7000],
    ["an unknown sub-resource", "{logs}/abc/headers", 7000],
  ])("refuses %s with a 404 envelope", async (_, template, code) => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const path = template
      .replace("{logs}", logsPath(sandbox))
      .replace("{account}", sandbox.accountId);
    const reply = await raw(sandbox, "GET", path);
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ success: false, errors: [{ code }] });
    await expectStillAnswering(sandbox);
  });

  it("treats a unicode gateway id as a gateway that does not exist", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await sandbox.list({}, { gatewayId: "gätewäy-🚀" });
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe(7002);
  });

  it("treats a unicode log id as a log that does not exist", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await sandbox.call("GET", sandbox.logsUrl(encodeURIComponent("日本語")));
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe(7002);
  });

  it("answers a method a route does not have with 405 and Allow", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    for (const method of ["POST", "PUT", "HEAD"]) {
      const reply = await raw(sandbox, method, logsPath(sandbox));
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe("GET, DELETE");
    }
    await expectStillAnswering(sandbox);
  });
});

describe("odd queries", () => {
  it.each([
    ["a number too big for a double", "per_page=1e309"],
    ["a page beyond safe integers", "page=9007199254740993"],
    ["filters that decode to invalid UTF-8", "filters=%FF%FE"],
    [
      "filters holding a huge number",
      `filters=${encodeURIComponent('[{"key":"cost","operator":"gt","value":[1e400]}]')}`,
    ],
    [
      "a deeply nested filters value",
      `filters=${encodeURIComponent("[".repeat(2000) + "]".repeat(2000))}`,
    ],
  ])("refuses %s with a 400 envelope", async (_, query) => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await raw(sandbox, "GET", `${logsPath(sandbox)}?${query}`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).success).toBe(false);
    await expectStillAnswering(sandbox);
  });

  it("searches for unicode text without error", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    sandbox.store.insert({ metadata: '{"city":"Zürich 🚀"}' });
    const reply = await sandbox.list({ search: "zÜrich 🚀" });
    expect(reply.body.result_info.total_count).toBe(1);
  });
});

describe("broken HTTP", () => {
  it.each([
    ["bytes that are not HTTP", "hello there\r\n\r\n", 400],
    ["a header line without a colon", "GET / HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n", 400],
    [
      "headers over Node's limit",
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])("answers %s with an error envelope", async (_, bytes, status) => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(sandbox.port, "127.0.0.1", () => socket.end(bytes));
      const parts: Buffer[] = [];
      socket.on("data", (chunk) => parts.push(chunk));
      socket.on("close", () => resolve(Buffer.concat(parts).toString()));
      socket.on("error", reject);
    });
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toMatchObject({ success: false, errors: [{ code: 7001 }] });
    await expectStillAnswering(sandbox);
  });
});

describe("odd bodies", () => {
  it("refuses a chunked body over 1 MiB with 413, without a Content-Length", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const [log] = sandbox.store.list();
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const reply = await raw(sandbox, "PATCH", `${logsPath(sandbox)}/${log!.id}`, {
      headers: { "transfer-encoding": "chunked" },
      chunks: [Buffer.from('{"metadata":{"a":"'), chunk, chunk, chunk, chunk, chunk],
      body: '"}}',
    }).catch((error: Error) => ({ status: -1, headers: {}, body: error.message }));
    // The server may close before reading it all; either way it must not accept the body.
    expect([413, -1]).toContain(reply.status);
    expect(sandbox.store.get(log!.id)!.metadata).not.toContain('"a"');
    await expectStillAnswering(sandbox);
  });

  it("refuses a body that is not UTF-8 JSON", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const [log] = sandbox.store.list();
    const reply = await raw(sandbox, "PATCH", `${logsPath(sandbox)}/${log!.id}`, {
      body: Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    });
    expect(reply.status).toBe(400);
    await expectStillAnswering(sandbox);
  });

  it("ignores a body sent with GET", async () => {
    const sandbox = await startTestSandbox({ logs: 3 });
    const reply = await raw(sandbox, "GET", logsPath(sandbox), {
      headers: { "content-length": "7" },
      body: "garbage",
    });
    expect(reply.status).toBe(200);
    await expectStillAnswering(sandbox);
  });
});
