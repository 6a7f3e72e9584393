// Runs the built CLI (dist/cli/bin.js) as a child process, the way users run it.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Sandbox } from "../../src/sandbox/index.js";
import { projectRoot } from "./spec.js";

export const cliPath = join(projectRoot, "dist", "cli", "bin.js");

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Another copy of the CLI to run, such as one installed from the packed package. */
  bin?: string;
}

/** The environment a user of this sandbox would set, plus --base-url to pass. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return {
    CLOUDFLARE_API_TOKEN: sandbox.token,
    CLOUDFLARE_ACCOUNT_ID: sandbox.accountId,
    CLOUDFLARE_GATEWAY_ID: sandbox.gatewayId,
  };
}

/** A clean environment: nothing Cloudflare-related leaks in from the machine running the tests. */
function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("CLOUDFLARE_") && key !== "NO_COLOR" && key !== "FORCE_COLOR")
      env[key] = value;
  }
  return { ...env, ...extra };
}

/** Starts the CLI; the caller reads, writes and kills as it likes. */
export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [options.bin ?? cliPath, ...args], {
    env: baseEnv(options.env),
    cwd: projectRoot,
  });
}

/** Runs the CLI to the end (async: the sandbox it talks to lives in this process). */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, options);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
  child.stdin!.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
  return new Promise((resolve) => {
    child.once("close", (status, signal) => {
      clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}

/** Like runCli, but stdout as bytes (binary payloads). */
export async function runCliBytes(
  args: string[],
  options: CliOptions = {},
): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
  const child = spawnCli(args, options);
  const stdout: Buffer[] = [];
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin!.end();
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { status, stdout: Buffer.concat(stdout), stderr };
}
