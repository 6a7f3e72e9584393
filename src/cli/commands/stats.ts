import type { GroupBy, Log } from "../../index.js";
import { createSummarizer } from "../../index.js";
import { connectionOptions, type Command, type Values } from "../command.js";
import { UsageError } from "../errors.js";
import { renderStatsCsv, renderStatsTable } from "../format/stats-table.js";
import { outputWidth, write } from "../io.js";
import { createProgressBar } from "../progress.js";
import { parseTime } from "../filter-syntax.js";
import { exportSelectionOptions, filtersOf, integerOf, refuseSearch } from "../selection.js";

/** What --by accepts: log fields, and the UTC day or hour a log was created in. */
const groupings: Record<string, GroupBy> = {
  model: "model",
  provider: "provider",
  model_type: "model_type",
  status: "status",
  success: "success",
  cached: "cached",
  request_type: "request_type",
  path: "path",
  day: (log: Log) => log.created_at.slice(0, 10),
  hour: (log: Log) => `${log.created_at.slice(0, 13).replace("T", " ")}:00`,
};
const chronological = new Set(["day", "hour"]);
const formats = ["table", "json", "csv"] as const;
const defaultSince = "24h";

export const stats: Command = {
  name: "stats",
  summary: "count, error and cache rates, tokens, cost and latency, grouped",
  usage: "aigw-logs stats [--by model|provider|status|...] [--filter F]... [--since T] [--until T]",
  details: [
    `Without --since or --until, stats covers the last 24 hours (each log is fetched, and all`,
    "of them can take many requests); the table's first line says which window it covers.",
    `--by takes ${Object.keys(groupings).join(", ")}.`,
    "Groups are sorted by count, largest first; by day or hour (UTC), oldest first.",
    "--format json prints the summary object: groups and total, with rates as fractions and",
    "durations in ms (p50, p95, p99, mean, min, max).",
  ],
  examples: [
    "aigw-logs stats --sandbox",
    "aigw-logs stats --by provider --since 7d",
    "aigw-logs stats --by day --filter model~gpt --since 30d",
    "aigw-logs stats --by status --format json",
  ],
  options: {
    ...connectionOptions,
    ...exportSelectionOptions,
    by: { type: "string", description: "what to group by: model (default), provider, status, ..." },
    format: { type: "string", description: "table (default), json or csv" },
    concurrency: { type: "string", description: "pages fetched at once, 1-32 (default 4)" },
  },
  async run(values, _positionals, context) {
    const { io, signal } = context;
    refuseSearch(values);
    const byName = (values.by as string | undefined) ?? "model";
    const by = groupings[byName];
    if (by === undefined)
      throw new UsageError(
        `--by ${JSON.stringify(byName)}: use one of ${Object.keys(groupings).join(", ")}.`,
      );
    const format = (values.format as string | undefined) ?? "table";
    if (!(formats as readonly string[]).includes(format))
      throw new UsageError(`--format ${JSON.stringify(format)}: stats prints table, json or csv.`);
    const concurrency = integerOf(values, "concurrency", 1, 32);
    const now = Date.now();
    const window = windowOf(values, now);
    const filters = filtersOf(window.values, now);
    const logs = await context.client();
    const summarizer = createSummarizer({ by });
    const bar = createProgressBar(io);
    try {
      const run = logs.export({ filters, concurrency, onProgress: bar.update, signal });
      for await (const log of run) summarizer.add(log);
    } finally {
      bar.clear();
    }
    const summary = summarizer.result();
    if (chronological.has(byName)) summary.groups.sort((a, b) => (a.key < b.key ? -1 : 1));
    if (format === "json") await write(io.stdout, `${JSON.stringify(summary, null, 2)}\n`);
    else if (format === "csv") await write(io.stdout, renderStatsCsv(summary));
    else {
      const width = outputWidth(io);
      const table = renderStatsTable(summary, byName, width);
      await write(io.stdout, `${window.description}, by ${byName}:\n\n${table}`);
    }
    return 0;
  },
};

/** The window asked for, or the last 24 hours, and a line saying which. */
function windowOf(values: Values, now: number): { values: Values; description: string } {
  const at = (text: string, option: string) =>
    `${parseTime(text, now, option).toISOString().slice(0, 19).replace("T", " ")} UTC`;
  if (values.since === undefined && values.until === undefined) {
    const description = `Logs since ${at(defaultSince, "--since")} (the last 24 hours, by default: pass --since or --until to change)`;
    return { values: { ...values, since: defaultSince }, description };
  }
  const since = typeof values.since === "string" ? ` since ${at(values.since, "--since")}` : "";
  const until = typeof values.until === "string" ? ` until ${at(values.until, "--until")}` : "";
  return { values, description: `Logs${since}${until}` };
}
