// /logs/{id}/request and /response: the stored payload itself, with its own content type.
import { describe, expect, it } from "vitest";
import type { SandboxLogInput } from "../../src/sandbox/index.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

const fetchPayload = (sandbox: TestSandbox, id: string, kind: "request" | "response") =>
  fetch(sandbox.logsUrl(`${id}/${kind}`), { headers: sandbox.auth });

async function withLog(input: SandboxLogInput) {
  const sandbox = await startTestSandbox({ logs: 0 });
  const log = sandbox.store.insert({ success: true, payload_stored: true, ...input });
  return { sandbox, id: log.id };
}

describe("payloads", () => {
  it("serve a JSON chat request and response as JSON, without an envelope", async () => {
    const { sandbox, id } = await withLog({
      provider: "openai",
      model: "gpt-4o-mini",
      model_type: "chat",
      tokens_in: 12,
      tokens_out: 7,
      response_content_type: "application/json",
    });
    const request = await fetchPayload(sandbox, id, "request");
    expect(request.headers.get("content-type")).toBe("application/json");
    const sent = await request.json();
    expect(sent).toMatchObject({ model: "gpt-4o-mini", messages: expect.any(Array) });
    expect(sent).not.toHaveProperty("success");
    const response = await (await fetchPayload(sandbox, id, "response")).json();
    expect(response).toMatchObject({
      object: "chat.completion",
      usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
    });
  });

  it("serve a streamed response as server-sent events ending in [DONE]", async () => {
    const { sandbox, id } = await withLog({
      provider: "openai",
      model_type: "chat",
      response_content_type: "text/event-stream",
    });
    const reply = await fetchPayload(sandbox, id, "response");
    expect(reply.headers.get("content-type")).toBe("text/event-stream");
    const events = (await reply.text()).trim().split("\n\n");
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, "")));
    expect(chunks[0].object).toBe("chat.completion.chunk");
    const request = await (await fetchPayload(sandbox, id, "request")).json();
    expect(request.stream).toBe(true);
  });

  it("serve an Anthropic stream with its named events", async () => {
    const { sandbox, id } = await withLog({
      provider: "anthropic",
      model_type: "chat",
      response_content_type: "text/event-stream",
    });
    const text = await (await fetchPayload(sandbox, id, "response")).text();
    expect(text.startsWith("event: message_start\n")).toBe(true);
    expect(text.trim().endsWith('data: {"type":"message_stop"}')).toBe(true);
  });

  it("serve an image as PNG bytes, the same bytes on every call", async () => {
    const { sandbox, id } = await withLog({
      model_type: "image",
      response_content_type: "image/png",
    });
    const first = await fetchPayload(sandbox, id, "response");
    expect(first.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Buffer.from(bytes.subarray(12, 16)).toString("latin1")).toBe("IHDR");
    const second = new Uint8Array(
      await (await fetchPayload(sandbox, id, "response")).arrayBuffer(),
    );
    expect(second).toEqual(bytes);
  });

  it("serve a plain-text body as text", async () => {
    const { sandbox, id } = await withLog({
      success: false,
      status_code: 503,
      response_content_type: "text/plain",
    });
    const reply = await fetchPayload(sandbox, id, "response");
    expect(reply.headers.get("content-type")).toBe("text/plain");
    expect(await reply.text()).toMatch(/upstream/);
  });

  it("serve exactly the bytes set through the store", async () => {
    const { sandbox, id } = await withLog({});
    const body = new Uint8Array([0, 1, 2, 253, 254, 255, 0x0a, 0x0d]);
    sandbox.store.setPayload(id, "request", { contentType: "application/octet-stream", body });
    const reply = await fetchPayload(sandbox, id, "request");
    expect(reply.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(await reply.arrayBuffer())).toEqual(body);
  });

  it.each(["request", "response"] as const)(
    "answer 404 with code 7002 when the %s was not stored",
    async (kind) => {
      const { sandbox, id } = await withLog({ payload_stored: false });
      const reply = await fetchPayload(sandbox, id, kind);
      expect(reply.status).toBe(404);
      const body = await reply.json();
      expect(body.errors[0].code).toBe(7002);
      expect(body.errors[0].message).toContain(`${kind} payload of this log was not stored`);
    },
  );

  it("answer 404 when a payload is set to null through the store", async () => {
    const { sandbox, id } = await withLog({});
    sandbox.store.setPayload(id, "response", null);
    expect((await fetchPayload(sandbox, id, "response")).status).toBe(404);
    expect((await fetchPayload(sandbox, id, "request")).status).toBe(200);
  });

  it("are missing for about 5% of seeded logs", async () => {
    const sandbox = await startTestSandbox({ logs: 400 });
    let missing = 0;
    for (const log of sandbox.store.list()) {
      const reply = await fetchPayload(sandbox, log.id, "request");
      await reply.arrayBuffer();
      if (reply.status === 404) missing += 1;
    }
    expect(missing).toBeGreaterThan(5);
    expect(missing).toBeLessThan(45);
  });
});
