import { AbortError } from "../index.js";
import { write, type Io } from "./io.js";

/**
 * Asks on stderr and reads one line from stdin: only "y" or "yes" (any case) is a yes; an empty
 * line or end of input is a no. Ctrl-C while waiting rejects with AbortError (exit 130).
 */
export async function confirm(io: Io, question: string, signal: AbortSignal): Promise<boolean> {
  await write(io.stderr, question);
  const answer = await readLine(io, signal);
  return /^y(es)?$/i.test(answer.trim());
}

function readLine(io: Io, signal: AbortSignal): Promise<string> {
  const { stdin, stderr } = io;
  return new Promise((resolve, reject) => {
    let text = "";
    const finish = (settle: () => void) => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      signal.removeEventListener("abort", onAbort);
      // A paused stdin no longer keeps the process alive.
      stdin.pause();
      settle();
    };
    const onData = (chunk: Buffer | string) => {
      text += String(chunk);
      const end = text.indexOf("\n");
      if (end >= 0) finish(() => resolve(text.slice(0, end)));
    };
    // Ctrl-D or Ctrl-C leave the cursor after the question: end its line first.
    const newline = () => write(stderr, "\n").catch(() => undefined);
    const onEnd = () => finish(() => void newline().then(() => resolve(text)));
    const onAbort = () => finish(() => void newline().then(() => reject(new AbortError())));
    if (signal.aborted) return onAbort();
    stdin.on("data", onData);
    stdin.once("end", onEnd);
    signal.addEventListener("abort", onAbort, { once: true });
    stdin.resume();
  });
}
