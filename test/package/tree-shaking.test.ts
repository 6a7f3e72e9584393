// A program that imports only some fetchers gets only their code: what the fetchers are for. The
// built dist/ is bundled as a user's bundler would, from the package's own entry.
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
  const openapiFetch = Object.entries(output!.inputs)
    .filter(([file]) => file.includes("node_modules/openapi-fetch/"))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const code = result.outputFiles[0]!.contents;
  return {
    text: new TextDecoder().decode(code),
    openapiFetch,
    gzipped: gzipSync(code, { level: 9 }).length,
  };
}

const listAndGet = `
  import { createGateway, listLogs, getLog } from "ai-gateway-logs";
  const gateway = createGateway({ accountId: "a", gatewayId: "g", apiToken: "t" });
  const page = await listLogs(gateway, { perPage: 10 });
  console.log(await getLog(gateway, page.logs[0].id));
`;
const viaClient = `
  import { createAiGatewayLogs } from "ai-gateway-logs";
  const logs = createAiGatewayLogs({ accountId: "a", gatewayId: "g", apiToken: "t" });
  const page = await logs.list({ perPage: 10 });
  console.log(await logs.get(page.logs[0].id));
`;

// A text each part of the library carries, to tell from a bundle whether that part is in it.
const markers = {
  "safe delete": "filters_ignored",
  export: "perPage must be 1-50.",
  tail: "intervalMs must be a positive number",
  "the raw client's openapi-fetch": "onRequest: must return new Request()",
  "the raw client's response": "Body is unusable",
};

describe("tree shaking", () => {
  it("keeps only the fetchers a program calls, and of openapi-fetch only its serializer", async () => {
    const [lean, client] = await Promise.all([bundle(listAndGet), bundle(viaClient)]);
    for (const [part, marker] of Object.entries(markers)) {
      // The client object carries every part, which shows that each marker is the right one.
      expect(client.text.includes(marker), part).toBe(true);
      expect(lean.text.includes(marker), part).toBe(false);
    }
    expect(lean.text).toContain("/ai-gateway/gateways/{gateway_id}/logs");
    expect(lean.openapiFetch).toBeGreaterThan(0);
    expect(lean.openapiFetch).toBeLessThan(400);
    // The list-and-get program is less than half the size through the fetchers.
    expect(lean.gzipped * 2).toBeLessThan(client.gzipped);
  });
});
