import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const redoclyBin = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/** Runs the pinned Redocly CLI from the project root, with telemetry and update checks off. */
export function runRedocly(args) {
  const result = spawnSync(process.execPath, [redoclyBin, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
      NO_COLOR: "1",
    },
  });
  return {
    ok: result.status === 0,
    output: withoutBanner(`${result.stdout ?? ""}${result.stderr ?? ""}`),
  };
}

// Redocly 2.x boxes a Node 20 deprecation notice around every command; it says nothing about the spec.
function withoutBanner(text) {
  return text
    .split("\n")
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export { projectRoot };
