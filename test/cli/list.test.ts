import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { logColumns } from "../../src/index.js";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";

async function setup(logs = 60) {
  const sandbox = await startTestSandbox({ logs });
  const run = (...args: string[]) =>
    runCli(["list", "--base-url", sandbox.url, ...args], { env: sandboxEnv(sandbox) });
  return { sandbox, run };
}
const lines = (text: string) => text.trimEnd().split("\n");

describe("aigw-logs list", () => {
  it("prints one page as JSON Lines when piped, newest first", async () => {
    const { sandbox, run } = await setup();
    const result = await run();
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const ids = lines(result.stdout).map((line) => JSON.parse(line).id);
    expect(ids).toEqual(
      sandbox.store
        .list()
        .slice(0, 20)
        .map((log) => log.id),
    );
  });

  it("prints a table with a header when asked", async () => {
    const { run } = await setup();
    const result = await run("--format", "table", "--per-page", "3");
    expect(lines(result.stdout)[0]).toMatch(
      /^created_at\s+provider\s+model\s+status_code\s+tokens_in\s+tokens_out\s+cost\s+duration\s+cached\s+id$/,
    );
    expect(lines(result.stdout)).toHaveLength(4);
  });

  it("prints JSON and CSV that parse back", async () => {
    const { sandbox, run } = await setup();
    const json = JSON.parse((await run("--format", "json", "--per-page", "5")).stdout);
    expect(json.map((log: { id: string }) => log.id)).toEqual(
      sandbox.store
        .list()
        .slice(0, 5)
        .map((log) => log.id),
    );
    const csv = (await run("--format", "csv", "--per-page", "5")).stdout;
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...logColumns]);
    expect(rows.map((row) => row.id)).toEqual(json.map((log: { id: string }) => log.id));
  });

  it("keeps only the chosen fields", async () => {
    const { run } = await setup();
    const result = await run("--fields", "id,model,cost", "--per-page", "2");
    for (const line of lines(result.stdout))
      expect(Object.keys(JSON.parse(line))).toEqual(["id", "model", "cost"]);
  });

  it("filters with the small syntax, on the server", async () => {
    const { sandbox, run } = await setup(300);
    const result = await run(
      "--filter",
      "provider=anthropic,google-ai-studio",
      "--filter",
      "cost>0.0001",
      "--all",
    );
    const found = lines(result.stdout).map((line) => JSON.parse(line));
    const expected = sandbox.store
      .list()
      .filter(
        (log) =>
          ["anthropic", "google-ai-studio"].includes(log.provider) && (log.cost ?? 0) > 0.0001,
      );
    expect(found.map((log) => log.id)).toEqual(expected.map((log) => log.id));
    const query = decodeURIComponent(sandbox.stats.requests.at(-1)!.query);
    expect(query).toContain(
      '{"key":"provider","operator":"eq","value":["anthropic","google-ai-studio"]}',
    );
  });

  it("reads every page with --all, and stops at --limit", async () => {
    const { run } = await setup(130);
    expect(lines((await run("--all")).stdout)).toHaveLength(130);
    expect(lines((await run("--limit", "75")).stdout)).toHaveLength(75);
  });

  it("orders as asked", async () => {
    const { sandbox, run } = await setup();
    const result = await run("--asc", "--per-page", "5");
    const oldest = [...sandbox.store.list()]
      .reverse()
      .slice(0, 5)
      .map((log) => log.id);
    expect(lines(result.stdout).map((line) => JSON.parse(line).id)).toEqual(oldest);
  });

  it("refuses bad usage with exit 2 before any request", async () => {
    const { sandbox, run } = await setup();
    const cases = [
      ["--filter", "colour=red"],
      ["--filter", "cost>cheap"],
      ["--filter", "success=maybe"],
      ["--per-page", "51"],
      ["--order-by", "cost"],
      ["--asc", "--desc"],
      ["--since", "yesterday-ish"],
      ["--format", "xml"],
      ["--fields", "id,nope"],
      ["--bogus"],
    ];
    for (const args of cases) {
      const result = await run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(sandbox.stats.total).toBe(0);
  });

  it("names the valid keys when a filter key is unknown", async () => {
    const { run } = await setup();
    const result = await run("--filter", "colour=red");
    expect(result.stderr).toContain('unknown key "colour"');
    expect(result.stderr).toContain("hint: Valid keys: id, created_at,");
  });
});
