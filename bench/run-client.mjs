// Runs export-client.mjs in a process of its own and resolves to what it printed.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const path = fileURLToPath(new URL("export-client.mjs", import.meta.url));

export async function runClient(mode, target) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path, mode, JSON.stringify(target)],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout);
}
