// The README's main-job command: `npm start` shows sandbox logs through the built library.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runNode } from "./helpers/project-copy.js";
import { projectRoot } from "./helpers/spec.js";

describe("npm start", () => {
  it("prints the newest sandbox logs and their counts", () => {
    const start = runNode(join(projectRoot, "scripts", "start.mjs"), projectRoot);
    expect(start.stderr).toBe("");
    expect(start.status).toBe(0);
    const lines = start.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Sandbox gateway "sandbox-gateway" at http:\/\/127\.0\.0\.1:\d+\/client\/v4: 2000 logs\.$/,
    );
    expect(lines[2]).toMatch(
      /^created\s+provider\s+model\s+status\s+tokens\s+cost \$\s+ms\s+cached$/,
    );
    expect(
      lines.slice(3, 18).every((line) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\S+/.test(line)),
    ).toBe(true);
    expect(start.stdout).toContain("15 of 2000 logs shown, newest first.");
    expect(start.stdout).toMatch(/failed: \d+\s+cached: \d+\s+costing over \$0\.01: \d+/);
  });
});
