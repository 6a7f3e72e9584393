import { logDetailColumns } from "../../index.js";
import { connectionOptions, outputOptions, type Command } from "../command.js";
import { exitCodes, UsageError } from "../errors.js";
import { parseFields } from "../format/fields.js";
import { chooseFormat } from "../format/logs-output.js";
import { write } from "../io.js";
import { describeUpdate, renderUpdatedLog } from "../update-output.js";
import { patchOf } from "../update-patch.js";

export const update: Command = {
  name: "update",
  summary: "set the feedback, score or metadata of a log",
  usage:
    "aigw-logs update <id> [--feedback 1|0|-1|null] [--score N|null] [--metadata KEY=VALUE]... [--metadata-clear]",
  details: [
    "--metadata values: true and false are booleans, plain decimals are numbers, anything else",
    "is text; quote to keep a number as text: --metadata 'zip=\"02134\"'. The metadata given",
    "replaces the log's metadata: Cloudflare does not promise to merge, so send every key to keep.",
    "Prints a one-line confirmation on a terminal, else the updated log as read back (JSON",
    "Lines unless --format says otherwise). Checks the values before sending anything.",
  ],
  examples: [
    "aigw-logs update <id> --feedback 1 --score 92",
    "aigw-logs update <id> --feedback -1 --metadata reviewed=true --metadata reviewer=alice",
    "aigw-logs update <id> --score null --metadata-clear",
    "aigw-logs update <id> --metadata tier=gold --format json",
  ],
  options: {
    ...connectionOptions,
    ...outputOptions,
    feedback: { type: "string", description: "1 (good), -1 (bad), 0, or null to clear" },
    score: { type: "string", description: "a number from 0 to 100, or null to clear" },
    metadata: {
      type: "string",
      multiple: true,
      description: "KEY=VALUE (repeatable): the log's metadata, replaced as a whole",
    },
    "metadata-clear": { type: "boolean", description: "remove the log's metadata" },
  },
  async run(values, positionals, context) {
    const [id, ...extra] = positionals;
    if (!id || extra.length > 0)
      throw new UsageError("update takes one log id.", "aigw-logs update <id> --feedback 1");
    const patch = patchOf(values);
    const { io } = context;
    const confirmOnly = values.format === undefined && io.stdout.isTTY;
    const format = chooseFormat(values.format, io);
    const fields = parseFields(values.fields as string | undefined, logDetailColumns);
    const logs = await context.client();
    const call = { signal: context.signal };
    await logs.update(id, patch, call);
    if (confirmOnly) {
      await write(io.stdout, describeUpdate(id, patch));
      return exitCodes.ok;
    }
    // Cloudflare documents no fields for PATCH's answer: read the log back.
    const text = renderUpdatedLog(await logs.get(id, call), format, fields);
    await write(io.stdout, text);
    return exitCodes.ok;
  },
};
