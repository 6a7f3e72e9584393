// The package as users get it: `npm pack`, installed into a fresh project, used from there.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, sandboxEnv } from "../helpers/run-cli.js";
import { startTestSandbox } from "../helpers/sandbox.js";
import { projectRoot } from "../helpers/spec.js";

const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "aigw-pack-"));
const consumer = join(work, "consumer");
let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  const npm = (args: string[], cwd: string) =>
    execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd,
      encoding: "utf8",
      timeout: 240_000,
    });
  [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work], projectRoot));
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  npm(["install", "--prefer-offline", join(work, packed.filename)], consumer);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a file in the consumer project with Node, the way a user's program would run. */
function runInConsumer(file: string, source: string) {
  writeFileSync(join(consumer, file), source);
  return spawnSync(process.execPath, [file], { cwd: consumer, encoding: "utf8", timeout: 60_000 });
}

describe("the packed package", () => {
  it("holds the built code, the CLI and the generated types, and no sources, tests or docs", () => {
    const paths = packed.files.map((file) => file.path);
    for (const needed of [
      "package.json",
      "README.md",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/sandbox/index.js",
      "dist/node/index.js",
      "dist/cli/bin.js",
      "generated/schema.d.ts",
    ])
      expect(paths).toContain(needed);
    const stray = paths.filter((path) =>
      /^(src|test|bench|openapi|scripts|dist\/docs)\//.test(path),
    );
    expect(stray).toEqual([]);
  });

  it("installs with openapi-fetch as its only runtime dependency", () => {
    const installed = readdirSync(join(consumer, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed.sort()).toEqual(
      ["ai-gateway-logs", "openapi-fetch", "openapi-typescript-helpers"].sort(),
    );
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
  });

  it("imports the library, the sandbox and the node helpers, and lists and gets logs", () => {
    const run = runInConsumer(
      "use.mjs",
      `import { createAiGatewayLogs, where, NotFoundError } from "ai-gateway-logs";
import { startSandbox } from "ai-gateway-logs/sandbox";
import { exportToFile } from "ai-gateway-logs/node";
const sandbox = await startSandbox({ logs: 40 });
const logs = createAiGatewayLogs({
  accountId: sandbox.accountId, gatewayId: sandbox.gatewayId, apiToken: sandbox.token, baseUrl: sandbox.url,
});
const page = await logs.list({ perPage: 5 });
const detail = await logs.get(page.logs[0].id);
const failed = await logs.count([where("success").eq(false)]);
const missing = await logs.get("no-such-log").catch((error) => error);
console.log(JSON.stringify({
  listed: page.logs.map((log) => log.id),
  stored: sandbox.store.list().slice(0, 5).map((log) => log.id),
  detail: detail.id, size: typeof detail.request_size,
  failed, expectedFailed: sandbox.store.list().filter((log) => !log.success).length,
  notFound: missing instanceof NotFoundError, exportToFile: typeof exportToFile,
}));
await sandbox.close();
`,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.listed).toHaveLength(5);
    expect(out.listed).toEqual(out.stored);
    expect(out.detail).toBe(out.listed[0]);
    expect(out).toMatchObject({ size: "number", notFound: true, exportToFile: "function" });
    expect(out.failed).toBe(out.expectedFailed);
  });

  it("installs the aigw-logs command, which works on its own sandbox and on a given server", async () => {
    const bin = join(consumer, "node_modules", ".bin", "aigw-logs");
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(version.stdout).toBe(`${manifest.version}\n`);
    const own = spawnSync(bin, ["list", "--sandbox", "--per-page", "3", "--format", "json"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(own.status).toBe(0);
    expect(JSON.parse(own.stdout)).toHaveLength(3);

    const sandbox = await startTestSandbox({ logs: 10 });
    const id = sandbox.store.list()[2]!.id;
    const got = await runCli(["get", id, "--base-url", sandbox.url, "--format", "json"], {
      env: sandboxEnv(sandbox),
      bin,
    });
    expect(got.status).toBe(0);
    expect(JSON.parse(got.stdout).id).toBe(id);
  });

  for (const moduleResolution of ["nodenext", "bundler"]) {
    it(`gives TypeScript users its types (moduleResolution ${moduleResolution})`, () => {
      const dir = join(consumer, `ts-${moduleResolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            module: moduleResolution === "bundler" ? "esnext" : "nodenext",
            moduleResolution,
            target: "es2022",
            lib: ["es2022", "dom"],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          include: ["*.ts"],
        }),
      );
      writeFileSync(
        join(dir, "use.ts"),
        `import { createAiGatewayLogs, createGateway, getLog, where } from "ai-gateway-logs";
import type { Log, LogDetail } from "ai-gateway-logs";
const logs = createAiGatewayLogs({ accountId: "a", gatewayId: "g", apiToken: "t" });
const gateway = createGateway({ accountId: "a", gatewayId: "g", apiToken: "t" });
export const byFetcher = (id: string): Promise<LogDetail> => getLog(gateway, id);
// @ts-expect-error a fetcher takes the gateway first.
export const wrong = (id: string) => getLog(id);
export async function newest(): Promise<LogDetail> {
  const page = await logs.list({ perPage: 5, filters: [where("model").eq("gpt-4o")] });
  const first: Log | undefined = page.logs[0];
  const tokens: number | null = first ? first.tokens_in : null;
  void tokens;
  // @ts-expect-error perPage is a number: an untyped package would let this through.
  await logs.list({ perPage: "5" });
  return logs.get(first!.id);
}
`,
      );
      const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");
      const check = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
      expect(check.stdout + check.stderr).toBe("");
      expect(check.status).toBe(0);
    });
  }
});
