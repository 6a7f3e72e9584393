// The Deno, Bun and workerd binaries come from optional dev dependencies: a platform without one
// skips its test instead of failing.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../helpers/spec.js";

export interface RuntimeBinary {
  bin: string;
  /** The first line of `<bin> --version`, without a parenthesised build note. */
  version: string;
}

export function findRuntime(name: "deno" | "bun" | "workerd"): RuntimeBinary | undefined {
  const bin = join(projectRoot, "node_modules", ".bin", name);
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (probe.status !== 0) return undefined;
  // "deno 2.9.6 (stable, release, ...)" reads as "deno 2.9.6".
  const version = probe.stdout
    .trim()
    .split("\n")[0]!
    .replace(/\s*\(.*\)$/, "");
  return { bin, version };
}

export function runtimeMissing(name: string): string {
  return `node_modules/.bin/${name} is missing or does not run on this platform: ${name} test skipped.`;
}
