import { errorCodes, errorEnvelope, successEnvelope } from "./envelope.js";
import { jsonResponse, type SandboxResponse } from "./response.js";

const statusMessages: Record<number, [number, string]> = {
  400: [errorCodes.validation, "Bad Request"],
  401: [errorCodes.auth, "Authentication error"],
  403: [errorCodes.auth, "Authentication error"],
  404: [errorCodes.notFound, "Not Found"],
  429: [errorCodes.rateLimited, "Please wait and consider throttling your request speed"],
  500: [errorCodes.internal, "Internal server error"],
  502: [errorCodes.internal, "Bad gateway"],
  503: [errorCodes.internal, "Service temporarily unavailable"],
  504: [errorCodes.internal, "Gateway timeout"],
};

/** The answer a fault forces: Cloudflare's envelope for that status, or the body given. */
export function faultResponse(
  status: number,
  headers: Record<string, string>,
  body?: string,
): SandboxResponse {
  const lowered = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (body !== undefined) {
    const contentType = body.trimStart().startsWith("<") ? "text/html" : "text/plain";
    return { status, headers: { "content-type": contentType, ...lowered }, body };
  }
  if (status < 400) return jsonResponse(status, successEnvelope(null), lowered);
  const [code, message] =
    statusMessages[status] ??
    (status >= 500
      ? [errorCodes.internal, "Internal server error"]
      : [errorCodes.validation, "Error"]);
  return jsonResponse(status, errorEnvelope(code, message), lowered);
}
