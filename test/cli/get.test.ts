import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { logDetailColumns } from "../../src/index.js";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { runInTerminal } from "../helpers/run-in-terminal.js";
import { startTestSandbox } from "../helpers/sandbox.js";

async function setup() {
  const sandbox = await startTestSandbox({ logs: 10 });
  const log = sandbox.store.list()[3]!;
  const run = (...args: string[]) =>
    runCli(["get", ...args, "--base-url", sandbox.url], { env: sandboxEnv(sandbox) });
  return { sandbox, log, run };
}

describe("aigw-logs get", () => {
  it("prints the log in detail as JSON Lines when piped, with the head and size fields", async () => {
    const { sandbox, log, run } = await setup();
    const result = await run(log.id);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("}\n")).toBe(true);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(1);
    const served = (await sandbox.call("GET", sandbox.logsUrl(log.id))).body.result;
    expect(JSON.parse(result.stdout)).toEqual(served);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(
      expect.arrayContaining(["request_head", "request_size", "response_head", "response_size"]),
    );
  });

  it("prints one field a line as a table, and pretty JSON", async () => {
    const { log, run } = await setup();
    const table = await run(log.id, "--format", "table", "--fields", "id,model,cost");
    expect(table.stdout).toBe(`id     ${log.id}\nmodel  ${log.model}\ncost   ${log.cost ?? ""}\n`);
    const json = await run(log.id, "--format", "json");
    expect(json.stdout).toBe(`${JSON.stringify(JSON.parse(json.stdout), null, 2)}\n`);
    expect(JSON.parse(json.stdout).id).toBe(log.id);
  });

  it("defaults to a table on a terminal, with long values cut to its width", async () => {
    const { sandbox, log } = await setup();
    sandbox.store.setPayload(log.id, "request", {
      contentType: "application/json",
      body: JSON.stringify({ prompt: "x".repeat(500) }),
    });
    const args = ["get", log.id, "--base-url", sandbox.url];
    const { status, output } = await runInTerminal(args, {
      env: { ...sandboxEnv(sandbox), NO_COLOR: "1" },
    });
    expect(status).toBe(0);
    const lines = output.trimEnd().split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^request_head +\{"prompt":"x+…$/));
    expect(lines).toContainEqual(expect.stringMatching(/^request_size +513$/));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("keeps only the chosen fields in JSON and JSON Lines", async () => {
    const { log, run } = await setup();
    for (const format of ["json", "jsonl"]) {
      const result = await run(log.id, "--format", format, "--fields", "model,request_size,id");
      expect(JSON.parse(result.stdout)).toEqual({
        model: log.model,
        request_size: expect.any(Number),
        id: log.id,
      });
    }
  });

  it("prints CSV with every detail column that a CSV parser reads back", async () => {
    const { sandbox, log, run } = await setup();
    const result = await run(log.id, "--format", "csv");
    const rows: Record<string, string>[] = parse(result.stdout, { columns: true });
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual([...logDetailColumns]);
    const stored = (await sandbox.call("GET", sandbox.logsUrl(log.id))).body.result;
    for (const column of logDetailColumns) {
      const value = stored[column];
      expect(rows[0]![column], column).toBe(
        value === null || value === undefined ? "" : String(value),
      );
    }
  });

  it("exits 2 for a field that does not exist, naming the valid ones, before any request", async () => {
    const { sandbox, log, run } = await setup();
    sandbox.stats.reset();
    const result = await run(log.id, "--fields", "id,colour");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/colour/);
    expect(result.stderr).toMatch(/request_size/);
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 2 without exactly one id, and 4 for an unknown one", async () => {
    const { log, run } = await setup();
    expect((await run()).status).toBe(2);
    expect((await run(log.id, log.id)).status).toBe(2);
    const missing = await run("0193f000-0000-7000-8000-000000000000");
    expect(missing.status).toBe(4);
    expect(missing.stderr).toMatch(/^error: .*\n$/);
  });
});
