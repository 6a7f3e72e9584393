import { connectionOptions, outputOptions, type Command } from "../command.js";
import { UsageError } from "../errors.js";
import { parseFields } from "../format/fields.js";
import { chooseFormat, renderLogs } from "../format/logs-output.js";
import { logDetailColumns } from "../../index.js";

import { write } from "../io.js";

export const get: Command = {
  name: "get",
  summary: "show one log in detail",
  usage: "aigw-logs get <id> [--format table|json|jsonl|csv]",
  examples: [
    "aigw-logs get 01936f2e-8c4a-7b3e-9f1d-2a6b8c0d4e5f",
    "aigw-logs get <id> --format json",
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
      const shown = fields ?? Object.keys(log);
      const width = Math.max(...shown.map((f) => f.length));
      const record = log as Record<string, unknown>;
      const lines = shown.map(
        (f) =>
          `${f.padEnd(width)}  ${record[f] === undefined || record[f] === null ? "" : String(record[f])}`,
      );
      await write(context.io.stdout, `${lines.join("\n")}\n`);
    } else {
      const text =
        format === "json"
          ? `${JSON.stringify(log, null, 2)}\n`
          : renderLogs([log], format, fields, 0);
      await write(context.io.stdout, text);
    }
    return 0;
  },
};
