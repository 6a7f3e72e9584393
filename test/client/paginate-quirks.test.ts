// Servers that misbehave in ways the sandbox does not: pagination must still end.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, createAiGatewayLogs } from "../../src/index.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A loopback server answering every list request with `answer(page)`, counting requests. */
async function serve(answer: (page: number) => { status?: number; body: unknown; raw?: string }) {
  const seen: number[] = [];
  server = createServer((request, response) => {
    const page = Number(new URL(request.url!, "http://x").searchParams.get("page") ?? 1);
    seen.push(page);
    const { status = 200, body, raw } = answer(page);
    response
      .writeHead(status, { "content-type": "application/json" })
      .end(raw ?? JSON.stringify(body));
  });
  await new Promise<void>((listening) => server!.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const logs = createAiGatewayLogs({
    accountId: "a",
    gatewayId: "gw",
    apiToken: "t".repeat(40),
    baseUrl: `http://127.0.0.1:${port}`,
    retry: false,
  });
  return { logs, seen };
}

const log = (id: string) => ({
  id,
  created_at: "2025-01-01T00:00:00Z",
  provider: "openai",
  model: "m",
  path: "p",
  duration: 1,
  success: true,
  cached: false,
  tokens_in: 1,
  tokens_out: 1,
});
const page = (ids: string[], total: number, perPage: number) => ({
  success: true,
  result: ids.map(log),
  result_info: { page: 1, per_page: perPage, count: ids.length, total_count: total },
});

describe("iterate against odd servers", () => {
  it("stops when the server repeats the last page forever", async () => {
    const { logs, seen } = await serve(() => ({ body: page(["a", "b"], 1_000_000, 2) }));
    const ids: string[] = [];
    for await (const found of logs.iterate({ perPage: 2 })) ids.push(found.id);
    expect(ids).toEqual(["a", "b"]);
    expect(seen).toEqual([1, 2]);
  });

  it("stops on a short page even when total_count promises more", async () => {
    const { logs, seen } = await serve((n) => ({
      body: page(n === 1 ? ["a", "b"] : ["c"], 50, 2),
    }));
    const ids: string[] = [];
    for await (const found of logs.iterate({ perPage: 2 })) ids.push(found.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(seen).toEqual([1, 2]);
  });

  it("turns an unexpected status into an ApiError", async () => {
    const { logs } = await serve(() => ({
      status: 418,
      body: { success: false, errors: [{ code: 1, message: "teapot" }] },
    }));
    const error = await logs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 418,
      code: "api_error",
      errors: [{ code: 1, message: "teapot" }],
    });
  });

  it("reports a success body that is not JSON as a readable error", async () => {
    const { logs } = await serve(() => ({ body: undefined, raw: "<html>" }));
    const error = await logs.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "connection" });
    expect(String(error)).toMatch(/could not be read/);
  });
});
