// `npm run build`: compiles src/ into dist/ afresh. Output of a source file since deleted would
// otherwise linger in dist/ and ship in the package; the API reference (dist/docs) is kept.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const built = existsSync(dist) ? readdirSync(dist) : [];
for (const name of built.filter((name) => name !== "docs")) {
  rmSync(join(dist, name), { recursive: true, force: true, maxRetries: 3 });
}
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
process.exit(build.status ?? 1);
