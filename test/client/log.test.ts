import { describe, expect, it } from "vitest";
import { NotFoundError, BadRequestError, ValidationError } from "../../src/index.js";
import { caught, startClientSandbox } from "../helpers/client.js";

describe("get", () => {
  it("returns a log's detail", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 3 });
    const [first] = sandbox.store.list();
    const log = await logs.get(first!.id);
    expect(log.id).toBe(first!.id);
    expect(log).toHaveProperty("request_size");
  });

  it("throws NotFoundError with Cloudflare's code 7002 for an unknown id", async () => {
    const { logs, sandbox } = await startClientSandbox();
    const error = await caught(logs.get("01936f2e-0000-7000-8000-000000000000"), [sandbox.token]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.errors[0]).toMatchObject({ code: 7002 });
    expect(error.message).toMatch(
      /^GET \/client\/v4\/accounts\/.+\/logs\/01936f2e-.+ failed with 404/,
    );
  });
});

describe("path safety", () => {
  it("percent-encodes an id so it cannot reach another path", async () => {
    const { logs, sandbox } = await startClientSandbox();
    const error = await caught(logs.get("../../zones"), [sandbox.token]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(sandbox.stats.requests.at(-1)?.path).toMatch(/\/logs\/\.\.%2F\.\.%2Fzones$/);
  });

  it("rejects . and .. as ids before sending anything", async () => {
    const { logs, sandbox } = await startClientSandbox();
    for (const id of [".", "..", ""]) {
      expect(await caught(logs.get(id), [sandbox.token])).toBeInstanceOf(ValidationError);
    }
    expect(sandbox.stats.total).toBe(0);
  });
});

describe("update", () => {
  it("sets feedback, score and metadata", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 3 });
    const [first] = sandbox.store.list();
    await logs.update(first!.id, { feedback: 1, score: 87, metadata: { user: "u_1", vip: true } });
    const stored = sandbox.store.get(first!.id)!;
    expect(stored).toMatchObject({ feedback: 1, score: 87 });
    expect(JSON.parse(stored.metadata as string)).toEqual({ user: "u_1", vip: true });
  });

  it("surfaces the server's refusal of an out-of-range score as BadRequestError", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    const error = await caught(logs.update(first!.id, { score: 101 }), [sandbox.token]);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain("score");
  });

  it("replays the body when a PATCH is retried", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    sandbox.faults.next(503);
    await logs.update(first!.id, { feedback: -1 });
    const patches = sandbox.stats.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.status)).toEqual([503, 200]);
    expect(sandbox.store.get(first!.id)).toMatchObject({ feedback: -1 });
  });
});

describe("stored payloads", () => {
  it("parses JSON bodies", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    sandbox.store.setPayload(first!.id, "request", {
      contentType: "application/json",
      body: JSON.stringify({ model: "gpt-4o", messages: [] }),
    });
    const payload = await logs.getRequest(first!.id);
    expect(payload).toEqual({
      kind: "json",
      contentType: "application/json",
      body: { model: "gpt-4o", messages: [] },
    });
  });

  it("returns an SSE stream as text", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    const stream = 'data: {"delta":"Hi"}\n\ndata: [DONE]\n\n';
    sandbox.store.setPayload(first!.id, "response", {
      contentType: "text/event-stream",
      body: stream,
    });
    expect(await logs.getResponse(first!.id)).toEqual({
      kind: "text",
      contentType: "text/event-stream",
      body: stream,
    });
  });

  it("returns binary bodies byte for byte", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x80]);
    sandbox.store.setPayload(first!.id, "response", { contentType: "image/png", body: bytes });
    const payload = await logs.getResponse(first!.id);
    expect(payload.kind).toBe("bytes");
    expect([...(payload.body as Uint8Array)]).toEqual([...bytes]);
  });

  it("throws NotFoundError saying the payload was not stored", async () => {
    const { logs, sandbox } = await startClientSandbox({}, { logs: 1 });
    const [first] = sandbox.store.list();
    sandbox.store.setPayload(first!.id, "request", null);
    const error = await caught(logs.getRequest(first!.id), [sandbox.token]);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/not stored/i);
  });
});
