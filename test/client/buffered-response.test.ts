// The copy the retrying fetch hands on: a real Response that reads from bytes already in hand.
import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../../src/retry/buffered-response.js";

const json = '{"success":true,"result":["é",1]}';
const make = (body: string | null = json) =>
  new BufferedResponse(
    body === null ? null : (new TextEncoder().encode(body).buffer as ArrayBuffer),
    { status: 200, statusText: "OK", headers: { "content-type": "application/json" } },
    "https://api.example/logs",
  );

describe("BufferedResponse", () => {
  it("is a Response with the status, headers and url it was given", () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 200, ok: true, url: "https://api.example/logs" });
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("reads as JSON, text, bytes, a blob or a stream, byte for byte", async () => {
    expect(await make().json()).toEqual({ success: true, result: ["é", 1] });
    expect(await make().text()).toBe(json);
    const bytes = new Uint8Array(await make().arrayBuffer());
    expect(new TextDecoder().decode(bytes)).toBe(json);
    expect(await (await make().blob()).text()).toBe(json);
    expect((await make().blob()).type).toBe("application/json");
    expect(await new Response(make().body).text()).toBe(json);
  });

  it("can be read once, as the Fetch standard says, and cloned before that", async () => {
    const response = make();
    const copy = response.clone();
    expect(response.bodyUsed).toBe(false);
    await response.text();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(await copy.json()).toEqual({ success: true, result: ["é", 1] });
  });

  it("is not used up by looking at its body stream, only by reading it", async () => {
    const looked = make();
    expect(looked.body).not.toBeNull();
    expect(looked.bodyUsed).toBe(false);
    expect(await looked.text()).toBe(json);
    const streamed = make();
    expect(await new Response(streamed.body).text()).toBe(json);
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.json()).rejects.toThrow(TypeError);
  });

  it("hands out copies: changing bytes read does not change what a clone reads", async () => {
    const response = make();
    const clone = response.clone();
    new Uint8Array(await response.arrayBuffer()).fill(0);
    expect(await clone.text()).toBe(json);
  });

  it("has no body when given none", async () => {
    const response = make(null);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe("");
  });
});
