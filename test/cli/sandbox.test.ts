import type { ChildProcess } from "node:child_process";
import { describe, expect, it, onTestFinished } from "vitest";
import { runCli, spawnCli } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";

interface Started {
  child: ChildProcess;
  banner: string;
  url: string;
  env: Record<string, string>;
  stderr: () => string;
  exited: Promise<{ status: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `aigw-logs sandbox` and waits for the banner, which ends with the example command. */
async function startCliSandbox(args: string[]): Promise<Started> {
  const child = spawnCli(["sandbox", ...args]);
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (status, signal) => resolve({ status, signal })),
  );
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (/^aigw-logs list --base-url \S+\n/m.test(stdout)) resolve(stdout);
    });
    void exited.then(() => reject(new Error(`sandbox exited early:\n${stdout}${stderr}`)));
  });
  const url = /^aigw-logs list --base-url (\S+)$/m.exec(banner)![1]!;
  const env = Object.fromEntries(
    [...banner.matchAll(/^export (CLOUDFLARE_\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  return { child, banner, url, env, stderr: () => stderr, exited };
}

describe("aigw-logs sandbox", () => {
  it("serves its logs on the printed port to the printed credentials, until Ctrl-C ends it with exit 0", async () => {
    const sandbox = await startCliSandbox([
      "--port",
      "0",
      "--logs",
      "7",
      "--insert-per-second",
      "0",
    ]);
    const { url, env } = sandbox;
    expect(Object.keys(env).sort()).toEqual([
      "CLOUDFLARE_ACCOUNT_ID",
      "CLOUDFLARE_API_TOKEN",
      "CLOUDFLARE_GATEWAY_ID",
    ]);
    expect(sandbox.banner).toContain(`base URL    ${url}\n`);
    expect(sandbox.banner).toContain(`API token   ${env.CLOUDFLARE_API_TOKEN}`);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    const logsUrl = `${url}/accounts/${env.CLOUDFLARE_ACCOUNT_ID}/ai-gateway/gateways/${env.CLOUDFLARE_GATEWAY_ID}/logs`;
    const answer = await fetch(logsUrl, {
      headers: { authorization: `Bearer ${env.CLOUDFLARE_API_TOKEN}` },
    });
    expect(answer.status).toBe(200);
    expect((await answer.json()).result_info.total_count).toBe(7);
    const refused = await fetch(logsUrl, { headers: { authorization: "Bearer nope" } });
    expect(refused.status).toBe(401);

    sandbox.child.kill("SIGINT");
    expect(await sandbox.exited).toEqual({ status: 0, signal: null });
    expect(sandbox.stderr()).toBe("Sandbox stopped.\n");
    await expect(fetch(logsUrl)).rejects.toThrow();
  });

  it("prints an example command that works as printed, with the exported variables", async () => {
    const sandbox = await startCliSandbox(["--logs", "3", "--insert-per-second", "0"]);
    const result = await runCli(["list", "--base-url", sandbox.url], { env: sandbox.env });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(3);
    sandbox.child.kill("SIGINT");
    expect((await sandbox.exited).status).toBe(0);
  });

  it("seeds the same logs for the same --seed", async () => {
    const first = await startCliSandbox(["--logs", "4", "--seed", "7", "--insert-per-second", "0"]);
    const second = await startCliSandbox([
      "--logs",
      "4",
      "--seed",
      "7",
      "--insert-per-second",
      "0",
    ]);
    const other = await startCliSandbox(["--logs", "4", "--seed", "8", "--insert-per-second", "0"]);
    const modelsOf = async (sandbox: Started) => {
      const result = await runCli(["list", "--base-url", sandbox.url], { env: sandbox.env });
      return result.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).model as string);
    };
    const [a, b, c] = await Promise.all([first, second, other].map(modelsOf));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    for (const sandbox of [first, second, other]) sandbox.child.kill("SIGINT");
  });

  it("exits 1 with one clear line when the port is in use", async () => {
    const taken = await startTestSandbox({ logs: 0 });
    const result = await runCli(["sandbox", "--port", String(taken.port)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: Port ${taken.port} on 127.0.0.1 is already in use (EADDRINUSE): stop what listens there, or pass another --port (0 picks a free one).\n`,
    );
  });

  it.each([
    [["--port", "70000"], '--port "70000": use a whole number from 0 to 65535.'],
    [
      ["--insert-per-second", "5000"],
      '--insert-per-second "5000": use a whole number from 0 to 1000.',
    ],
    [["--logs", "many"], '--logs "many": use a whole number from 0 to 1000000.'],
    [["--seed", "1.5"], '--seed "1.5": use a whole number from 0 to 4294967295.'],
  ])("exits 2 for %j, starting nothing", async (args, message) => {
    const result = await runCli(["sandbox", ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });
});
