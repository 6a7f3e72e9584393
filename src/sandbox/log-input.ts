import { timeOfId, uuidv7 } from "./ids.js";
import type { Random } from "./random.js";
import { generateLog } from "./seed.js";
import { StoredLog } from "./stored-log.js";
import type { SandboxLogInput } from "./types.js";

// The fields of SandboxLog that map one to one onto a stored log.
const settable = new Set([
  "provider",
  "model",
  "model_type",
  "path",
  "duration",
  "success",
  "cached",
  "tokens_in",
  "tokens_out",
  "cost",
  "custom_cost",
  "metadata",
  "request_content_type",
  "response_content_type",
  "request_type",
  "status_code",
  "step",
  "event_id",
  "user_agent",
  "authentication",
  "wholesale",
  "compatibilityMode",
  "dlp_action",
  "feedback",
  "score",
]);

/**
 * A stored log from a partial one: the fields given win; the others come from a realistic
 * seeded log created at the same time. `created_at` defaults to the id's own time, else now.
 */
export function logFromInput(input: SandboxLogInput, random: Random, nowMs: number): StoredLog {
  const createdMs = createdMsOf(input, nowMs);
  const log = generateLog(random, createdMs, nowMs);
  log.id = input.id ?? uuidv7(createdMs, random);
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === "id" || key === "created_at") continue;
    if (key === "payload_stored") log.payloadStored = Boolean(value);
    else if (settable.has(key)) (log as unknown as Record<string, unknown>)[key] = value;
    else throw new TypeError(`Unknown log field "${key}"`);
  }
  return log;
}

function createdMsOf(input: SandboxLogInput, nowMs: number): number {
  if (input.created_at !== undefined) {
    const ms = Date.parse(input.created_at);
    if (Number.isNaN(ms)) throw new TypeError(`created_at is not a date: ${input.created_at}`);
    return ms;
  }
  return (input.id === undefined ? undefined : timeOfId(input.id)) ?? nowMs;
}
