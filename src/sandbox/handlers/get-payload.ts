import type { PayloadKind } from "../gateway-logs.js";
import { notFound } from "../envelope.js";
import { payloadOf } from "../payloads.js";
import type { Handler } from "./context.js";
import { findLog } from "./get-log.js";

/**
 * `GET /logs/{id}/request` and `/response`: the stored payload itself, not in an envelope,
 * with its own content type (JSON, an SSE stream, image bytes, text).
 */
export function getPayload(kind: PayloadKind): Handler {
  return ({ logs, params }) => {
    const log = findLog(logs, params.id);
    const payload = payloadOf(logs, log, kind);
    if (!payload) throw notFound(`Not Found: the ${kind} payload of this log was not stored`);
    return { status: 200, headers: { "content-type": payload.contentType }, body: payload.body };
  };
}
