import type { Payload } from "../../index.js";
import { connectionOptions, type Command } from "../command.js";
import { exitCodes, UsageError } from "../errors.js";
import { write } from "../io.js";
import { byteLengthOf, renderPayload } from "../payload-render.js";
import { writeOutFile } from "../payload-write.js";

type Kind = "request" | "response";

/** `aigw-logs request <id>` and `aigw-logs response <id>`: one command, two bodies. */
function payloadCommand(kind: Kind): Command {
  return {
    name: kind,
    summary: `write the stored ${kind} body of a log to stdout or a file`,
    usage: `aigw-logs ${kind} <id> [--out FILE]`,
    details: [
      "Text (including server-sent events) and binary bodies are written exactly as stored.",
      "JSON is indented on a terminal; piped or with --out it is written compact, re-serialized",
      "from the parsed body (the same bytes as stored when it was stored compact).",
      "A binary body is never written to a terminal: use --out or a pipe.",
      "Exit 4 when the log is unknown or its body was not stored.",
    ],
    examples: [
      `aigw-logs ${kind} 01936f2e-8c4a-7b3e-9f1d-2a6b8c0d4e5f`,
      `aigw-logs ${kind} <id> | jq .`,
      `aigw-logs ${kind} <id> --out ${kind === "request" ? "request.json" : "answer.png"}`,
    ],
    options: {
      ...connectionOptions,
      out: {
        type: "string",
        description: "write the body to FILE, byte for byte (default: stdout)",
      },
    },
    async run(values, positionals, context) {
      const [id, ...extra] = positionals;
      if (!id || extra.length > 0)
        throw new UsageError(`${kind} takes one log id.`, `aigw-logs ${kind} <id>`);
      const out = values.out as string | undefined;
      const logs = await context.client();
      const call = { signal: context.signal };
      const payload = await (kind === "request"
        ? logs.getRequest(id, call)
        : logs.getResponse(id, call));
      const { stdout, stderr } = context.io;
      if (out !== undefined) {
        const data = renderPayload(payload, false);
        await writeOutFile(out, data);
        if (stderr.isTTY) await write(stderr, `${describe(payload, data)} written to ${out}.\n`);
        return exitCodes.ok;
      }
      const data = renderPayload(payload, Boolean(stdout.isTTY));
      if (payload.kind === "bytes" && stdout.isTTY) {
        throw new UsageError(
          `The ${kind} body of ${id} is binary (${describe(payload, data)}): not written to a terminal.`,
          `Pass --out FILE, or pipe it: aigw-logs ${kind} ${id} > FILE`,
        );
      }
      await write(stdout, data);
      return exitCodes.ok;
    },
  };
}

function describe(payload: Payload, data: string | Uint8Array): string {
  return `${byteLengthOf(data)} bytes of ${payload.contentType}`;
}

export const request = payloadCommand("request");
export const response = payloadCommand("response");
