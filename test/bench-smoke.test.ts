// `npm run bench` is run by hand, so its code could rot unseen: run every benchmark small here.
// Nothing is timed: this checks that each one still runs to the end and reports its section.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/spec.js";

describe("the benchmarks, as a smoke run (BENCH_QUICK=1)", () => {
  it("each runs and reports, and RESULTS.md is left as it was", async () => {
    const results = join(projectRoot, "bench", "RESULTS.md");
    const before = readFileSync(results, "utf8");
    const child = spawn(process.execPath, [join(projectRoot, "bench", "run.mjs")], {
      cwd: projectRoot,
      env: { ...process.env, BENCH_QUICK: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const status = await new Promise((resolve) => child.once("close", resolve));
    expect(stderr).not.toMatch(/Error|at .*\.mjs:\d+/);
    expect(status).toBe(0);
    const sections = stdout.split("\n").filter((line) => line.startsWith("### "));
    expect(sections).toEqual([
      "### Bundle size",
      "### Cold start",
      "### Export CPU",
      "### Export under a rate limit",
      "### Memory at scale",
      expect.stringMatching(/^### Sandbox at [\d,]+ logs$/),
      "### Official SDK findings",
    ]);
    for (const client of ["ai-gateway-logs", "official SDK", "plain fetch"])
      expect(stdout).toContain(client);
    expect(readFileSync(results, "utf8")).toBe(before);
  }, 180_000);
});
