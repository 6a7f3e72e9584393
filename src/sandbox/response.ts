import { ApiError, errorEnvelope } from "./envelope.js";

/** What a handler answers, before the server sends it (whole, or cut short by a fault). */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export function jsonResponse(status: number, value: unknown, headers = {}): SandboxResponse {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(value),
  };
}

export function errorResponse(error: ApiError): SandboxResponse {
  return jsonResponse(error.status, errorEnvelope(error.code, error.message), error.headers);
}
