import type { LogPatch } from "../index.js";
import type { Values } from "./command.js";
import { UsageError } from "./errors.js";

type MetadataValue = string | number | boolean;

/** The PATCH body that --feedback, --score, --metadata and --metadata-clear ask for, checked. */
export function patchOf(values: Values): LogPatch {
  const patch: LogPatch = {};
  if (values.feedback !== undefined) patch.feedback = feedbackOf(String(values.feedback));
  if (values.score !== undefined) patch.score = scoreOf(String(values.score));
  const pairs = (values.metadata as string[] | undefined) ?? [];
  if (values["metadata-clear"]) {
    if (pairs.length > 0) throw new UsageError("Give --metadata or --metadata-clear, not both.");
    patch.metadata = null;
  } else if (pairs.length > 0) {
    patch.metadata = metadataOf(pairs);
  }
  if (Object.keys(patch).length === 0) {
    throw new UsageError(
      "Nothing to update.",
      "Give --feedback, --score, --metadata or --metadata-clear.",
    );
  }
  return patch;
}

function feedbackOf(text: string): number | null {
  if (text === "null") return null;
  if (text === "1" || text === "0" || text === "-1") return Number(text);
  throw new UsageError(
    `--feedback ${JSON.stringify(text)}: use 1 (good), -1 (bad), 0 or null (clear).`,
  );
}

// Plain decimals only: "", "0x10" and "1e400" are not what anyone means by a score.
const decimal = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function scoreOf(text: string): number | null {
  if (text === "null") return null;
  const score = Number(text);
  if (!decimal.test(text) || !Number.isFinite(score) || score < 0 || score > 100)
    throw new UsageError(`--score ${JSON.stringify(text)}: use a number from 0 to 100, or null.`);
  return score;
}

function metadataOf(pairs: readonly string[]): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const key = pair.slice(0, at).trim();
    if (at < 1 || key === "")
      throw new UsageError(`--metadata ${JSON.stringify(pair)}: expected KEY=VALUE.`);
    if (Object.hasOwn(metadata, key))
      throw new UsageError(`--metadata: the key ${JSON.stringify(key)} is given twice.`);
    metadata[key] = metadataValueOf(pair.slice(at + 1));
  }
  return metadata;
}

/**
 * `true`/`false` are booleans and plain decimals numbers; anything else is text, as is text in
 * double quotes (`zip="02134"`). Numbers that would change on the way (`007`, integers past 2^53)
 * stay text.
 */
export function metadataValueOf(text: string): MetadataValue {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  if (!decimal.test(text)) return text;
  const number = Number(text);
  const isInteger = /^-?\d+$/.test(text);
  if (!Number.isFinite(number) || (isInteger && !Number.isSafeInteger(number))) return text;
  return number;
}
