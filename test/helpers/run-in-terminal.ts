// Runs the built CLI under util-linux `script`, so its stdin, stdout and stderr are a terminal.
import { spawn } from "node:child_process";
import { cliPath } from "./run-cli.js";
import { projectRoot } from "./spec.js";

export interface TerminalRun {
  status: number | null;
  /** stdout and stderr as the terminal showed them, with CRLF turned back into LF. */
  output: string;
}

export interface TerminalOptions {
  env: Record<string, string>;
  /** Types `text` once `prompt` has appeared, as a user answering a question would. */
  answer?: { prompt: string; text: string };
}

export function runInTerminal(args: string[], { env, answer }: TerminalOptions) {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, cliPath, ...args].map(quote).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: "xterm", ...env },
  });
  let output = "";
  let answered = false;
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (answer && !answered && output.includes(answer.prompt)) {
      answered = true;
      child.stdin.write(answer.text);
    }
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise<TerminalRun>((resolve) => {
    child.once("close", (status) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ status, output: output.replace(/\r\n/g, "\n") });
    });
  });
}
