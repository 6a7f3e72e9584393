import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { runCli, runCliBytes, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";
import { runInTerminal } from "../helpers/run-in-terminal.js";

async function setup() {
  const sandbox = await startTestSandbox({ logs: 5 });
  const id = sandbox.store.list()[0]!.id;
  const env = sandboxEnv(sandbox);
  const withUrl = (args: string[]) => [...args, "--base-url", sandbox.url];
  return {
    sandbox,
    id,
    env,
    withUrl,
    run: (...args: string[]) => runCli(withUrl(args), { env }),
    runBytes: (...args: string[]) => runCliBytes(withUrl(args), { env }),
  };
}

function temporaryDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), "aigw-payload-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// A PNG signature, then every byte value, then bytes that are not UTF-8: nothing may be re-encoded.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x0a, 0x0d]),
]);
const storedJson =
  '{ "model": "gpt-4o", "messages": [ {"role": "user", "content": "héllo"} ], "n": 1.50 }';
const sse =
  'data: {"choices":[{"delta":{"content":"Hé"}}]}\n\ndata: {"choices":[{"delta":{"content":"llo"}}]}\n\ndata: [DONE]\n\n';

describe("aigw-logs request and response", () => {
  it("writes a JSON request body compact when piped, re-serialized from the stored JSON", async () => {
    const { sandbox, id, run } = await setup();
    sandbox.store.setPayload(id, "request", { contentType: "application/json", body: storedJson });
    const result = await run("request", id);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toBe(
      '{"model":"gpt-4o","messages":[{"role":"user","content":"héllo"}],"n":1.5}',
    );
  });

  it("writes a server-sent-events response exactly as stored", async () => {
    const { sandbox, id, run } = await setup();
    sandbox.store.setPayload(id, "response", { contentType: "text/event-stream", body: sse });
    const result = await run("response", id);
    expect(result).toMatchObject({ status: 0, stdout: sse, stderr: "" });
  });

  it("writes a binary body to a pipe byte for byte", async () => {
    const { sandbox, id, runBytes } = await setup();
    sandbox.store.setPayload(id, "response", { contentType: "image/png", body: png });
    const result = await runBytes("response", id);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.equals(png)).toBe(true);
  });

  it("writes a binary body to --out byte for byte, and nothing to stdout or stderr", async () => {
    const { sandbox, id, runBytes } = await setup();
    sandbox.store.setPayload(id, "response", { contentType: "image/png", body: png });
    const file = join(temporaryDirectory(), "answer.png");
    const result = await runBytes("response", id, "--out", file);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toBe("");
    expect(readFileSync(file).equals(png)).toBe(true);
  });

  it("writes text and JSON to --out as they are written to a pipe", async () => {
    const { sandbox, id, run } = await setup();
    sandbox.store.setPayload(id, "request", { contentType: "application/json", body: storedJson });
    sandbox.store.setPayload(id, "response", { contentType: "text/event-stream", body: sse });
    const dir = temporaryDirectory();
    expect((await run("request", id, "--out", join(dir, "request.json"))).status).toBe(0);
    expect((await run("response", id, "--out", join(dir, "response.txt"))).status).toBe(0);
    expect(readFileSync(join(dir, "request.json"), "utf8")).toBe(
      JSON.stringify(JSON.parse(storedJson)),
    );
    expect(readFileSync(join(dir, "response.txt"), "utf8")).toBe(sse);
  });

  it("indents JSON by two spaces on a terminal", async () => {
    const { sandbox, id, env, withUrl } = await setup();
    sandbox.store.setPayload(id, "request", { contentType: "application/json", body: storedJson });
    const result = await runInTerminal(withUrl(["request", id]), {
      env: { ...env, NO_COLOR: "1" },
    });
    expect(result.status).toBe(0);
    expect(result.output).toBe(`${JSON.stringify(JSON.parse(storedJson), null, 2)}\n`);
  });

  it("refuses to write a binary body to a terminal, with exit 2 and a hint to use --out", async () => {
    const { sandbox, id, env, withUrl } = await setup();
    sandbox.store.setPayload(id, "response", { contentType: "image/png", body: png });
    const result = await runInTerminal(withUrl(["response", id]), {
      env: { ...env, NO_COLOR: "1" },
    });
    expect(result.status).toBe(2);
    expect(result.output).toContain(
      `error: The response body of ${id} is binary (${png.length} bytes of image/png): not written to a terminal.`,
    );
    expect(result.output).toContain("hint: Pass --out FILE, or pipe it");
    expect(result.output).not.toContain("PNG");
  });

  it("notes what it wrote to --out on a terminal's stderr", async () => {
    const { sandbox, id, env, withUrl } = await setup();
    sandbox.store.setPayload(id, "response", { contentType: "image/png", body: png });
    const file = join(temporaryDirectory(), "answer.png");
    const result = await runInTerminal(withUrl(["response", id, "--out", file]), {
      env: { ...env, NO_COLOR: "1" },
    });
    expect(result.status).toBe(0);
    expect(result.output).toBe(`${png.length} bytes of image/png written to ${file}.\n`);
    expect(readFileSync(file).equals(png)).toBe(true);
  });

  it("exits 4 with the API's message when the body was not stored, and writes no --out file", async () => {
    const { sandbox, id, run } = await setup();
    sandbox.store.setPayload(id, "response", null);
    const file = join(temporaryDirectory(), "none.json");
    const result = await run("response", id, "--out", file);
    expect(result.status).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("the response payload of this log was not stored");
    expect(existsSync(file)).toBe(false);
  });

  it("exits 4 for an unknown log id", async () => {
    const { run } = await setup();
    const result = await run("request", "no-such-log");
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^error: GET \S+\/logs\/no-such-log\/request failed with 404/);
  });

  it("exits 2 when --out cannot be written", async () => {
    const { id, run } = await setup();
    const file = join(temporaryDirectory(), "missing-dir", "request.json");
    const result = await run("request", id, "--out", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`error: --out ${file}: ENOENT`);
  });

  it("exits 2 without exactly one id, sending nothing", async () => {
    const { sandbox, id, run } = await setup();
    expect((await run("request")).status).toBe(2);
    const two = await run("response", id, id);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain("error: response takes one log id.");
    expect(sandbox.stats.total).toBe(0);
  });
});
