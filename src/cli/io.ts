/** What a command may touch of the outside world, so main() stays testable and pure-ish. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColor(io: Io, stream: "stdout" | "stderr" = "stdout"): boolean {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  return Boolean(io[stream].isTTY) && !noColor && io.env.TERM !== "dumb";
}

/** How wide stdout's lines may be: the terminal's width (80 when it will not say), else unbounded. */
export function outputWidth(io: Io): number {
  return io.stdout.isTTY ? io.stdout.columns || 80 : Number.POSITIVE_INFINITY;
}

/** Writes and waits for the stream to take it: output piped to a slow reader applies backpressure. */
export function write(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(data, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else stream.once("drain", resolve);
  });
}
