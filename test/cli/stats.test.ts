import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { summarize, type GroupSummary, type Summary } from "../../src/index.js";
import type { SandboxLog } from "../../src/sandbox/index.js";
import { cliPath, runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { projectRoot } from "../helpers/spec.js";

// Before every seeded log: the sandbox clock stands at 2025-01-15, the seed spans the week before.
const everything = ["--since", "2025-01-01T00:00:00Z"];

async function setup(options: Parameters<typeof startTestSandbox>[0] = {}) {
  const sandbox = await startTestSandbox({ logs: 300, ...options });
  const run = async (...args: string[]) => {
    const result = await runCli(["stats", "--base-url", sandbox.url, ...args], {
      env: sandboxEnv(sandbox),
    });
    expect(result.stdout + result.stderr).not.toContain(sandbox.token);
    return result;
  };
  return { sandbox, run };
}

/** A summary as the CLI should print it; sums of floats are compared as close, not equal. */
function expected(summary: Summary) {
  const loose = (group: GroupSummary) => ({
    ...group,
    cost: expect.closeTo(group.cost, 9),
    durationMs: { ...group.durationMs, mean: expect.closeTo(group.durationMs.mean ?? 0, 6) },
  });
  return { groups: summary.groups.map(loose), total: loose(summary.total) };
}

const storeLogs = (sandbox: TestSandbox, keep: (log: SandboxLog) => boolean = () => true) =>
  sandbox.store.list().filter(keep);

describe("aigw-logs stats", () => {
  it("prints, as JSON, the summary of the logs in the store, by model", async () => {
    const { sandbox, run } = await setup();
    const result = await run(...everything, "--format", "json");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const summary = await summarize(storeLogs(sandbox), { by: "model" });
    expect(summary.total.count).toBe(300);
    expect(JSON.parse(result.stdout)).toEqual(expected(summary));
  });

  it("groups by status, and by day in date order", async () => {
    const { sandbox, run } = await setup();
    const byStatus = JSON.parse(
      (await run(...everything, "--by", "status", "--format", "json")).stdout,
    );
    expect(byStatus).toEqual(expected(await summarize(storeLogs(sandbox), { by: "status" })));
    expect(byStatus.groups.map((g: GroupSummary) => g.key)).toContain("200");

    const byDay: Summary = JSON.parse(
      (await run(...everything, "--by", "day", "--format", "json")).stdout,
    );
    const days = byDay.groups.map((g) => g.key);
    expect(days).toEqual(
      [...new Set(storeLogs(sandbox).map((l) => l.created_at.slice(0, 10)))].sort(),
    );
    expect(byDay.groups.reduce((sum, g) => sum + g.count, 0)).toBe(300);
  });

  it("counts only the logs the filters select", async () => {
    const { sandbox, run } = await setup();
    const result = await run(
      ...everything,
      "--filter",
      "provider=openai",
      "--by",
      "provider",
      "--format",
      "json",
    );
    const summary = await summarize(
      storeLogs(sandbox, (l) => l.provider === "openai"),
      { by: "provider" },
    );
    expect(summary.total.count).toBeGreaterThan(0);
    expect(JSON.parse(result.stdout)).toEqual(expected(summary));
  });

  it("covers the last 24 hours unless --since or --until is given, and says so", async () => {
    const now = Date.now();
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
    const logs = [1, 2, 3, 23, 25, 48, 100].map((h) => ({ created_at: hoursAgo(h), model: "m" }));
    const { run } = await setup({ logs, now: Date.now });
    const json = await run("--format", "json");
    expect(JSON.parse(json.stdout).total.count).toBe(4);
    const table = await run();
    expect(table.stdout.split("\n")[0]).toMatch(
      /^Logs since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(the last 24 hours, by default: pass --since or --until to change\), by model:$/,
    );
    const week = await run("--since", "7d", "--format", "json");
    expect(JSON.parse(week.stdout).total.count).toBe(7);
    const older = await run("--until", "24h", "--format", "json");
    expect(JSON.parse(older.stdout).total.count).toBe(3);
  });

  it("prints a table with a row a group and a total row", async () => {
    const { sandbox, run } = await setup();
    const result = await run(...everything, "--by", "provider");
    expect(result.status).toBe(0);
    const summary = await summarize(storeLogs(sandbox), { by: "provider" });
    const [title, blank, header, ...rows] = result.stdout.trimEnd().split("\n");
    expect(title).toBe("Logs since 2025-01-01 00:00:00 UTC, by provider:");
    expect(blank).toBe("");
    expect(header!.split(/\s{2,}/)).toEqual([
      "provider",
      "count",
      "error %",
      "cache %",
      "tokens in",
      "tokens out",
      "cost",
      "p50 ms",
      "p95 ms",
    ]);
    const cells = rows.map((row) => row.split(/\s{2,}/));
    const shown = [...summary.groups, { ...summary.total, key: "total" }];
    expect(cells.map((c) => c[0])).toEqual(shown.map((g) => g.key));
    cells.forEach((row, i) => {
      const group = shown[i]!;
      expect(row.slice(1)).toEqual([
        String(group.count),
        `${((group.errorRate ?? 0) * 100).toFixed(1)}%`,
        `${((group.cacheHitRate ?? 0) * 100).toFixed(1)}%`,
        String(group.tokensIn),
        String(group.tokensOut),
        group.cost.toFixed(4),
        String(Math.round(group.durationMs.p50!)),
        String(Math.round(group.durationMs.p95!)),
      ]);
    });
  });

  it("prints CSV that parses back, with a total row", async () => {
    const { sandbox, run } = await setup();
    const result = await run(...everything, "--by", "model", "--format", "csv");
    const rows: Record<string, string>[] = parse(result.stdout, { columns: true });
    const summary = await summarize(storeLogs(sandbox), { by: "model" });
    expect(rows.map((row) => row.key)).toEqual([...summary.groups.map((g) => g.key), "(total)"]);
    const total = rows.at(-1)!;
    expect(Number(total.count)).toBe(summary.total.count);
    expect(Number(total.errors)).toBe(summary.total.errors);
    expect(Number(total.tokens_in)).toBe(summary.total.tokensIn);
    expect(Number(total.cost)).toBeCloseTo(summary.total.cost, 9);
    expect(Number(total.p95_ms)).toBe(summary.total.durationMs.p95);
  });

  it("refuses bad usage with exit 2 before any request", async () => {
    const { sandbox, run } = await setup();
    const cases: [string[], string][] = [
      [["--by", "colour"], '--by "colour": use one of model, provider,'],
      [["--format", "jsonl"], '--format "jsonl": stats prints table, json or csv'],
      [["--search", "hello"], "--search is not available here"],
      [["--concurrency", "0"], "--concurrency"],
      [["--until", "whenever"], "--until"],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(`error: ${message}`);
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it.skipIf(!existsSync("/usr/bin/script"))("fits its table to a narrow terminal", async () => {
    const { sandbox } = await setup();
    const command = `stty cols 60 rows 24; exec '${process.execPath}' '${cliPath}' stats --base-url '${sandbox.url}' ${everything.join(" ")}`;
    const child = spawn("/usr/bin/script", ["-qfec", command, "/dev/null"], {
      cwd: projectRoot,
      env: { ...process.env, ...sandboxEnv(sandbox), TERM: "xterm" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    expect(await new Promise((resolve) => child.once("close", resolve))).toBe(0);
    // What follows the last erased progress line is the table.
    const lines = output
      .slice(output.lastIndexOf("\u001b[K") + 3)
      .split("\r\n")
      .filter(Boolean);
    expect(lines[1]).toMatch(/^model\s+count\s+error %/);
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.some((line) => line.includes("…"))).toBe(true);
    expect(lines.at(-1)).toMatch(/^total\s+300\s/);
  });
});
