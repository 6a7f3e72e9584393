import { describe, expect, it } from "vitest";
import { describeUpdate } from "../../src/cli/update-output.js";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";

async function setup() {
  const sandbox = await startTestSandbox({ logs: 5 });
  const id = sandbox.store.list()[0]!.id;
  const env = sandboxEnv(sandbox);
  const withUrl = (args: string[]) => ["update", ...args, "--base-url", sandbox.url];
  return {
    sandbox,
    id,
    env,
    withUrl,
    run: (...args: string[]) => runCli(withUrl(args), { env }),
    metadataOf: () => JSON.parse(sandbox.store.get(id)!.metadata || "null"),
  };
}

describe("aigw-logs update", () => {
  it("sets feedback, score and metadata, as the store then holds them", async () => {
    const { sandbox, id, run, metadataOf } = await setup();
    const result = await run(
      id,
      "--feedback",
      "1",
      "--score",
      "92.5",
      "--metadata",
      "reviewed=true",
      "--metadata",
      "reviewer=alice",
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(sandbox.store.get(id)).toMatchObject({ feedback: 1, score: 92.5 });
    expect(metadataOf()).toEqual({ reviewed: true, reviewer: "alice" });
  });

  it("types metadata values: booleans, plain numbers, and everything else as text", async () => {
    const { id, run, metadataOf } = await setup();
    const pairs = [
      "off=false",
      "turns=3",
      "ratio=-0.25",
      "zip=02134",
      'quoted="42"',
      "big=12345678901234567890",
      "hex=0x10",
      "empty=",
      "expr=a=b",
      "name= bob ",
    ];
    const result = await run(id, ...pairs.flatMap((pair) => ["--metadata", pair]));
    expect(result.status).toBe(0);
    expect(metadataOf()).toEqual({
      off: false,
      turns: 3,
      ratio: -0.25,
      zip: "02134",
      quoted: "42",
      big: "12345678901234567890",
      hex: "0x10",
      empty: "",
      expr: "a=b",
      name: " bob ",
    });
  });

  it("takes a negative feedback after a space or an =", async () => {
    const { sandbox, id, run } = await setup();
    expect((await run(id, "--feedback", "-1")).status).toBe(0);
    expect(sandbox.store.get(id)!.feedback).toBe(-1);
    expect((await run(id, "--feedback=0")).status).toBe(0);
    expect(sandbox.store.get(id)!.feedback).toBe(0);
    expect((await run(id, "--feedback=-1")).status).toBe(0);
    expect(sandbox.store.get(id)!.feedback).toBe(-1);
  });

  it("treats a stray negative number as an unknown option", async () => {
    const { id, run } = await setup();
    const result = await run(id, "--score", "10", "-5");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: /);
  });

  it("clears feedback and score with null and metadata with --metadata-clear", async () => {
    const { sandbox, run } = await setup();
    const log = sandbox.store.insert({ feedback: 1, score: 50, metadata: '{"a":1}' });
    const result = await run(log.id, "--feedback", "null", "--score", "null", "--metadata-clear");
    expect(result.status).toBe(0);
    expect(sandbox.store.get(log.id)).toMatchObject({ feedback: null, score: null, metadata: "" });
  });

  it("leaves the fields it is not given as they were", async () => {
    const { sandbox, run } = await setup();
    const log = sandbox.store.insert({ feedback: -1, score: 10, metadata: '{"a":1}' });
    expect((await run(log.id, "--score", "70")).status).toBe(0);
    expect(sandbox.store.get(log.id)).toMatchObject({
      feedback: -1,
      score: 70,
      metadata: '{"a":1}',
    });
  });

  it("prints the log read back after the update as JSON Lines when piped", async () => {
    const { sandbox, id, run } = await setup();
    const result = await run(id, "--metadata", "tier=gold");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id, metadata: '{"tier":"gold"}' });
    expect(sandbox.stats.requests.map((r) => r.method)).toEqual(["PATCH", "GET"]);
  });

  it("prints the chosen fields in the chosen format", async () => {
    const { id, run } = await setup();
    const json = await run(id, "--score", "5", "--format", "json", "--fields", "id,metadata");
    expect(JSON.parse(json.stdout)).toEqual({ id, metadata: expect.any(String) });
    const csv = await run(id, "--score", "6", "--format", "csv", "--fields", "id,model");
    expect(csv.stdout).toMatch(new RegExp(`^id,model\\r\\n${id},`));
  });

  it("says what it set in one line, for a terminal", () => {
    const line = describeUpdate("log-1", { feedback: -1, score: null, metadata: { a: 1 } });
    expect(line).toBe('Updated log-1: feedback -1, score cleared, metadata {"a":1}.\n');
  });

  it.each([
    [["--score", "101"], '--score "101": use a number from 0 to 100, or null.'],
    [["--score=-1"], '--score "-1": use a number from 0 to 100, or null.'],
    [["--score", "abc"], '--score "abc": use a number from 0 to 100, or null.'],
    [["--score", ""], '--score "": use a number from 0 to 100, or null.'],
    [["--feedback", "2"], '--feedback "2": use 1 (good), -1 (bad), 0 or null (clear).'],
    [["--feedback", "0.5"], '--feedback "0.5": use 1 (good), -1 (bad), 0 or null (clear).'],
    [["--metadata", "novalue"], '--metadata "novalue": expected KEY=VALUE.'],
    [["--metadata", "=x"], '--metadata "=x": expected KEY=VALUE.'],
    [["--metadata", "a=1", "--metadata", "a=2"], '--metadata: the key "a" is given twice.'],
    [["--metadata", "a=1", "--metadata-clear"], "Give --metadata or --metadata-clear, not both."],
    [[], "Nothing to update."],
  ])("exits 2 before any request for %j", async (args, message) => {
    const { sandbox, id, run } = await setup();
    const result = await run(id, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 2 without exactly one id, sending nothing", async () => {
    const { sandbox, id, run } = await setup();
    expect((await run("--score", "1")).status).toBe(2);
    expect((await run(id, id, "--score", "1")).status).toBe(2);
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 4 for an unknown log id, and changes nothing", async () => {
    const { sandbox, run } = await setup();
    const before = sandbox.store.list();
    const result = await run("no-such-log", "--score", "1");
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^error: PATCH \S+\/logs\/no-such-log failed with 404/);
    expect(sandbox.store.list()).toEqual(before);
  });

  it("exits 3 when the token is refused, changes nothing, and never prints the token", async () => {
    const { sandbox, id, env, withUrl } = await setup();
    const token = "wrong-token-4f1d2a6b8c0d4e5f9e3b7c4a";
    const result = await runCli(withUrl([id, "--score", "1"]), {
      env: { ...env, CLOUDFLARE_API_TOKEN: token },
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("failed with 401");
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(sandbox.store.get(id)!.score).toBeNull();
  });
});
