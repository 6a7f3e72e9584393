import { writeFile } from "node:fs/promises";
import { UsageError } from "./errors.js";

/** Like io.write, for bytes too: waits for the stream to take them (backpressure). */
export function writeChunk(
  stream: NodeJS.WritableStream,
  data: string | Uint8Array,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(data, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else stream.once("drain", resolve);
  });
}

/** Writes the whole body to a file; a file that cannot be written is the user's to fix: exit 2. */
export async function writeOutFile(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    throw new UsageError(`--out ${file}: ${(error as Error).message}.`);
  }
}
