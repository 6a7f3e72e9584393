import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { logColumns } from "../../src/index.js";
import { runCli, sandboxEnv, spawnCli, type CliResult } from "../helpers/run-cli.js";
import { fixedNow, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

const dir = mkdtempSync(join(tmpdir(), "aigw-cli-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (ext: string) => join(dir, `export-${++files}.${ext}`);
const idsOfJsonLines = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id);
const tookOf = (stderr: string) => /in (\d+\.\d s)\.\n$/.exec(stderr)?.[1];
const storedIds = (sandbox: TestSandbox) => sandbox.store.list().map((log) => log.id);

async function setup(options: Parameters<typeof startTestSandbox>[0] = {}) {
  const sandbox = await startTestSandbox({ logs: 130, ...options });
  const env = sandboxEnv(sandbox);
  const argsOf = (args: string[]) => ["export", "--base-url", sandbox.url, ...args];
  const run = async (...args: string[]): Promise<CliResult> => {
    const result = await runCli(argsOf(args), { env });
    // Whatever the command does, the token never shows.
    expect(result.stdout + result.stderr).not.toContain(sandbox.token);
    return result;
  };
  const spawn = (...args: string[]) => spawnCli(argsOf(args), { env });
  return { sandbox, run, spawn };
}

/** Waits until the export's checkpoint says at least `pages` pages are written. */
async function untilCheckpointHas(file: string, pages: number): Promise<void> {
  for (;;) {
    try {
      if (JSON.parse(readFileSync(`${file}.checkpoint.json`, "utf8")).pagesDone >= pages) return;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits out the requests a stopped process left: still answered (to no one), and counted. */
async function untilIdle(sandbox: TestSandbox): Promise<void> {
  while (sandbox.stats.active > 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("aigw-logs export", () => {
  it("writes every log to stdout as JSON Lines, newest first, and sums up on stderr", async () => {
    const { sandbox, run } = await setup();
    const result = await run();
    expect(result.status).toBe(0);
    expect(idsOfJsonLines(result.stdout)).toEqual(storedIds(sandbox));
    expect(result.stderr).toMatch(/^Exported 130 logs to stdout in \d+\.\d s\.\n$/);
  });

  it("writes CSV to stdout that parses back, with the header once", async () => {
    const { sandbox, run } = await setup();
    const result = await run("--format", "csv");
    expect(result.status).toBe(0);
    const rows: Record<string, string>[] = parse(result.stdout, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...logColumns]);
    expect(rows.map((row) => row.id)).toEqual(storedIds(sandbox));
    expect(result.stdout.split("\r\n").filter((line) => line.startsWith("id,"))).toHaveLength(1);
  });

  it("writes a file with --out, in either format, and removes the checkpoint when done", async () => {
    const { sandbox, run } = await setup();
    const jsonl = newFile("jsonl");
    const first = await run("--out", jsonl);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("");
    expect(first.stderr).toBe(`Exported 130 logs to ${jsonl} in ${tookOf(first.stderr)}.\n`);
    expect(idsOfJsonLines(readFileSync(jsonl, "utf8"))).toEqual(storedIds(sandbox));
    expect(existsSync(`${jsonl}.checkpoint.json`)).toBe(false);

    const csv = newFile("csv");
    expect((await run("--out", csv, "--format", "csv", "--concurrency", "2")).status).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(csv, "utf8"), { columns: true });
    expect(rows.map((row) => row.id)).toEqual(storedIds(sandbox));
  });

  it("exports only the logs the filters and --since select", async () => {
    const { sandbox, run } = await setup({ logs: 400 });
    const since = new Date(fixedNow - 3 * 86_400_000).toISOString();
    const result = await run("--filter", "provider=openai", "--since", since);
    const expected = sandbox.store
      .list()
      .filter((log) => log.provider === "openai" && Date.parse(log.created_at) > Date.parse(since));
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOfJsonLines(result.stdout)).toEqual(expected.map((log) => log.id));
  });

  it("adds the stored bodies with --include-payloads", async () => {
    const { sandbox, run } = await setup({ logs: 6 });
    const result = await run("--include-payloads", "--format", "csv");
    const rows: Record<string, string>[] = parse(result.stdout, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...logColumns, "request_payload", "response_payload"]);
    expect(rows.map((row) => row.id)).toEqual(storedIds(sandbox));
    expect(rows.every((row) => row.request_payload !== "" && row.response_payload !== "")).toBe(
      true,
    );
    const requests = sandbox.stats.requests.map((r) => r.path);
    expect(requests.filter((path) => path.endsWith("/request"))).toHaveLength(6);
  });

  it("refuses bad usage with exit 2 before any request", async () => {
    const { sandbox, run } = await setup();
    const cases: [string[], string][] = [
      [["--resume"], "--resume needs --out FILE"],
      [["--search", "hello"], "--search is not available here"],
      [["--format", "table"], '--format "table": export writes jsonl or csv'],
      [["--concurrency", "0"], "--concurrency"],
      [["--since", "soon"], "--since"],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(`error: ${message}`);
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it("says a file it cannot write is a usage error", async () => {
    const { run } = await setup();
    const result = await run("--out", join(dir, "no-such-dir", "x.jsonl"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("ENOENT");
  });

  it("resumes an export whose process was killed, with the same logs and no duplicates", async () => {
    const { sandbox, run, spawn } = await setup({ logs: 1_000, latencyMs: 40 });
    const file = newFile("jsonl");
    const first = spawn("--out", file, "--concurrency", "1");
    await untilCheckpointHas(file, 3);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("close", resolve));
    const partial = readFileSync(file, "utf8").split("\n").length - 1;
    expect(partial).toBeGreaterThanOrEqual(150);
    expect(partial).toBeLessThan(1_000);

    const { pagesDone } = JSON.parse(readFileSync(`${file}.checkpoint.json`, "utf8"));
    await untilIdle(sandbox);
    sandbox.stats.reset();
    const second = await run("--out", file, "--concurrency", "1", "--resume");
    // Only the pages the checkpoint does not hold are fetched again.
    expect(sandbox.stats.total).toBe(20 - pagesDone);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/^Exported 1000 logs to /);
    const ids = idsOfJsonLines(readFileSync(file, "utf8"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(storedIds(sandbox));
    expect(existsSync(`${file}.checkpoint.json`)).toBe(false);
  });

  it("stops on Ctrl-C with exit 130, keeping the checkpoint and saying how to go on", async () => {
    const { sandbox, run, spawn } = await setup({ logs: 1_000, latencyMs: 40 });
    const file = newFile("csv");
    const args = ["--out", file, "--format", "csv", "--concurrency", "1"];
    const child = spawn(...args);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    await untilCheckpointHas(file, 2);
    child.kill("SIGINT");
    const status = await new Promise((resolve) => child.once("close", resolve));
    expect(status).toBe(130);
    expect(stderr).toBe("Interrupted: run the same command with --resume to continue.\n");
    const checkpoint = JSON.parse(readFileSync(`${file}.checkpoint.json`, "utf8"));
    expect(checkpoint.pagesDone).toBeGreaterThanOrEqual(2);
    expect(checkpoint.pagesDone).toBeLessThan(20);

    const asJsonLines = await run("--out", file, "--concurrency", "1", "--resume");
    expect(asJsonLines.status).toBe(2);
    expect(asJsonLines.stderr).toContain(
      "error: This export was started as csv; resume it with the same format, not jsonl.",
    );

    await untilIdle(sandbox);
    sandbox.stats.reset();
    const resumed = await run(...args, "--resume");
    expect(sandbox.stats.total).toBe(20 - checkpoint.pagesDone);
    expect(resumed.status).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(file, "utf8"), { columns: true });
    expect(rows.map((row) => row.id)).toEqual(storedIds(sandbox));
  });

  it("stops an export to stdout on Ctrl-C with exit 130", async () => {
    const { spawn } = await setup({ logs: 1_000, latencyMs: 40 });
    const child = spawn("--concurrency", "1");
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    while (stdout.split("\n").length < 100) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGINT");
    const status = await new Promise((resolve) => child.once("close", resolve));
    expect(status).toBe(130);
    expect(stderr).toBe("Interrupted.\n");
    expect(idsOfJsonLines(stdout).length).toBeLessThan(1_000);
  });
});
