// The README's main-job command: `npm start` shows sandbox logs through the built CLI.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/spec.js";

const build = "npm run --silent build && ";
const start: string = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).scripts
  .start;

describe("npm start", () => {
  it("builds, then runs the CLI on the embedded sandbox", () => {
    expect(start.startsWith(build)).toBe(true);
    expect(start).toContain("--sandbox");
  });

  it("prints the newest sandbox logs as a table, then a summary by model", () => {
    // The build already ran for the whole test run; rebuilding here would race other tests.
    const run = spawnSync("sh", ["-c", start.slice(build.length)], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^created_at\s+provider\s+model\s+status_code\s+tokens_in\s+tokens_out\s+cost\s+duration\s+cached\s+id$/,
    );
    const rows = lines.slice(1, 16);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+/);
    const times = rows.map((row) => row.slice(0, 19));
    expect(times).toEqual([...times].sort().reverse());
    expect(lines[16]).toBe("");
    const summary = run.stdout.slice(run.stdout.indexOf("\n\n") + 2);
    expect(summary).toMatch(/^Logs since .* by model:\n\nmodel\s+count\s+error %\s+cache %/);
    const total = /\ntotal\s+(\d+)\s+\d+\.\d%/.exec(summary);
    expect(Number(total?.[1])).toBeGreaterThan(100);
  });
});
