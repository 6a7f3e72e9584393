import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { runInTerminal } from "../helpers/run-in-terminal.js";
import { startTestSandbox } from "../helpers/sandbox.js";
import { projectRoot } from "../helpers/spec.js";

const commandNames = [
  "list",
  "get",
  "request",
  "response",
  "update",
  "delete",
  "export",
  "tail",
  "stats",
  "sandbox",
];

describe("aigw-logs", () => {
  it("prints its version", async () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it("lists every command, the variables and the exit codes in --help", async () => {
    const result = await runCli(["--help"]);
    expect(result.status).toBe(0);
    for (const name of commandNames)
      expect(result.stdout).toMatch(new RegExp(`^  ${name}\\s`, "m"));
    expect(result.stdout).toContain("CLOUDFLARE_API_TOKEN");
    expect(result.stdout).toContain(
      "Exit codes: 0 ok, 1 API or server error, 2 bad usage or input, 3 missing or rejected",
    );
  });

  it("has --help with examples on every command", async () => {
    for (const name of commandNames) {
      const result = await runCli([name, "--help"]);
      expect(result.status, name).toBe(0);
      expect(result.stdout, name).toMatch(new RegExp(`^Usage: aigw-logs ${name}`, "m"));
      expect(result.stdout, name).toMatch(/^Examples:\n {2}aigw-logs /m);
    }
  });

  it("shows help on stderr and exits 2 when given no command", async () => {
    const result = await runCli([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: aigw-logs <command>");
  });

  it("names the commands when one is unknown", async () => {
    const result = await runCli(["lst"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: Unknown command "lst".');
    expect(result.stderr).toContain("hint: Commands: list, get,");
  });

  it("exits 3 with the variables to set when credentials are missing", async () => {
    const result = await runCli(["list", "--gateway", "gw"]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("CLOUDFLARE_ACCOUNT_ID is not set");
    expect(result.stderr).toContain("hint: Set CLOUDFLARE_API_TOKEN");
    const noToken = await runCli(["list", "--gateway", "gw"], {
      env: { CLOUDFLARE_ACCOUNT_ID: "a".repeat(32) },
    });
    expect(noToken.status).toBe(3);
    expect(noToken.stderr).toContain("CLOUDFLARE_API_TOKEN is not set");
  });

  it("exits 2 asking for a gateway when none is given", async () => {
    const result = await runCli(["list"], {
      env: { CLOUDFLARE_ACCOUNT_ID: "a".repeat(32), CLOUDFLARE_API_TOKEN: "t".repeat(40) },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("hint: Pass --gateway NAME or set CLOUDFLARE_GATEWAY_ID.");
  });

  it("exits 3 on a rejected token, and never prints it, even with --debug", async () => {
    const sandbox = await startTestSandbox();
    const wrong = "wrong-token-0123456789abcdefghijklmnop";
    const env = { ...sandboxEnv(sandbox), CLOUDFLARE_API_TOKEN: wrong };
    for (const extra of [[], ["--debug"]]) {
      const result = await runCli(["list", "--base-url", sandbox.url, ...extra], { env });
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/^error: GET .* failed with 401/);
      expect(`${result.stdout}${result.stderr}`).not.toContain(wrong);
    }
  });

  // Every command that calls the API, with arguments that would otherwise succeed.
  const apiCommands = (id: string) => [
    ["list"],
    ["get", id],
    ["request", id],
    ["response", id],
    ["update", id, "--score", "1"],
    ["delete", "--filter", "success=false", "--yes"],
    ["export"],
    ["tail"],
    ["stats"],
  ];

  it("exits 3 from every API command without a token, before sending anything", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const env = { CLOUDFLARE_ACCOUNT_ID: sandbox.accountId, CLOUDFLARE_GATEWAY_ID: "g" };
    for (const args of apiCommands(sandbox.store.list()[0]!.id)) {
      const result = await runCli([...args, "--base-url", sandbox.url], { env });
      expect(result.status, args[0]).toBe(3);
      expect(result.stderr, args[0]).toContain("No credentials: CLOUDFLARE_API_TOKEN is not set");
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 3 from every API command when the token is refused, changing nothing", async () => {
    const sandbox = await startTestSandbox({ logs: 5 });
    const before = JSON.stringify(sandbox.store.list());
    const wrong = "wrong-token-4f1d2a6b8c0d4e5f9e3b7c4a";
    const env = { ...sandboxEnv(sandbox), CLOUDFLARE_API_TOKEN: wrong };
    for (const args of apiCommands(sandbox.store.list()[0]!.id)) {
      const result = await runCli([...args, "--base-url", sandbox.url], { env });
      expect(result.status, args[0]).toBe(3);
      expect(result.stderr, args[0]).toContain("failed with 401");
      expect(result.stdout + result.stderr, args[0]).not.toContain(wrong);
    }
    expect(sandbox.stats.byStatus[401]).toBeGreaterThanOrEqual(9);
    expect(JSON.stringify(sandbox.store.list())).toBe(before);
  });

  it("exits 4 when a log does not exist", async () => {
    const sandbox = await startTestSandbox();
    const result = await runCli(["get", "no-such-log", "--base-url", sandbox.url], {
      env: sandboxEnv(sandbox),
    });
    expect(result.status).toBe(4);
    expect(result.stderr).toContain("(code 7002)");
  });

  it("exits 1 on a server error after the retries, with one line and no stack", async () => {
    const sandbox = await startTestSandbox();
    sandbox.faults.errorRate = 1;
    const result = await runCli(["list", "--base-url", sandbox.url], { env: sandboxEnv(sandbox) });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(sandbox.stats.total).toBe(3);
  });

  it("prints a stack only with --debug", async () => {
    const sandbox = await startTestSandbox();
    sandbox.faults.errorRate = 1;
    const result = await runCli(["list", "--debug", "--base-url", sandbox.url], {
      env: sandboxEnv(sandbox),
    });
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it("writes no colour codes when not on a terminal", async () => {
    const result = await runCli(["lst"]);
    expect(result.stderr).not.toContain("\u001b[");
  });

  it("colours the error on a terminal, unless NO_COLOR is set", async () => {
    const sandbox = await startTestSandbox();
    const args = ["get", "no-such-log", "--base-url", sandbox.url];
    const coloured = await runInTerminal(args, { env: sandboxEnv(sandbox) });
    expect(coloured.status).toBe(4);
    expect(coloured.output).toContain("\u001b[31merror:\u001b[39m ");
    const plain = await runInTerminal(args, { env: { ...sandboxEnv(sandbox), NO_COLOR: "1" } });
    expect(plain.status).toBe(4);
    expect(plain.output).toMatch(/^error: /);
    expect(plain.output).not.toContain("\u001b[");
  });

  it("works with no account at all: --sandbox", async () => {
    const result = await runCli(["list", "--sandbox", "--per-page", "3"]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(3);
  });
});
