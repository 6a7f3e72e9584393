import type { Sandbox } from "../../sandbox/index.js";
import { AiGatewayLogsError } from "../../index.js";
import type { Command } from "../command.js";
import { exitCodes } from "../errors.js";
import { write } from "../io.js";
import { sandboxBanner } from "../sandbox-banner.js";
import { integerOf } from "../selection.js";

export const sandbox: Command = {
  name: "sandbox",
  summary: "run a local stand-in for the Logs API, with seeded logs, until Ctrl-C",
  usage: "aigw-logs sandbox [--port N] [--logs N] [--seed N] [--insert-per-second N]",
  details: [
    "Serves Cloudflare's AI Gateway Logs API on 127.0.0.1 from memory, and prints the",
    "variables and --base-url that point aigw-logs (or the library) at it. The token is made",
    "up for this run. Ctrl-C stops it (exit 0); nothing is kept.",
  ],
  examples: [
    "aigw-logs sandbox",
    "aigw-logs sandbox --port 8787 --logs 10000 --seed 7",
    "aigw-logs sandbox --insert-per-second 5   # for aigw-logs tail",
  ],
  options: {
    port: { type: "string", description: "port on 127.0.0.1 (default 0: a free one, printed)" },
    logs: { type: "string", description: "how many logs to seed (default 2000)" },
    seed: { type: "string", description: "seed of the generated logs (default 1)" },
    "insert-per-second": {
      type: "string",
      description: "new logs a second while it runs, for tail (default 1)",
    },
    debug: { type: "boolean", description: "print stack traces on failure" },
    help: { type: "boolean", short: "h", description: "show this help" },
  },
  async run(values, _positionals, context) {
    const port = integerOf(values, "port", 0, 65535) ?? 0;
    const logs = integerOf(values, "logs", 0, 1_000_000) ?? 2000;
    const seed = integerOf(values, "seed", 0, 0xffffffff) ?? 1;
    const insertPerSecond = integerOf(values, "insert-per-second", 0, 1000) ?? 1;
    const { startSandbox } = await import("../../sandbox/index.js");
    const running = await listen(port, () => startSandbox({ port, logs, seed, insertPerSecond }));
    try {
      await write(context.io.stdout, sandboxBanner(running, logs));
      await untilAborted(context.signal);
    } finally {
      await running.close();
    }
    await write(context.io.stderr, "Sandbox stopped.\n");
    // Stopping is how a sandbox ends: Ctrl-C is success here, not an interruption.
    return exitCodes.ok;
  },
};

/** Starts the sandbox; a port that is taken or not ours to use is one clear line, exit 1. */
async function listen(port: number, start: () => Promise<Sandbox>): Promise<Sandbox> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new AiGatewayLogsError(
        "port_in_use",
        `Port ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop what listens there, or pass another --port (0 picks a free one).`,
      );
    }
    if (code === "EACCES") {
      throw new AiGatewayLogsError(
        "port_denied",
        `Port ${port} on 127.0.0.1 needs privileges this user lacks (EACCES): pass a --port above 1023, or 0.`,
      );
    }
    throw error;
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}
