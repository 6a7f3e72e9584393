#!/usr/bin/env node
// The aigw-logs command. Ctrl-C aborts the running command (which cleans up and exits 130); a
// second Ctrl-C exits at once.
import { main } from "./main.js";

const controller = new AbortController();
process.on("SIGINT", () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A closed pipe (aigw-logs list | head) is the reader's choice, not a failure.
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
};
process.exitCode = await main(process.argv.slice(2), io, controller.signal);
