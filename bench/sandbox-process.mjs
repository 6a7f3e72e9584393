// Starts serve-sandbox.mjs in its own process and hands back what a client needs to reach it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export async function startSandboxProcess(logs) {
  const path = fileURLToPath(new URL("serve-sandbox.mjs", import.meta.url));
  const server = spawn(process.execPath, [path, String(logs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  return { target: JSON.parse(line), close: () => server.kill() };
}
