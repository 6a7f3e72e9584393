import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./spec.js";

const copied = [
  "package.json",
  "redocly.yaml",
  ".prettierrc.json",
  "openapi",
  "scripts",
  "generated",
];

/** A throw-away copy of the spec pipeline, so a test can edit the spec without touching the project. */
export function copyProject(): {
  dir: string;
  run: (script: string) => RunResult;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "aigw-project-"));
  for (const entry of copied)
    cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    run: (script) => runNode(join(dir, "scripts", script), dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(script: string, cwd: string, args: string[] = []): RunResult {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
