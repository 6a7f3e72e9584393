// The built library in Bun.
import { describe, it } from "vitest";
import { projectRoot } from "../helpers/spec.js";
import { findRuntime, runtimeMissing } from "./runtime-binary.js";
import { runProgram, tempDir } from "./run-program.js";
import { fixture, parseOutput, startScenario } from "./scenario.js";

const bun = findRuntime("bun");
if (!bun) console.warn(runtimeMissing("bun"));

describe.skipIf(!bun)(`the built library in Bun ${bun?.version ?? ""}`, () => {
  it("lists, filters and gets the sandbox's logs, and throws NotFoundError", async () => {
    const scenario = await startScenario();
    const home = tempDir("aigw-bun-");
    // No auto-install and no .env loading: Bun runs what node_modules has, nothing else.
    // --no-orphans ends Bun if this process dies mid-test.
    const run = await runProgram(
      bun!.bin,
      ["run", "--no-install", "--no-env-file", "--no-orphans", fixture("bun-main.mjs")],
      {
        input: JSON.stringify(scenario.input),
        cwd: projectRoot,
        home,
        env: { DO_NOT_TRACK: "1", BUN_ENABLE_CRASH_REPORTING: "0" },
      },
    );
    scenario.expectResult(parseOutput(run, scenario.input.apiToken));
  });
});
