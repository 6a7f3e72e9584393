import { listOrderKeys, type Log } from "../../index.js";
import { connectionOptions, outputOptions, selectionOptions, type Command } from "../command.js";
import { UsageError } from "../errors.js";
import { parseFields } from "../format/fields.js";
import { chooseFormat, renderLogs } from "../format/logs-output.js";
import { outputWidth, write } from "../io.js";
import { filtersOf, integerOf, orderOf, orderOptions } from "../selection.js";

export const list: Command = {
  name: "list",
  summary: "list logs: one page, or all of them",
  usage: "aigw-logs list [--filter F]... [--since T] [--page N] [--per-page N] [--all | --limit N]",
  examples: [
    "aigw-logs list --sandbox",
    "aigw-logs list --filter model=gpt-4o,gpt-4o-mini --since 2h",
    "aigw-logs list --filter success=false --all --format csv > failures.csv",
    "aigw-logs list --filter cost>0.01 --order-by model --asc --fields id,model,cost",
  ],
  options: {
    ...connectionOptions,
    ...selectionOptions,
    ...orderOptions,
    ...outputOptions,
    page: { type: "string", description: "page number (default 1)" },
    "per-page": { type: "string", description: "logs per page, 1-50 (default 20)" },
    all: { type: "boolean", description: "every matching log, page after page" },
    limit: { type: "string", description: "at most N logs, page after page" },
  },
  async run(values, _positionals, context) {
    const format = chooseFormat(values.format, context.io);
    const fields = parseFields(values.fields as string | undefined);
    const filters = filtersOf(values);
    const order = orderOf(values, listOrderKeys);
    const limit = integerOf(values, "limit", 1);
    const perPage = integerOf(values, "per-page", 1, 50);
    const page = integerOf(values, "page", 1);
    if ((values.all || limit !== undefined) && page !== undefined)
      throw new UsageError("--page goes with one page; not with --all or --limit.");
    const logs = await context.client();
    const search = values.search as string | undefined;
    const call = { filters, search, ...order, signal: context.signal };
    let found: Log[];
    if (values.all || limit !== undefined) {
      found = [];
      for await (const log of logs.iterate({ ...call, perPage: perPage ?? 50 })) {
        found.push(log);
        if (limit !== undefined && found.length >= limit) break;
      }
    } else {
      found = (await logs.list({ ...call, page, perPage })).logs;
    }
    // A table fits the terminal; piped, nothing is cut.
    await write(context.io.stdout, renderLogs(found, format, fields, outputWidth(context.io)));
    return 0;
  },
};
