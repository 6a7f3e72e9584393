// A program that imports only some fetchers gets only their code: what the fetchers are for.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/spec.js";

async function bundle(program: string) {
  const result = await build({
    stdin: { contents: program, resolveDir: projectRoot, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  const bytesFrom = (pattern: RegExp) =>
    Object.entries(output!.inputs)
      .filter(([file]) => pattern.test(file))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const code = result.outputFiles[0]!.contents;
  return {
    files: Object.keys(output!.inputs).filter((file) => output!.inputs[file]!.bytesInOutput > 0),
    bytesFrom,
    gzipped: gzipSync(code, { level: 9 }).length,
  };
}

const listAndGet = `
  import { createGateway, listLogs, getLog } from "ai-gateway-logs";
  const gateway = createGateway({ accountId: "a", gatewayId: "g", apiToken: "t" });
  const page = await listLogs(gateway, { perPage: 10 });
  console.log(await getLog(gateway, page.logs[0].id));
`;

describe("tree shaking", () => {
  it("keeps only the fetchers a program calls, and of openapi-fetch only its serializer", async () => {
    const lean = await bundle(listAndGet);
    expect(lean.files).toContain("dist/fetchers/list-logs.js");
    expect(lean.files).toContain("dist/fetchers/get-log.js");
    const unused =
      /safe-delete|\/export\/|tail|raw-client|buffered-response|stats|update-log|payload/;
    expect(lean.files.filter((file) => unused.test(file))).toEqual([]);
    expect(lean.bytesFrom(/node_modules\/openapi-fetch\//)).toBeLessThan(400);
  });

  it("makes the list-and-get program less than half the size of the same with the client", async () => {
    const lean = await bundle(listAndGet);
    const client = await bundle(`
      import { createAiGatewayLogs } from "ai-gateway-logs";
      const logs = createAiGatewayLogs({ accountId: "a", gatewayId: "g", apiToken: "t" });
      const page = await logs.list({ perPage: 10 });
      console.log(await logs.get(page.logs[0].id));
    `);
    // The client object carries every method, and `raw` brings all of openapi-fetch.
    expect(client.files).toContain("dist/raw-client.js");
    expect(lean.gzipped * 2).toBeLessThan(client.gzipped);
  });
});
