import { existsSync } from "node:fs";
import type { AiGatewayLogs, ExportFormat, ExportOptions } from "../../index.js";
import { csvHeader, formatLogs, logColumns, payloadColumns } from "../../index.js";
import { exportToFile } from "../../node/index.js";
import { connectionOptions, type Command } from "../command.js";
import { exitCodes, UsageError } from "../errors.js";
import { write } from "../io.js";
import { createProgressBar, noProgressBar } from "../progress.js";
import { formatElapsed } from "../progress-line.js";
import { exportSelectionOptions, filtersOf, integerOf, refuseSearch } from "../selection.js";

export const exportCommand: Command = {
  name: "export",
  summary: "export every matching log to JSON Lines or CSV, resumably",
  usage:
    "aigw-logs export [--filter F]... [--since T] [--until T] [--format jsonl|csv] [--out FILE [--resume]]",
  details: [
    "The export is a snapshot: logs that arrive while it runs are left out, so pages neither",
    "shift nor repeat. With --out, FILE.checkpoint.json records each page written; after Ctrl-C",
    "or a crash, the same command with --resume carries on from there (and the checkpoint's",
    "filters win over the ones given). Without --out the logs go to stdout.",
    "A progress bar shows on stderr when it is a terminal; a summary line always ends the export.",
  ],
  examples: [
    "aigw-logs export --since 7d --format csv --out week.csv",
    "aigw-logs export --since 7d --format csv --out week.csv --resume",
    "aigw-logs export --filter success=false > failures.jsonl",
    "aigw-logs export --filter model~claude --include-payloads --out claude.jsonl",
  ],
  options: {
    ...connectionOptions,
    ...exportSelectionOptions,
    format: { type: "string", description: "jsonl (default) or csv" },
    out: {
      type: "string",
      description: "write to FILE, with a checkpoint beside it (default: stdout)",
    },
    resume: { type: "boolean", description: "continue an interrupted export to --out FILE" },
    concurrency: { type: "string", description: "pages fetched at once, 1-32 (default 4)" },
    "include-payloads": {
      type: "boolean",
      description: "add each log's request and response bodies (two more requests a log)",
    },
  },
  async run(values, _positionals, context) {
    const { io, signal } = context;
    refuseSearch(values);
    const format = exportFormatOf(values.format);
    const out = values.out as string | undefined;
    if (values.resume && out === undefined)
      throw new UsageError(
        "--resume needs --out FILE: only an export to a file keeps a checkpoint.",
      );
    const concurrency = integerOf(values, "concurrency", 1, 32);
    const includePayloads = Boolean(values["include-payloads"]);
    const filters = filtersOf(values);
    const logs = await context.client();
    // On a terminal showing the logs themselves, a bar would only get in their way.
    const bar = out !== undefined || !io.stdout.isTTY ? createProgressBar(io) : noProgressBar;
    const started = performance.now();
    const options = { filters, concurrency, includePayloads, onProgress: bar.update, signal };
    let exported: number;
    try {
      if (out === undefined) exported = await exportToStream(logs, options, format, io.stdout);
      else {
        const resume = Boolean(values.resume);
        ({ exported } = await exportToFile(logs, { ...options, file: out, format, resume }));
      }
    } catch (error) {
      bar.clear();
      if (!signal.aborted) throw fileErrorAsUsage(error, out);
      await write(io.stderr, interruptedMessage(out));
      return exitCodes.interrupted;
    }
    bar.clear();
    const where = out ?? "stdout";
    const took = formatElapsed(performance.now() - started);
    await write(io.stderr, `Exported ${exported} logs to ${where} in ${took}.\n`);
    return exitCodes.ok;
  },
};

function exportFormatOf(value: unknown): ExportFormat {
  if (value === undefined) return "jsonl";
  if (value !== "jsonl" && value !== "csv")
    throw new UsageError(`--format ${JSON.stringify(value)}: export writes jsonl or csv.`);
  return value;
}

/** The export as a stream of pages, each written only once the reader has taken the last. */
async function exportToStream(
  logs: AiGatewayLogs,
  options: ExportOptions,
  format: ExportFormat,
  stream: NodeJS.WritableStream,
): Promise<number> {
  const columns = options.includePayloads ? [...logColumns, ...payloadColumns] : logColumns;
  if (format === "csv") await write(stream, csvHeader(columns));
  let exported = 0;
  for await (const page of logs.export(options).pages()) {
    if (page.logs.length > 0) await write(stream, formatLogs(page.logs, format, columns));
    exported += page.logs.length;
  }
  return exported;
}

/** A file that cannot be opened or written is the user's to fix, not the API's: exit 2. */
function fileErrorAsUsage(error: unknown, out: string | undefined): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const isFileError = typeof (error as NodeJS.ErrnoException | null)?.syscall === "string";
  if (out === undefined || !isFileError || typeof code !== "string") return error;
  return new UsageError(`--out ${out}: ${(error as Error).message}.`);
}

function interruptedMessage(out: string | undefined): string {
  if (out === undefined) return "Interrupted.\n";
  if (existsSync(`${out}.checkpoint.json`))
    return "Interrupted: run the same command with --resume to continue.\n";
  return "Interrupted before the first page was saved: run the same command to start again.\n";
}
