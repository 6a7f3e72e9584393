// `npm run build`: builds dist/ afresh from src/. esbuild bundles each public entry (the library,
// the sandbox, the Node helpers, the CLI) with the code they share split into chunks, so that
// importing the library reads a few files instead of fifty: a process starts that much sooner.
// tsc writes the .d.ts files beside them. dist/ is emptied first, so nothing of a deleted source
// lingers and ships; the API reference (dist/docs) is kept.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const built = existsSync(dist) ? readdirSync(dist) : [];
for (const name of built.filter((name) => name !== "docs")) {
  rmSync(join(dist, name), { recursive: true, force: true, maxRetries: 3 });
}

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const types = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (types.status !== 0) process.exit(types.status ?? 1);

await build({
  absWorkingDir: root,
  entryPoints: ["src/index.ts", "src/sandbox/index.ts", "src/node/index.ts", "src/cli/bin.ts"],
  outdir: "dist",
  outbase: "src",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  // Neutral: the library must not pull in anything of Node's; the entries that need Node import
  // it by `node:` names, left to the runtime like every package dependency.
  platform: "neutral",
  target: "es2022",
  packages: "external",
  external: ["node:*"],
  sourcemap: true,
  sourcesContent: true,
  logLevel: "warning",
});
