// Runs a runtime as a child process. It is async on purpose: the sandbox answering the child lives
// in this process, so a blocking spawnSync would deadlock.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

export interface ProgramRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin, then closed: how the credentials reach it. */
  input: string;
  cwd: string;
  /** The child's whole environment besides PATH and HOME: nothing of this process leaks in. */
  env?: Record<string, string>;
  home: string;
  timeoutMs?: number;
}

export function runProgram(bin: string, args: string[], options: RunOptions): Promise<ProgramRun> {
  const child = spawn(bin, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: options.home, NO_COLOR: "1", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: options.timeoutMs ?? 30_000,
    killSignal: "SIGKILL",
  });
  onTestFinished(() => stopChild(child));
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  // A child that dies before reading stdin must fail the test by its exit, not by EPIPE.
  child.stdin!.on("error", () => {});
  child.stdin!.end(options.input);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Ends a child that is still running (a failed or timed-out test), and waits for it to go. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const late = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(late);
}

/** A directory for the child's caches and home, removed when the test ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
