import { NotFoundError } from "../errors/api-error.js";
import type { Payload } from "../payload.js";
import type { Log } from "../types.js";
import { orderedPool } from "./ordered-pool.js";

/** A stored body as an export carries it: bytes as base64, so every format can hold it. */
export type ExportedPayload =
  | { kind: "json"; contentType: string; body: unknown }
  | { kind: "text"; contentType: string; body: string }
  | { kind: "base64"; contentType: string; body: string };

export type LogWithPayloads = Log & {
  request_payload: ExportedPayload | null;
  response_payload: ExportedPayload | null;
};

export const payloadColumns = ["request_payload", "response_payload"] as const;

type Fetch = (id: string) => Promise<Payload>;

/** Adds both stored bodies to each log, `concurrency` logs at a time; a body not stored is null. */
export async function attachPayloads(
  logs: Log[],
  fetchers: { request: Fetch; response: Fetch },
  concurrency: number,
): Promise<LogWithPayloads[]> {
  const out: LogWithPayloads[] = [];
  const pool = orderedPool(
    0,
    logs.length - 1,
    { concurrency, window: concurrency * 2 },
    async (i) => {
      const log = logs[i]!;
      const [request, response] = await Promise.all([
        readOrNull(fetchers.request, log.id),
        readOrNull(fetchers.response, log.id),
      ]);
      return { ...log, request_payload: request, response_payload: response };
    },
  );
  for await (const log of pool) out.push(log);
  return out;
}

async function readOrNull(fetch: Fetch, id: string): Promise<ExportedPayload | null> {
  try {
    const payload = await fetch(id);
    return payload.kind === "bytes"
      ? { kind: "base64", contentType: payload.contentType, body: toBase64(payload.body) }
      : payload;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

// btoa exists in every runtime the library targets; it wants a binary string.
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
