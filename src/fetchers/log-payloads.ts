import { logPathOf, type CallOptions, type Gateway } from "../gateway.js";
import { readPayload, type Payload } from "../payload.js";
import { request } from "../request.js";
import { logTemplate } from "../templates.js";

/** The stored request body of a log, read by its content type (JSON, text or bytes). */
export function getLogRequest(gateway: Gateway, id: string, call: CallOptions = {}) {
  return payload(gateway, `${logTemplate}/request`, id, call);
}

/** The stored response body of a log, read by its content type (JSON, text or bytes). */
export function getLogResponse(gateway: Gateway, id: string, call: CallOptions = {}) {
  return payload(gateway, `${logTemplate}/response`, id, call);
}

async function payload(
  gateway: Gateway,
  template: `${typeof logTemplate}/request` | `${typeof logTemplate}/response`,
  id: string,
  call: CallOptions,
): Promise<Payload> {
  const parts = { path: logPathOf(gateway, id, call), signal: call.signal };
  const answer = await request(gateway, "GET", template, parts);
  return readPayload(answer.bytes, answer.headers.get("content-type"));
}
