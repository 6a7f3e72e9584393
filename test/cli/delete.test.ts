import { describe, expect, it } from "vitest";
import type { SandboxOptions } from "../../src/sandbox/index.js";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";
import { runInTerminal } from "../helpers/run-in-terminal.js";

// Of the 60 logs seeded on the test clock, 15 are anthropic's.
async function setup(options: SandboxOptions = {}) {
  const sandbox = await startTestSandbox({ logs: 60, ...options });
  const env = sandboxEnv(sandbox);
  const withUrl = (args: string[]) => ["delete", ...args, "--base-url", sandbox.url];
  const anthropic = () => sandbox.store.list().filter((log) => log.provider === "anthropic");
  const ids = () => sandbox.store.list().map((log) => log.id);
  const deletes = () => sandbox.stats.requests.filter((r) => r.method === "DELETE").length;
  expect(anthropic()).toHaveLength(15);
  return {
    sandbox,
    env,
    withUrl,
    anthropic,
    ids,
    deletes,
    run: (...args: string[]) => runCli(withUrl(args), { env }),
  };
}

/**
 * Runs the built CLI under util-linux `script`, so stdin, stdout and stderr are a terminal, and
 * types `answer` once `prompt` shows. Output comes back as the terminal showed it, echo included.
 */
describe("aigw-logs delete", () => {
  it("refuses to delete without filters (exit 2), sending nothing", async () => {
    const { sandbox, run } = await setup();
    const result = await run("--yes");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("error: Refusing to delete without filters.");
    expect(result.stderr).toContain("pass --all to delete every log");
    expect(sandbox.stats.total).toBe(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("refuses without --yes when stdin is not a terminal (exit 2), after printing the count", async () => {
    const { sandbox, run, deletes } = await setup();
    const result = await run("--filter", "provider=anthropic");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("15 logs match --filter provider=anthropic.\n");
    expect(result.stderr).toContain("pass --yes to delete without a prompt");
    expect(deletes()).toBe(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("prints the count with --dry-run and deletes nothing", async () => {
    const { sandbox, run, deletes } = await setup();
    const result = await run("--filter", "provider=anthropic", "--dry-run");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("15 logs match --filter provider=anthropic.\n");
    expect(result.stdout).toBe("Dry run: 15 logs would be deleted; nothing was.\n");
    expect(deletes()).toBe(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("deletes exactly the matching logs with --yes, after printing the count", async () => {
    const { sandbox, run, anthropic, ids } = await setup();
    const kept = ids().filter((id) => !anthropic().some((log) => log.id === id));
    const result = await run("--filter", "provider=anthropic", "--yes");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("15 logs match --filter provider=anthropic.\n");
    expect(result.stdout).toBe("Deleted 15 logs (0 still match).\n");
    expect(ids()).toEqual(kept);
    expect(sandbox.store.count()).toBe(45);
  });

  it("deletes at most --limit logs, the oldest first", async () => {
    const { run, anthropic } = await setup();
    const newest = anthropic()
      .slice(0, 11)
      .map((log) => log.id);
    const result = await run("--filter", "provider=anthropic", "--limit", "4", "--yes");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      "15 logs match --filter provider=anthropic; --limit 4 deletes 4 of them.\n",
    );
    expect(result.stdout).toBe("Deleted 4 logs (11 still match).\n");
    expect(anthropic().map((log) => log.id)).toEqual(newest);
  });

  it("passes --order-by and --desc on, so --limit takes the costliest first", async () => {
    const { run, anthropic } = await setup();
    const byCost = [...anthropic()].sort((a, b) => (b.cost ?? 0) - (a.cost ?? 0));
    const result = await run(
      "--filter",
      "provider=anthropic",
      "--limit",
      "3",
      "--order-by",
      "cost",
      "--desc",
      "--yes",
    );
    expect(result.status).toBe(0);
    const left = new Set(anthropic().map((log) => log.id));
    expect(byCost.slice(0, 3).some((log) => left.has(log.id))).toBe(false);
    expect(left.size).toBe(12);
  });

  it("prints the report as JSON with --format json", async () => {
    const { run } = await setup();
    const result = await run("--filter", "provider=anthropic", "--yes", "--format", "json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      dryRun: false,
      matched: 15,
      deleted: 15,
      remaining: 0,
      batches: 1,
    });
  });

  it("deletes every log with --all and no filters, after printing the count", async () => {
    const { sandbox, run } = await setup();
    const result = await run("--all", "--yes");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("60 logs match --all (every log of the gateway).\n");
    expect(result.stdout).toBe("Deleted 60 logs (0 still match).\n");
    expect(sandbox.store.count()).toBe(0);
  });

  it("deletes nothing and exits 0 when nothing matches, without needing --yes", async () => {
    const { run, deletes } = await setup();
    const result = await run("--filter", "provider=nobody");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("0 logs match --filter provider=nobody.\n");
    expect(result.stdout).toBe("Deleted 0 logs (0 still match).\n");
    expect(deletes()).toBe(0);
  });

  it("exits 1 and deletes nothing when the API ignores the filters", async () => {
    const { sandbox, run, deletes } = await setup({ ignoreFilters: true });
    const result = await run("--filter", "provider=anthropic", "--yes");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("so the API is ignoring the filters.");
    expect(result.stderr).toContain("hint: Nothing was deleted.");
    expect(deletes()).toBe(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("deletes no more than it counted when the API ignores the filters on delete, and exits 1", async () => {
    const { sandbox, run } = await setup({ ignoreFilters: "delete" });
    const result = await run("--filter", "provider=anthropic", "--yes");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("15 logs match --filter provider=anthropic.\n");
    expect(result.stderr).toContain("error: Stopped: the last delete removed");
    expect(result.stderr).toContain("hint: Nothing more was deleted.");
    expect(sandbox.store.count()).toBe(60 - 15);
  });

  it("asks on a terminal and deletes on y", async () => {
    const { sandbox, env, withUrl, anthropic } = await setup();
    const args = withUrl(["--filter", "provider=anthropic"]);
    const result = await runInTerminal(args, {
      env: { ...env, NO_COLOR: "1" },
      answer: { prompt: "[y/N] ", text: "y\n" },
    });
    expect(result.status).toBe(0);
    expect(result.output).toContain("15 logs match --filter provider=anthropic.\n");
    expect(result.output).toContain("Delete 15 logs? [y/N] y\nDeleted 15 logs (0 still match).\n");
    expect(anthropic()).toHaveLength(0);
    expect(sandbox.store.count()).toBe(45);
  });

  it("asks on a terminal and deletes nothing on n (exit 1)", async () => {
    const { sandbox, env, withUrl, deletes } = await setup();
    const args = withUrl(["--filter", "provider=anthropic"]);
    const result = await runInTerminal(args, {
      env: { ...env, NO_COLOR: "1" },
      answer: { prompt: "[y/N] ", text: "n\n" },
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain("Delete 15 logs? [y/N] n\nNothing deleted.\n");
    expect(deletes()).toBe(0);
    expect(sandbox.store.count()).toBe(60);
  });

  it("refuses an --order-by that delete cannot use (exit 2), sending nothing", async () => {
    const { sandbox, run } = await setup();
    const result = await run("--filter", "provider=anthropic", "--order-by", "path", "--yes");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: --order-by "path": use one of created_at,');
    expect(sandbox.stats.total).toBe(0);
  });

  it("refuses log ids as arguments (exit 2), sending nothing", async () => {
    const { sandbox, run, ids } = await setup();
    const result = await run(ids()[0]!, "--yes");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("hint: Choose logs with --filter id=ID,ID2");
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 3 without credentials, sending nothing", async () => {
    const { sandbox, withUrl } = await setup();
    const env = { CLOUDFLARE_ACCOUNT_ID: sandbox.accountId, CLOUDFLARE_GATEWAY_ID: "g" };
    const result = await runCli(withUrl(["--filter", "provider=anthropic", "--yes"]), { env });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("No credentials");
    expect(sandbox.stats.total).toBe(0);
  });

  it("exits 3 when the token is refused, deletes nothing, and never prints the token", async () => {
    const { sandbox, env, withUrl } = await setup();
    const token = "wrong-token-4f1d2a6b8c0d4e5f9e3b7c4a";
    const result = await runCli(withUrl(["--filter", "provider=anthropic", "--yes"]), {
      env: { ...env, CLOUDFLARE_API_TOKEN: token },
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("failed with 401");
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(sandbox.store.count()).toBe(60);
  });
});
