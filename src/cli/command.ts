import type { ParseArgsConfig } from "node:util";
import type { Context } from "./context.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `aigw-logs <name>`: its help text, its options, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Extra lines of help after the options. */
  details?: string[];
  examples: string[];
  options: DescribedOptions;
  run(values: Values, positionals: string[], context: Context): Promise<number>;
}

/** Options every command that talks to the API takes. */
export const connectionOptions = {
  gateway: { type: "string", description: "gateway id (default: $CLOUDFLARE_GATEWAY_ID)" },
  "base-url": { type: "string", description: "API base URL (default: Cloudflare's)" },
  sandbox: { type: "boolean", description: "work against an embedded sandbox with seeded logs" },
  debug: { type: "boolean", description: "print stack traces on failure" },
  help: { type: "boolean", short: "h", description: "show this help" },
} as const satisfies Record<string, Options[string] & { description: string }>;

/** Options that choose which logs. */
export const selectionOptions = {
  filter: {
    type: "string",
    multiple: true,
    description: "KEY=V1,V2 KEY!=V KEY~TEXT KEY<N KEY>N (repeatable)",
  },
  since: { type: "string", description: "only logs newer than this: 15m, 2h, 7d or an ISO date" },
  until: { type: "string", description: "only logs older than this" },
  search: { type: "string", description: "free-text search" },
} as const satisfies Record<string, Options[string] & { description: string }>;

/** Options that shape output. */
export const outputOptions = {
  format: {
    type: "string",
    description: "table, json, jsonl or csv (default: table on a terminal, else jsonl)",
  },
  fields: { type: "string", description: "comma-separated fields to show" },
} as const satisfies Record<string, Options[string] & { description: string }>;

export type DescribedOptions = Record<string, Options[string] & { description?: string }>;
