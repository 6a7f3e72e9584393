import { connectionOptions, outputOptions, type Command } from "../command.js";
import { UsageError } from "../errors.js";
import { parseFields, pick } from "../format/fields.js";
import { chooseFormat, renderLogs } from "../format/logs-output.js";
import { logDetailColumns, type Log } from "../../index.js";
import { outputWidth, write, type Io } from "../io.js";

export const get: Command = {
  name: "get",
  summary: "show one log in detail",
  usage: "aigw-logs get <id> [--format table|json|jsonl|csv]",
  examples: [
    "aigw-logs get 01936f2e-8c4a-7b3e-9f1d-2a6b8c0d4e5f",
    "aigw-logs get <id> --format json",
    "aigw-logs get <id> --fields model,cost,duration,request_size,response_size",
  ],
  options: { ...connectionOptions, ...outputOptions },
  async run(values, positionals, context) {
    const [id, ...extra] = positionals;
    if (!id || extra.length > 0)
      throw new UsageError("get takes one log id.", "aigw-logs get <id>");
    const format = chooseFormat(values.format, context.io);
    const fields = parseFields(values.fields as string | undefined, logDetailColumns);
    const log = await (await context.client()).get(id, { signal: context.signal });
    if (format === "table") {
      await write(context.io.stdout, renderRecord(log, fields ?? Object.keys(log), context.io));
    } else {
      const text =
        format === "json"
          ? `${JSON.stringify(pick(log, fields), null, 2)}\n`
          : renderLogs(
              [log],
              format,
              fields ?? (format === "csv" ? logDetailColumns : undefined),
              0,
            );
      await write(context.io.stdout, text);
    }
    return 0;
  },
};

/** One "field  value" line each; on a terminal, long values (the payload heads) are cut to fit. */
function renderRecord(log: Log, fields: readonly string[], io: Io): string {
  const keyWidth = Math.max(...fields.map((f) => f.length));
  const room = Math.max(10, outputWidth(io) - keyWidth - 2);
  const record = log as Record<string, unknown>;
  const lines = fields.map((field) => {
    const value = record[field];
    const text = value === undefined || value === null ? "" : String(value).replace(/\s+/g, " ");
    const shown = text.length > room ? `${text.slice(0, room - 1)}…` : text;
    return `${field.padEnd(keyWidth)}  ${shown}`;
  });
  return `${lines.join("\n")}\n`;
}
