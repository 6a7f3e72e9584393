import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { logColumns } from "../../src/index.js";
import type { SandboxLogInput } from "../../src/sandbox/index.js";
import { runCli, sandboxEnv, spawnCli } from "../helpers/run-cli.js";
import { fixedNow, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Logs newer than every seeded one (the sandbox clock stands at fixedNow), a second apart. */
function insertNewer(sandbox: TestSandbox, count: number, fields: SandboxLogInput = {}) {
  const newest = Math.max(fixedNow, ...sandbox.store.list().map((l) => Date.parse(l.created_at)));
  return Array.from({ length: count }, (_, i) => {
    const created_at = new Date(newest + (i + 1) * 1000).toISOString();
    return sandbox.store.insert({ ...fields, created_at }).id;
  });
}

/** Starts a tail and waits until it has read where the logs stand, so what comes next is new. */
async function startTail(sandbox: TestSandbox, args: string[]) {
  const child = spawnCli(["tail", "--base-url", sandbox.url, "--interval", "100ms", ...args], {
    env: sandboxEnv(sandbox),
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
  await until(() => sandbox.stats.total >= 1);
  return {
    output: () => stdout,
    /** Ctrl-C, then the exit code and all output. */
    async interrupt() {
      child.kill("SIGINT");
      const status = await closed;
      expect(stdout + stderr).not.toContain(sandbox.token);
      return { status, stdout, stderr };
    },
  };
}

const jsonIds = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id);

describe("aigw-logs tail", () => {
  it("prints the logs that arrive while it runs, oldest first, and exits 0 on Ctrl-C", async () => {
    const sandbox = await startTestSandbox({ logs: 80 });
    const tail = await startTail(sandbox, []);
    const first = insertNewer(sandbox, 2);
    await until(() => jsonIds(tail.output()).length >= 2);
    const second = insertNewer(sandbox, 3);
    await until(() => jsonIds(tail.output()).length >= 5);
    const { status, stdout, stderr } = await tail.interrupt();
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(jsonIds(stdout)).toEqual([...first, ...second]);
  });

  it("prints CSV with the header once", async () => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const tail = await startTail(sandbox, ["--format", "csv"]);
    const first = insertNewer(sandbox, 2);
    await until(() => tail.output().split("\r\n").length >= 4);
    const second = insertNewer(sandbox, 2);
    await until(() => tail.output().split("\r\n").length >= 6);
    const { status, stdout } = await tail.interrupt();
    expect(status).toBe(0);
    const rows: Record<string, string>[] = parse(stdout, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...logColumns]);
    expect(rows.map((row) => row.id)).toEqual([...first, ...second]);
  });

  it("prints a table's header once and appends a row a log", async () => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const tail = await startTail(sandbox, ["--format", "table", "--fields", "id,provider,cost"]);
    const first = insertNewer(sandbox, 1, { provider: "openai", cost: 0.5 });
    await until(() => tail.output().split("\n").length >= 3);
    const second = insertNewer(sandbox, 2, { provider: "anthropic", cost: 0.25 });
    await until(() => tail.output().split("\n").length >= 5);
    const { status, stdout } = await tail.interrupt();
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+provider\s+cost$/);
    expect(lines.filter((line) => line.startsWith("id "))).toHaveLength(1);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${first[0]}\\s+openai\\s+0\\.500000$`)),
      expect.stringMatching(new RegExp(`^${second[0]}\\s+anthropic\\s+0\\.250000$`)),
      expect.stringMatching(new RegExp(`^${second[1]}\\s+anthropic\\s+0\\.250000$`)),
    ]);
    // Every row keeps the header's column positions.
    const costAt = lines[0]!.indexOf("cost") + "cost".length;
    for (const line of lines) expect(line).toHaveLength(costAt);
  });

  it("starts with the logs newer than --since", async () => {
    const sandbox = await startTestSandbox({ logs: 200 });
    const since = new Date(fixedNow - 2 * 3_600_000).toISOString();
    const recent = sandbox.store
      .list()
      .filter((log) => Date.parse(log.created_at) > Date.parse(since))
      .map((log) => log.id)
      .reverse();
    expect(recent.length).toBeGreaterThan(0);
    const tail = await startTail(sandbox, ["--since", since]);
    await until(() => jsonIds(tail.output()).length >= recent.length);
    const added = insertNewer(sandbox, 1);
    await until(() => jsonIds(tail.output()).length >= recent.length + 1);
    const { status, stdout } = await tail.interrupt();
    expect(status).toBe(0);
    expect(jsonIds(stdout)).toEqual([...recent, ...added]);
  });

  it("prints only the new logs the filters select", async () => {
    const sandbox = await startTestSandbox({ logs: 20 });
    const tail = await startTail(sandbox, ["--filter", "provider=anthropic"]);
    insertNewer(sandbox, 2, { provider: "openai" });
    const wanted = insertNewer(sandbox, 2, { provider: "anthropic" });
    await until(() => jsonIds(tail.output()).length >= 2);
    const last = insertNewer(sandbox, 1, { provider: "anthropic" });
    await until(() => jsonIds(tail.output()).length >= 3);
    const { status, stdout } = await tail.interrupt();
    expect(status).toBe(0);
    expect(jsonIds(stdout)).toEqual([...wanted, ...last]);
  });

  it("refuses bad usage with exit 2 before any request", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const cases: [string[], string][] = [
      [["--interval", "0"], '--interval "0"'],
      [["--interval", "soon"], '--interval "soon"'],
      [["--interval", "50ms"], '--interval "50ms"'],
      [["--format", "json"], "tail prints logs as they arrive"],
      [["--until", "1h"], "Unknown option '--until'"],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(["tail", "--base-url", sandbox.url, ...args], {
        env: sandboxEnv(sandbox),
      });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(`error: ${message}`);
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it("says in its help that Ctrl-C exits 0", async () => {
    const result = await runCli(["tail", "--help"]);
    expect(result.stdout).toContain("Ctrl-C is the normal way to stop a tail: it exits 0");
  });
});
