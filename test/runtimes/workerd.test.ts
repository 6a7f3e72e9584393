// The built library in workerd, bundled as a Worker would deploy it, without nodejs_compat.
import { describe, expect, it } from "vitest";
import { findRuntime, runtimeMissing } from "./runtime-binary.js";
import { tempDir } from "./run-program.js";
import { startScenario } from "./scenario.js";
import { bundleWorker, startWorkerd } from "./workerd-server.js";

const workerd = findRuntime("workerd");
if (!workerd) console.warn(runtimeMissing("workerd"));

// workerd refuses compatibility dates after its own release, which its version names.
const compatibilityDate = workerd?.version.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "";

describe.skipIf(!workerd)(`the built library in ${workerd?.version ?? "workerd"}`, () => {
  it("bundles dist/ and openapi-fetch into one module that imports nothing", async () => {
    const bundle = await bundleWorker(tempDir("aigw-bundle-"));
    expect(bundle.imports).toEqual([]);
    expect(bundle.files).toContain("dist/index.js");
    expect(bundle.files.some((file) => file.startsWith("node_modules/openapi-fetch/"))).toBe(true);
    expect(bundle.files.filter((file) => file.startsWith("src/"))).toEqual([]);
  });

  it("lists, filters and gets the sandbox's logs, and throws NotFoundError", async () => {
    const scenario = await startScenario();
    const server = await startWorkerd(workerd!.bin, compatibilityDate);
    // The worker gets the credentials in the request body: they are never written to disk.
    const response = await fetch(server.url, {
      method: "POST",
      body: JSON.stringify(scenario.input),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    const seen = `${body}\n${server.output()}`;
    expect(seen).not.toContain(scenario.input.apiToken);
    expect(response.status, seen).toBe(200);
    scenario.expectResult(JSON.parse(body));
  });
});
