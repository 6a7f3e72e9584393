import { hashString } from "./random.js";
import type { GatewayLog, SandboxLog } from "./types.js";

/** The fields of a stored log: the wire fields with `created_at` kept as epoch milliseconds. */
export type StoredLogFields = Omit<SandboxLog, "created_at" | "event_id"> & {
  createdMs: number;
  /** null: derived from the id when asked for (see eventIdOf), saving a string per log. */
  event_id: string | null;
  payloadStored: boolean;
};

/**
 * One log in memory. A class (not object literals) so that every log shares one hidden class
 * and keeps its fields in-object, and its booleans packed into one number: a million logs must
 * fit in a few hundred megabytes.
 */
export class StoredLog {
  /** The seven booleans, one bit each (see flagBits); read and written through accessors. */
  flags = 0;
  id: string;
  createdMs: number;
  provider: string;
  model: string;
  model_type: string;
  path: string;
  duration: number;
  declare success: boolean;
  declare cached: boolean;
  tokens_in: number | null;
  tokens_out: number | null;
  cost: number;
  declare custom_cost: boolean;
  metadata: string;
  request_content_type: string;
  response_content_type: string;
  request_type: string;
  status_code: number;
  step: number;
  event_id: string | null;
  user_agent: string;
  declare authentication: boolean;
  declare wholesale: boolean;
  declare compatibilityMode: boolean;
  dlp_action: string | null;
  feedback: number | null;
  score: number | null;
  declare payloadStored: boolean;

  constructor(f: StoredLogFields) {
    this.id = f.id;
    this.createdMs = f.createdMs;
    this.provider = f.provider;
    this.model = f.model;
    this.model_type = f.model_type;
    this.path = f.path;
    this.duration = f.duration;
    this.success = f.success;
    this.cached = f.cached;
    this.tokens_in = f.tokens_in;
    this.tokens_out = f.tokens_out;
    this.cost = f.cost;
    this.custom_cost = f.custom_cost;
    this.metadata = f.metadata;
    this.request_content_type = f.request_content_type;
    this.response_content_type = f.response_content_type;
    this.request_type = f.request_type;
    this.status_code = f.status_code;
    this.step = f.step;
    this.event_id = f.event_id;
    this.user_agent = f.user_agent;
    this.authentication = f.authentication;
    this.wholesale = f.wholesale;
    this.compatibilityMode = f.compatibilityMode;
    this.dlp_action = f.dlp_action;
    this.feedback = f.feedback;
    this.score = f.score;
    this.payloadStored = f.payloadStored;
  }
}

const flagBits = {
  success: 1,
  cached: 2,
  custom_cost: 4,
  authentication: 8,
  wholesale: 16,
  compatibilityMode: 32,
  payloadStored: 64,
} as const;

for (const [name, bit] of Object.entries(flagBits)) {
  Object.defineProperty(StoredLog.prototype, name, {
    get(this: StoredLog) {
      return (this.flags & bit) !== 0;
    },
    set(this: StoredLog, value: boolean) {
      this.flags = value ? this.flags | bit : this.flags & ~bit;
    },
  });
}

/** The 19 list fields, in the order Cloudflare's schema lists them. */
export function toGatewayLog(log: StoredLog): GatewayLog {
  return {
    cached: log.cached,
    cost: log.cost,
    created_at: new Date(log.createdMs).toISOString(),
    custom_cost: log.custom_cost,
    duration: log.duration,
    id: log.id,
    metadata: log.metadata,
    model: log.model,
    model_type: log.model_type,
    path: log.path,
    provider: log.provider,
    request_content_type: log.request_content_type,
    request_type: log.request_type,
    response_content_type: log.response_content_type,
    status_code: log.status_code,
    step: log.step,
    success: log.success,
    tokens_in: log.tokens_in,
    tokens_out: log.tokens_out,
  };
}

/** The wire fields plus the hidden ones: what tests and users read through `store`. */
export function toSandboxLog(log: StoredLog): SandboxLog {
  return {
    ...toGatewayLog(log),
    event_id: eventIdOf(log),
    user_agent: log.user_agent,
    authentication: log.authentication,
    wholesale: log.wholesale,
    compatibilityMode: log.compatibilityMode,
    dlp_action: log.dlp_action,
    feedback: log.feedback,
    score: log.score,
  };
}

/** The log's event id: the one given, or 32 hex digits derived from its id. */
export function eventIdOf(log: StoredLog): string {
  if (log.event_id !== null) return log.event_id;
  const part = (salt: string) =>
    hashString(salt + log.id)
      .toString(16)
      .padStart(8, "0");
  return part("a") + part("b") + part("c") + part("d");
}
