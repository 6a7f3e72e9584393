import { writeFile } from "node:fs/promises";
import { UsageError } from "./errors.js";

/** Writes the whole body to a file; a file that cannot be written is the user's to fix: exit 2. */
export async function writeOutFile(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    throw new UsageError(`--out ${file}: ${(error as Error).message}.`);
  }
}
