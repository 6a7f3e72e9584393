// GET and PATCH of one log.
import { describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

const patch = (sandbox: TestSandbox, id: string, body: string) =>
  sandbox.call("PATCH", sandbox.logsUrl(encodeURIComponent(id)), {
    headers: { ...sandbox.auth, "content-type": "application/json" },
    body,
  });

describe("GET /logs/{id}", () => {
  it("returns the list fields and the six head and size fields", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    const listed = (await sandbox.list({ per_page: 1 })).body.result[0];
    const reply = await sandbox.call("GET", sandbox.logsUrl(listed.id));
    expect(reply.status).toBe(200);
    expect(reply.body.result).toMatchObject(listed);
    const extra = Object.keys(reply.body.result).filter((key) => !(key in listed));
    expect(extra.sort()).toEqual([
      "request_head",
      "request_head_complete",
      "request_size",
      "response_head",
      "response_head_complete",
      "response_size",
    ]);
  });

  it("gives the byte sizes of the stored payloads", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({
      model_type: "image",
      response_content_type: "image/png",
      payload_stored: true,
    });
    const detail = (await sandbox.call("GET", sandbox.logsUrl(log.id))).body.result;
    const png = await fetch(sandbox.logsUrl(`${log.id}/response`), { headers: sandbox.auth });
    expect(detail.response_size).toBe((await png.arrayBuffer()).byteLength);
  });

  it("previews the first bytes of each body, saying whether that is all of it", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ payload_stored: true });
    sandbox.store.setPayload(log.id, "request", {
      contentType: "application/json",
      body: '{"a":1}',
    });
    const long = `data: ${"é".repeat(400)}\n\n`;
    sandbox.store.setPayload(log.id, "response", { contentType: "text/event-stream", body: long });
    const detail = (await sandbox.call("GET", sandbox.logsUrl(log.id))).body.result;
    expect(detail).toMatchObject({
      request_head: '{"a":1}',
      request_head_complete: true,
      request_size: 7,
    });
    expect(detail.response_head_complete).toBe(false);
    expect(long.startsWith(detail.response_head)).toBe(true);
    expect(detail.response_head.length).toBeGreaterThan(100);
    expect(detail.response_size).toBe(Buffer.byteLength(long));
  });

  it("shows no head and size 0 for a body that was not stored", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ payload_stored: false });
    const detail = (await sandbox.call("GET", sandbox.logsUrl(log.id))).body.result;
    expect(detail).toMatchObject({
      request_head: "",
      request_head_complete: false,
      request_size: 0,
    });
  });

  it("answers an unknown id with 404 and code 7002", async () => {
    const sandbox = await startTestSandbox({ logs: 10 });
    const reply = await sandbox.call("GET", sandbox.logsUrl("01JC40RB3NGBE5XFRZGBN07572"));
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      success: false,
      errors: [{ code: 7002, message: "Not Found" }],
      messages: [],
      result: null,
    });
  });

  it("finds a log whose id needs percent-encoding, decoded once", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    sandbox.store.insert({ id: "odd id+%41é" });
    expect(
      (await sandbox.call("GET", sandbox.logsUrl(encodeURIComponent("odd id+%41é")))).status,
    ).toBe(200);
    // Decoded twice it would be "odd id+Aé": that id does not exist.
    expect(
      (await sandbox.call("GET", sandbox.logsUrl(encodeURIComponent("odd id+Aé")))).status,
    ).toBe(404);
  });
});

describe("PATCH /logs/{id}", () => {
  it("stores feedback, score and metadata, metadata as a JSON string", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const [log] = sandbox.store.list();
    const body = {
      feedback: -1,
      score: 87.5,
      metadata: { user: "u_1", retries: 2, reviewed: true },
    };
    const reply = await patch(sandbox, log!.id, JSON.stringify(body));
    expect(reply.status).toBe(200);
    expect(reply.body.success).toBe(true);
    expect(reply.body.result.metadata).toBe('{"user":"u_1","retries":2,"reviewed":true}');
    expect(sandbox.store.get(log!.id)).toMatchObject({ feedback: -1, score: 87.5 });
    const detail = (await sandbox.call("GET", sandbox.logsUrl(log!.id))).body.result;
    expect(JSON.parse(detail.metadata)).toEqual(body.metadata);
  });

  it("leaves out fields unchanged and clears fields set to null", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ feedback: 1, score: 40, metadata: '{"a":"b"}' });
    await patch(sandbox, log.id, '{"score":41}');
    expect(sandbox.store.get(log.id)).toMatchObject({
      feedback: 1,
      score: 41,
      metadata: '{"a":"b"}',
    });
    await patch(sandbox, log.id, '{"feedback":null,"metadata":null}');
    expect(sandbox.store.get(log.id)).toMatchObject({ feedback: null, score: 41, metadata: "" });
  });

  it("replaces the metadata rather than merging it", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ metadata: '{"a":"b"}' });
    await patch(sandbox, log.id, '{"metadata":{"c":1}}');
    expect(sandbox.store.get(log.id)!.metadata).toBe('{"c":1}');
  });

  it("accepts the bounds: feedback -1 and 1, score 0 and 100", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const [log] = sandbox.store.list();
    for (const body of ['{"feedback":-1,"score":0}', '{"feedback":1,"score":100}', "{}"]) {
      expect((await patch(sandbox, log!.id, body)).status).toBe(200);
    }
  });

  it.each([
    ["invalid JSON", "{feedback:1}", /valid JSON/],
    ["an empty body", "", /valid JSON/],
    ["an array", "[1]", /JSON object/],
    ["a string", '"hi"', /JSON object/],
    ["null", "null", /JSON object/],
    ["an unknown field", '{"rating":5}', /Unknown field "rating"/],
    ["feedback above 1", '{"feedback":2}', /feedback must be a number from -1 to 1/],
    ["feedback as a string", '{"feedback":"1"}', /feedback/],
    ["score below 0", '{"score":-0.5}', /score must be a number from 0 to 100/],
    ["a huge number", '{"score":1e400}', /score/],
    ["metadata as a string", '{"metadata":"{}"}', /metadata must be an object/],
    ["metadata as an array", '{"metadata":["a"]}', /metadata must be an object/],
    [
      "a nested metadata value",
      '{"metadata":{"a":{"b":1}}}',
      /metadata.a must be a string, number or boolean/,
    ],
    ["a null metadata value", '{"metadata":{"a":null}}', /metadata.a/],
  ])("refuses %s with 400 and changes nothing", async (_, body, message) => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const log = sandbox.store.insert({ feedback: 1, score: 10, metadata: "" });
    const reply = await patch(sandbox, log.id, body);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].code).toBe(7001);
    expect(reply.body.errors[0].message).toMatch(message);
    expect(sandbox.store.get(log.id)).toMatchObject({ feedback: 1, score: 10, metadata: "" });
  });

  it("answers an unknown id with 404", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const reply = await patch(sandbox, "missing", '{"feedback":1}');
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0].code).toBe(7002);
  });

  it("refuses a body over 1 MiB with 413, and keeps answering", async () => {
    const sandbox = await startTestSandbox({ logs: 1 });
    const [log] = sandbox.store.list();
    const huge = JSON.stringify({ metadata: { blob: "x".repeat(1024 * 1024) } });
    const reply = await patch(sandbox, log!.id, huge);
    expect(reply.status).toBe(413);
    expect(reply.body.success).toBe(false);
    expect((await sandbox.list()).status).toBe(200);
  });

  it("moves a log in the feedback order used by DELETE", async () => {
    const sandbox = await startTestSandbox({ logs: 0 });
    const [a, b] = sandbox.store.add([{ feedback: 1 }, { feedback: 0 }]);
    // Build the feedback view, then change the order through a patch.
    await sandbox.call(
      "DELETE",
      sandbox.logsUrl("", {
        order_by: "feedback",
        filters: "[]",
        limit: 1,
        order_by_direction: "asc",
      }),
    );
    expect(sandbox.store.get(b!.id)).toBeUndefined();
    sandbox.store.insert({ id: "c", feedback: 1 });
    await patch(sandbox, a!.id, '{"feedback":-1}');
    await sandbox.call("DELETE", sandbox.logsUrl("", { order_by: "feedback", limit: 1 }));
    expect(sandbox.store.get(a!.id)).toBeUndefined();
    expect(sandbox.store.get("c")).toBeDefined();
  });
});
