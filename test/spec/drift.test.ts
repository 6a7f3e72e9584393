// `npm run spec:drift` compares a Cloudflare OpenAPI document with ours, fact by fact.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNode } from "../helpers/project-copy.js";
import { loadBundledSpec, logsPath, projectRoot } from "../helpers/spec.js";

const dir = mkdtempSync(join(tmpdir(), "aigw-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function drift(theirs: unknown) {
  const file = join(dir, `theirs-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(theirs));
  return runNode(join(projectRoot, "scripts", "spec-drift.mjs"), projectRoot, [file]);
}

describe("spec:drift", () => {
  it("finds no difference between our spec and itself", () => {
    const result = drift(loadBundledSpec());
    expect(result.stdout).toContain("No differences");
    expect(result.status).toBe(0);
  });

  it("names a bound that Cloudflare's document sets differently", () => {
    const theirs = loadBundledSpec();
    theirs.paths[logsPath].get.parameters.push({
      name: "per_page",
      in: "query",
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    });
    theirs.paths[logsPath].get.parameters = theirs.paths[logsPath].get.parameters.filter(
      (p: { $ref?: string }) => p.$ref !== "#/components/parameters/PerPage",
    );
    const result = drift(theirs);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "parameter per_page (root).maximum: Cloudflare says 100, ours 50",
    );
  });

  it("names a field that Cloudflare's document has and ours lacks", () => {
    const theirs = loadBundledSpec();
    theirs.components.schemas.Log = {
      ...theirs.components.schemas.Log,
      properties: { ...theirs.components.schemas.Log.properties, event_id: { type: "string" } },
    };
    const result = drift(theirs);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("result[].event_id.type: Cloudflare says string, ours nothing");
  });
});
