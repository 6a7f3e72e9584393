import type { Log } from "../../index.js";
import { csvHeader, logColumns, toCsvRow } from "../../index.js";
import { connectionOptions, selectionOptions, type Command } from "../command.js";
import { UsageError } from "../errors.js";
import { cellOf, defaultTableFields, parseFields, pick } from "../format/fields.js";
import { chooseFormat, tableColumnsOf, type Format } from "../format/logs-output.js";
import { renderTable } from "../format/table.js";
import { outputWidth, write } from "../io.js";
import { parseTime } from "../filter-syntax.js";
import { filtersOf } from "../selection.js";

export const tail: Command = {
  name: "tail",
  summary: "follow new logs as they arrive, until Ctrl-C",
  usage:
    "aigw-logs tail [--filter F]... [--search TEXT] [--since T] [--interval 5s] [--format table|jsonl|csv]",
  details: [
    "Polls every --interval (seconds, or 500ms, 5s, 1m; default 5s) and prints each new log",
    "once, oldest first: a table on a terminal (header once), JSON Lines when piped, or CSV",
    "(header once). Without --since only logs that arrive after the start are printed.",
    "Ctrl-C is the normal way to stop a tail: it exits 0, not 130.",
  ],
  examples: [
    "aigw-logs tail --sandbox",
    "aigw-logs tail --filter success=false --interval 2s",
    "aigw-logs tail --since 15m --format jsonl | jq .model",
  ],
  options: {
    ...connectionOptions,
    filter: selectionOptions.filter,
    search: selectionOptions.search,
    since: { type: "string", description: "first print the logs newer than this: 15m, 2h or ISO" },
    interval: { type: "string", description: "time between polls: 5 (seconds), 500ms, 5s, 1m" },
    format: {
      type: "string",
      description: "table, jsonl or csv (default: table on a terminal, else jsonl)",
    },
    fields: { type: "string", description: "comma-separated fields to show" },
  },
  async run(values, _positionals, context) {
    const { io, signal } = context;
    const format = chooseFormat(values.format, io);
    if (format === "json")
      throw new UsageError("tail prints logs as they arrive: use --format table, jsonl or csv.");
    const fields = parseFields(values.fields as string | undefined);
    const intervalMs = parseInterval(values.interval);
    const filters = filtersOf({ filter: values.filter });
    const since = typeof values.since === "string" ? parseTime(values.since) : undefined;
    const search = values.search as string | undefined;
    const logs = await context.client();
    const width = outputWidth(io);
    const printer = createPrinter(format, fields, width);
    if (io.stderr.isTTY)
      await write(io.stderr, `Following new logs every ${intervalMs / 1000} s; Ctrl-C to stop.\n`);
    await write(io.stdout, printer.header);
    try {
      for await (const log of logs.tail({ filters, search, since, intervalMs, signal }))
        await write(io.stdout, printer.row(log));
    } catch (error) {
      // Ctrl-C ends a tail; whatever it cut short is not a failure.
      if (!signal.aborted) throw error;
    }
    return 0;
  },
};

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `5` (seconds), `500ms`, `5s`, `1m`; 5 s when absent. */
export function parseInterval(value: unknown): number {
  if (value === undefined) return 5000;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(String(value).trim());
  const ms = match ? Number(match[1]) * units[match[2] ?? "s"]! : Number.NaN;
  if (!(ms >= 100))
    throw new UsageError(
      `--interval ${JSON.stringify(value)}: use seconds (5), or 500ms, 5s, 1m; at least 100ms.`,
    );
  return ms;
}

// Widths a streamed table keeps for every row, since rows to come cannot be measured.
const cellWidths: Record<string, number> = {
  created_at: 19,
  provider: 16,
  model: 28,
  cost: 9,
  cached: 6,
  id: 36,
  path: 24,
  metadata: 30,
};

/** The text before the first log, and each log's line, in a format that streams. */
function createPrinter(
  format: Exclude<Format, "json">,
  fields: string[] | undefined,
  width: number,
) {
  if (format === "jsonl")
    return { header: "", row: (log: Log) => `${JSON.stringify(pick(log, fields))}\n` };
  if (format === "csv") {
    const columns = fields ?? logColumns;
    return { header: csvHeader(columns), row: (log: Log) => toCsvRow(log, columns) };
  }
  const chosen = fields ?? defaultTableFields;
  const columns = tableColumnsOf(chosen);
  // A blank row of the fixed widths makes renderTable choose the same widths every time.
  const sizes = chosen.map((f) => Math.max(f.length, cellWidths[f] ?? 8));
  const template = sizes.map((size) => " ".repeat(size));
  const fit = (cell: string, size: number) =>
    cell.length > size ? `${cell.slice(0, size - 1)}…` : cell;
  const lines = (cells: string[]) => renderTable(columns, [template, cells], width).split("\n");
  return {
    header: `${lines(template)[0]}\n`,
    row: (log: Log) => `${lines(chosen.map((f, i) => fit(cellOf(log, f), sizes[i]!)))[2]}\n`,
  };
}
