// Wire shapes of the Logs API as the sandbox serves them, from the spec's generated types.
import type { components } from "../../generated/schema.js";

type Schemas = components["schemas"];

/** A log as `GET /logs` lists it: the spec's `Log`, with every field present, as the sandbox sends it. */
export type GatewayLog = Required<Schemas["Log"]>;

/** A log as `GET /logs/{id}` returns it: the list fields and the six head and size fields. */
export type GatewayLogDetail = Required<Schemas["LogDetail"]>;

/**
 * Fields the API filters on but never returns (`event_id`, `user_agent`, ...), plus the
 * feedback and score that `PATCH` sets. The sandbox keeps them so every filter key works.
 */
export interface HiddenLogFields {
  event_id: string;
  user_agent: string;
  authentication: boolean;
  wholesale: boolean;
  compatibilityMode: boolean;
  dlp_action: string | null;
  feedback: number | null;
  score: number | null;
}

/** Everything the sandbox knows about a log, as `store.get` and `store.list` return it. */
export type SandboxLog = GatewayLog & HiddenLogFields;

/** What `store.insert` and the `logs` option accept: any subset; the rest gets defaults. */
export type SandboxLogInput = Partial<SandboxLog> & {
  /** False makes `/request` and `/response` answer 404, as for a gateway that does not store payloads. */
  payload_stored?: boolean;
};

/** A stored request or response body, served as is by `/request` and `/response`. */
export interface StoredPayload {
  contentType: string;
  body: string | Uint8Array;
}

/** One filter of the `filters` query parameter (a JSON array of these). */
export type WireFilter = Schemas["Filter"];

/** The body of `PATCH /logs/{id}`. */
export type LogPatch = Schemas["LogPatch"];
