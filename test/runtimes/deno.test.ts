// The built library in Deno, with no permission but the sandbox's one address.
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/spec.js";
import { findRuntime, runtimeMissing } from "./runtime-binary.js";
import { runProgram, tempDir } from "./run-program.js";
import { fixture, parseOutput, startScenario } from "./scenario.js";

const deno = findRuntime("deno");
if (!deno) console.warn(runtimeMissing("deno"));

/** `deno run` of fixtures/deno-main.mjs, allowed to reach `allowNet` only. */
function runInDeno(allowNet: string, input: string) {
  const dir = tempDir("aigw-deno-");
  // package.json makes Deno resolve openapi-fetch from node_modules; "manual" keeps it from
  // installing anything, --no-lock from writing deno.lock, --cached-only from downloading.
  const flags = ["--no-prompt", "--no-lock", "--no-remote", "--cached-only"];
  return runProgram(
    deno!.bin,
    [
      "run",
      ...flags,
      "--node-modules-dir=manual",
      `--allow-net=${allowNet}`,
      fixture("deno-main.mjs"),
    ],
    {
      input,
      cwd: projectRoot,
      home: dir,
      env: { DENO_DIR: dir, DENO_NO_UPDATE_CHECK: "1" },
    },
  );
}

describe.skipIf(!deno)(`the built library in ${deno?.version ?? "Deno"}`, () => {
  it("lists, filters and gets the sandbox's logs, and throws NotFoundError", async () => {
    const scenario = await startScenario();
    const run = await runInDeno(
      `127.0.0.1:${scenario.sandbox.port}`,
      JSON.stringify(scenario.input),
    );
    scenario.expectResult(parseOutput(run, scenario.input.apiToken));
  });

  it("is refused by Deno's permissions when the sandbox's port is not allowed", async () => {
    const scenario = await startScenario();
    const run = await runInDeno("127.0.0.1:1", JSON.stringify(scenario.input));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("ConnectionError");
    expect(run.stderr).toContain(`Requires net access to "127.0.0.1:${scenario.sandbox.port}"`);
    expect(run.stdout + run.stderr).not.toContain(scenario.input.apiToken);
    expect(scenario.sandbox.stats.total).toBe(0);
  });
});
