import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { ExportProgress } from "../../src/index.js";
import type { Io } from "../../src/cli/io.js";
import { createProgressBar } from "../../src/cli/progress.js";
import { formatDuration, renderProgressLine } from "../../src/cli/progress-line.js";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";
import { runInTerminal } from "../helpers/run-in-terminal.js";

const dir = mkdtempSync(join(tmpdir(), "aigw-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

function progress(done: number, total: number, rate: number): ExportProgress {
  return {
    done,
    total,
    rate,
    pagesDone: Math.ceil(done / 50),
    pages: Math.ceil(total / 50),
    elapsedMs: 1,
  };
}

/** An Io whose stderr records what is written to it. */
function fakeIo(isTTY: boolean, env: Record<string, string> = {}) {
  const written: string[] = [];
  const stderr = { isTTY, columns: 100, write: (text: string) => written.push(text) > 0 };
  return { io: { stderr, env } as unknown as Io, written };
}

describe("the progress line", () => {
  it("shows the bar, percent, counts, rate and time left", () => {
    expect(renderProgressLine(progress(250, 1000, 50), 100)).toBe(
      "[######------------------]  25%  250/1000 logs  50 logs/s  ETA 15 s",
    );
  });

  it("shows no time left before there is a rate, nor once all is done", () => {
    expect(renderProgressLine(progress(0, 1000, 0), 100)).toMatch(/ETA --$/);
    expect(renderProgressLine(progress(1000, 1000, 80), 100)).toMatch(/^\[#{24}\] 100% .*ETA --$/);
  });

  it("counts an empty export as complete", () => {
    expect(renderProgressLine(progress(0, 0, 0), 100)).toContain(" 100%  0/0 logs");
  });

  it("drops the bar, then cuts the text, to stay inside the terminal", () => {
    const line = renderProgressLine(progress(250, 1000, 50), 50);
    expect(line).toBe(" 25%  250/1000 logs  50 logs/s  ETA 15 s");
    expect(renderProgressLine(progress(250, 1000, 50), 20)).toHaveLength(19);
  });

  it("writes long waits in minutes and hours", () => {
    expect(formatDuration(59.4)).toBe("59 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(7_800)).toBe("2 h 10 min");
  });
});

describe("the progress bar", () => {
  it("draws nothing when stderr is not a terminal", () => {
    const { io, written } = fakeIo(false);
    const bar = createProgressBar(io);
    bar.update(progress(50, 100, 10));
    bar.clear();
    expect(written).toEqual([]);
  });

  it("draws nothing on a terminal that cannot erase a line", () => {
    const { io, written } = fakeIo(true, { TERM: "dumb" });
    createProgressBar(io).update(progress(50, 100, 10));
    expect(written).toEqual([]);
  });

  it("redraws in place at most ten times a second, and draws the latest when it may", () => {
    vi.useFakeTimers();
    const { io, written } = fakeIo(true);
    const bar = createProgressBar(io);
    bar.update(progress(50, 1000, 10));
    bar.update(progress(100, 1000, 10));
    bar.update(progress(150, 1000, 10));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\[.*\]\s+5%  50\/1000 logs.*\u001b\[K$/);
    vi.advanceTimersByTime(99);
    expect(written).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(written).toHaveLength(2);
    expect(written[1]).toContain("150/1000 logs");
  });

  it("erases the line when cleared, and draws nothing left pending", () => {
    vi.useFakeTimers();
    const { io, written } = fakeIo(true);
    const bar = createProgressBar(io);
    bar.update(progress(50, 1000, 10));
    bar.update(progress(100, 1000, 10));
    bar.clear();
    vi.advanceTimersByTime(1000);
    expect(written.slice(1)).toEqual(["\r\u001b[K"]);
  });
});

describe.skipIf(!existsSync("/usr/bin/script"))("aigw-logs export's progress bar", () => {
  it("is drawn on a terminal, redrawn in place, and erased before the summary", async () => {
    const sandbox = await startTestSandbox({ logs: 300, latencyMs: 20 });
    const file = join(dir, "terminal.jsonl");
    const args = ["export", "--base-url", sandbox.url, "--out", file, "--concurrency", "1"];
    const { status, output } = await runInTerminal(args, { env: sandboxEnv(sandbox) });
    expect(status).toBe(0);
    expect(output).toMatch(/\r\[[#-]{24}\]\s+\d+%  \d+\/300 logs  \d+ logs\/s  ETA /);
    expect(output).toContain("\r\u001b[KExported 300 logs to");
    expect(output).not.toContain(sandbox.token);
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toHaveLength(300);
  });

  it("is absent when stderr is piped, which gets only the summary", async () => {
    const sandbox = await startTestSandbox({ logs: 300, latencyMs: 20 });
    const file = join(dir, "piped.jsonl");
    const args = ["export", "--base-url", sandbox.url, "--out", file, "--concurrency", "1"];
    const result = await runCli(args, { env: sandboxEnv(sandbox) });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^Exported 300 logs to .*piped\.jsonl in \d+\.\d s\.\n$/);
    expect(result.stderr).not.toContain("\r");
    expect(result.stderr).not.toContain("%");
  });
});
