// Request and response payloads, made on demand from the log (its id picks the content), so a
// million logs hold no payload in memory; the store keeps only explicit overrides.
import type { GatewayLogs, PayloadKind } from "./gateway-logs.js";
import { conversationOf, isJson, requestBodyOf } from "./payload-format.js";
import { eventStreamOf, responseBodyOf } from "./payload-response.js";
import { renderPng } from "./png.js";
import { toGatewayLog, type StoredLog } from "./stored-log.js";
import type { GatewayLogDetail, StoredPayload } from "./types.js";

/** The payload `/request` or `/response` serves, or null when it was not stored. */
export function payloadOf(
  logs: GatewayLogs,
  log: StoredLog,
  kind: PayloadKind,
): StoredPayload | null {
  const override = logs.payloadOverride(log.id, kind);
  if (override !== undefined) return override;
  if (!log.payloadStored) return null;
  return kind === "request" ? requestPayload(log) : responsePayload(log);
}

function requestPayload(log: StoredLog): StoredPayload {
  const contentType = log.request_content_type;
  const body = isJson(contentType)
    ? JSON.stringify(requestBodyOf(log))
    : conversationOf(log).prompt;
  return { contentType, body };
}

function responsePayload(log: StoredLog): StoredPayload {
  const contentType = log.response_content_type;
  if (contentType.startsWith("text/event-stream")) return { contentType, body: eventStreamOf(log) };
  if (contentType.startsWith("image/"))
    return { contentType, body: renderPng(conversationOf(log).hash) };
  if (isJson(contentType)) return { contentType, body: JSON.stringify(responseBodyOf(log)) };
  const upstreamFailure =
    "upstream connect error or disconnect/reset before headers. reset reason: overflow";
  return { contentType, body: log.success ? conversationOf(log).answer : upstreamFailure };
}

// How much of each body the detail shows; Cloudflare does not document its own cut-off.
const headLimitBytes = 256;

/** The first bytes of a body as text, cut on a character boundary; nothing for binary bodies. */
function headOf(payload: StoredPayload | null): { head: string; complete: boolean; size: number } {
  if (!payload) return { head: "", complete: false, size: 0 };
  const bytes = Buffer.from(payload.body);
  const textual = isJson(payload.contentType) || /^text\//i.test(payload.contentType);
  if (!textual) return { head: "", complete: false, size: bytes.length };
  let end = Math.min(bytes.length, headLimitBytes);
  // Step back over UTF-8 continuation bytes, so the head never ends in half a character.
  while (end < bytes.length && end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return {
    head: bytes.subarray(0, end).toString("utf8"),
    complete: end === bytes.length,
    size: bytes.length,
  };
}

/** The detail view: the list fields plus the head and size of both payloads (0 when not stored). */
export function toLogDetail(logs: GatewayLogs, log: StoredLog): GatewayLogDetail {
  const request = headOf(payloadOf(logs, log, "request"));
  const response = headOf(payloadOf(logs, log, "response"));
  return {
    ...toGatewayLog(log),
    request_head: request.head,
    request_head_complete: request.complete,
    request_size: request.size,
    response_head: response.head,
    response_head_complete: response.complete,
    response_size: response.size,
  };
}
