import { open, readFile, rename, rm, writeFile, type FileHandle } from "node:fs/promises";
import type { AiGatewayLogs } from "../client.js";
import { checkCheckpoint, type ExportCheckpoint } from "../export/checkpoint.js";
import type { ExportOptions } from "../export/export-logs.js";
import { csvHeader, formatLogs, logColumns, type ExportFormat } from "../export/format.js";
import { payloadColumns } from "../export/payloads.js";
import { ValidationError } from "../errors/request-errors.js";

export interface ExportToFileOptions extends Omit<ExportOptions, "checkpoint"> {
  file: string;
  format?: ExportFormat;
  /** Continue from `<file>.checkpoint.json` when a killed export left one. */
  resume?: boolean;
}

export interface ExportSummary {
  file: string;
  exported: number;
  total: number;
  resumed: boolean;
}

/**
 * Exports to a file, page by page. After each page is written, `<file>.checkpoint.json` records
 * how far the export got and how many bytes of the file hold it; a resumed export cuts the file
 * back to that size (dropping a page half-written when the process died) and carries on.
 */
export async function exportToFile(
  logs: AiGatewayLogs,
  options: ExportToFileOptions,
): Promise<ExportSummary> {
  const format = options.format ?? "jsonl";
  const checkpointFile = `${options.file}.checkpoint.json`;
  const output = { format, includePayloads: Boolean(options.includePayloads) };
  const checkpoint = options.resume ? await readCheckpoint(checkpointFile) : undefined;
  if (checkpoint) checkSameOutput(checkpoint, output);
  const handle = await open(options.file, checkpoint ? "r+" : "w");
  try {
    let bytes = checkpoint?.bytes ?? 0;
    await handle.truncate(bytes);
    const columns = options.includePayloads ? [...logColumns, ...payloadColumns] : logColumns;
    if (!checkpoint && format === "csv") bytes += await append(handle, bytes, csvHeader(columns));
    let last: ExportCheckpoint | undefined = checkpoint;
    for await (const page of logs.export({ ...options, checkpoint }).pages()) {
      bytes += await append(handle, bytes, formatLogs(page.logs, format, columns));
      last = { ...page.checkpoint, bytes, output };
      await saveCheckpoint(checkpointFile, last);
    }
    await rm(checkpointFile, { force: true });
    return {
      file: options.file,
      exported: last?.exported ?? 0,
      total: last?.total ?? 0,
      resumed: Boolean(checkpoint),
    };
  } finally {
    await handle.close();
  }
}

/** Appending CSV to JSON Lines, or rows with payloads to rows without, would corrupt the file. */
function checkSameOutput(
  checkpoint: ExportCheckpoint,
  output: NonNullable<ExportCheckpoint["output"]>,
): void {
  const before = checkpoint.output;
  if (!before) return;
  if (before.format !== output.format) {
    throw new ValidationError(
      `This export was started as ${before.format}; resume it with the same format, not ${output.format}.`,
    );
  }
  if (before.includePayloads !== output.includePayloads) {
    const was = before.includePayloads ? "with" : "without";
    throw new ValidationError(
      `This export was started ${was} payloads; resume it ${was} payloads too.`,
    );
  }
}

async function append(handle: FileHandle, position: number, text: string): Promise<number> {
  const data = Buffer.from(text, "utf8");
  await handle.write(data, 0, data.length, position);
  return data.length;
}

async function readCheckpoint(file: string): Promise<ExportCheckpoint | undefined> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined; // checkCheckpoint explains
  }
  return checkCheckpoint(parsed);
}

// Written aside and renamed into place, so a crash never leaves half a checkpoint.
async function saveCheckpoint(file: string, checkpoint: ExportCheckpoint): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(checkpoint));
  await rename(`${file}.tmp`, file);
}
