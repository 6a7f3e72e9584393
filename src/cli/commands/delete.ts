import type { AiGatewayLogs, DeleteOptions, DeleteReport } from "../../index.js";
import { deleteOrderKeys, FiltersIgnoredError } from "../../index.js";
import { connectionOptions, selectionOptions, type Command } from "../command.js";
import type { Context } from "../context.js";
import { confirm } from "../confirm.js";
import {
  filtersIgnoredHint,
  previewLine,
  question,
  selectionText,
  summaryOf,
  type SummaryFormat,
} from "../delete-messages.js";
import { CommandFailedError, exitCodes, UsageError } from "../errors.js";
import { write } from "../io.js";
import { filtersOf, integerOf, orderOf } from "../selection.js";

// A delete selects by filters only.
const { search: _search, ...deleteSelection } = selectionOptions;

export const deleteCommand: Command = {
  name: "delete",
  summary: "delete matching logs, after a preview and a confirmation",
  usage:
    "aigw-logs delete [--filter F]... [--since T] [--until T] [--limit N] [--dry-run] [--yes] [--all]",
  details: [
    'First counts the matching logs and prints "N logs match ..." on stderr; that count also',
    "checks that the API applies the filters (exit 1 and nothing deleted when it does not).",
    "Then asks on a terminal; without a terminal on stdin, --yes is required. Deletes at most",
    "the number counted (oldest first unless --order-by/--desc say otherwise) and prints",
    '"Deleted N logs (M still match)." on stdout. Without filters it refuses unless --all.',
    `--order-by takes ${deleteOrderKeys.slice(0, 6).join(", ")},`,
    `${deleteOrderKeys.slice(6).join(", ")}.`,
  ],
  examples: [
    "aigw-logs delete --filter success=false --until 30d --dry-run",
    "aigw-logs delete --filter model=gpt-4o --since 2h",
    "aigw-logs delete --until 90d --yes --format json",
    "aigw-logs delete --all --limit 1000 --yes",
  ],
  options: {
    ...connectionOptions,
    ...deleteSelection,
    limit: { type: "string", description: "delete at most N logs" },
    "order-by": {
      type: "string",
      description: "which go first with --limit: created_at (default), cost, duration, ... (below)",
    },
    asc: { type: "boolean", description: "oldest first (the default)" },
    desc: { type: "boolean", description: "newest first" },
    all: {
      type: "boolean",
      description: "allow deleting without filters: every log of the gateway",
    },
    "dry-run": { type: "boolean", description: "count and check only; delete nothing" },
    yes: { type: "boolean", short: "y", description: "delete without asking" },
    "trust-filters": {
      type: "boolean",
      description: "delete when the filters cannot be checked on listed logs (metadata, event_id)",
    },
    format: { type: "string", description: "the summary as text (default) or json" },
  },
  async run(values, positionals, context) {
    if (positionals.length > 0) {
      throw new UsageError(
        "delete takes no log ids: it deletes the logs that match the filters.",
        "Choose logs with --filter id=ID,ID2 (or --since, --until).",
      );
    }
    const format = summaryFormatOf(values.format);
    const filters = filtersOf(values);
    const limit = integerOf(values, "limit", 1);
    const call: DeleteOptions = {
      filters,
      ...orderOf(values, deleteOrderKeys),
      all: Boolean(values.all),
      trustFilters: Boolean(values["trust-filters"]),
      signal: context.signal,
    };
    if (filters.length === 0 && !values.all) {
      throw new UsageError(
        "Refusing to delete without filters.",
        "Choose logs with --filter, --since or --until, or pass --all to delete every log.",
      );
    }
    const logs = await context.client();
    const preview = await guard(false, () => logs.delete({ ...call, limit, dryRun: true }));
    const toDelete = Math.min(preview.matched, limit ?? Number.POSITIVE_INFINITY);
    await write(context.io.stderr, previewLine(preview.matched, selectionText(values), limit));
    if (values["dry-run"] || toDelete === 0) {
      const report = { ...preview, dryRun: Boolean(values["dry-run"]) };
      await write(context.io.stdout, summaryOf(report, toDelete, format));
      return exitCodes.ok;
    }
    if (!(await confirmed(values.yes === true, toDelete, context))) {
      await write(context.io.stderr, "Nothing deleted.\n");
      return exitCodes.api;
    }
    return remove(logs, { ...call, limit: toDelete }, format, context);
  },
};

/** Deletes what the preview counted, no more: logs that arrive meanwhile are not confirmed. */
async function remove(
  logs: AiGatewayLogs,
  call: DeleteOptions,
  format: SummaryFormat,
  context: Context,
): Promise<number> {
  const report = await guard(true, () => logs.delete(call));
  await write(context.io.stdout, summaryOf(report, report.deleted, format));
  return exitCodes.ok;
}

async function confirmed(yes: boolean, count: number, context: Context): Promise<boolean> {
  if (yes) return true;
  if (!context.io.stdin.isTTY) {
    throw new UsageError(
      "Refusing to delete without confirmation: stdin is not a terminal to ask on; pass --yes to delete without a prompt.",
    );
  }
  return confirm(context.io, question(count), context.signal);
}

/** Runs a delete call; filters the API ignored end the command with exit 1 and a hint. */
async function guard(
  deleting: boolean,
  action: () => Promise<DeleteReport>,
): Promise<DeleteReport> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof FiltersIgnoredError)) throw error;
    throw new CommandFailedError(error.message, filtersIgnoredHint(error, deleting));
  }
}

function summaryFormatOf(value: unknown): SummaryFormat {
  if (value === undefined || value === "text" || value === "json") return value ?? "text";
  throw new UsageError(`--format ${JSON.stringify(value)}: delete prints text or json.`);
}
