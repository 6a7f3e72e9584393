import type { Payload } from "../index.js";

/**
 * What to write for a stored body: bytes and text exactly as stored; JSON re-serialized, compact
 * (as the API stores it) for a pipe or a file, indented by two spaces for a person at a terminal.
 */
export function renderPayload(payload: Payload, pretty: boolean): string | Uint8Array {
  switch (payload.kind) {
    case "bytes":
    case "text":
      return payload.body;
    case "json":
      return pretty ? `${JSON.stringify(payload.body, null, 2)}\n` : JSON.stringify(payload.body);
  }
}

/** The size in bytes of what renderPayload gave. */
export function byteLengthOf(data: string | Uint8Array): number {
  return typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
}
