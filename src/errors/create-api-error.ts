import type { CloudflareMessage } from "../types.js";
import { redactText } from "../redact.js";
import { parseRetryAfter } from "../retry/policy.js";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  type ApiErrorDetails,
} from "./api-error.js";

const classByStatus: Record<number, new (details: ApiErrorDetails) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
};

/**
 * The error for an answer with an error status, from its (already parsed) body and headers.
 * Whatever the server said is scrubbed of the credentials before it becomes part of the error.
 */
export function createApiError(
  request: { method: string; url: string },
  response: { status: number; statusText: string; headers: Headers },
  body: unknown,
  secrets: readonly string[],
): ApiError {
  const scrub = (list: CloudflareMessage[]) =>
    list.map((m) => ({ ...m, message: redactText(m.message, secrets) }));
  const details: ApiErrorDetails = {
    status: response.status,
    statusText: response.statusText,
    method: request.method,
    path: new URL(request.url).pathname,
    errors: scrub(messagesOf(body, "errors")),
    messages: scrub(messagesOf(body, "messages")),
    cfRay: response.headers.get("cf-ray") ?? undefined,
  };
  if (response.status === 429)
    return new RateLimitError(details, parseRetryAfter(response.headers));
  if (response.status >= 500) return new ServerError(details);
  const ErrorClass = classByStatus[response.status] ?? ApiError;
  return new ErrorClass(details);
}

function messagesOf(body: unknown, field: "errors" | "messages"): CloudflareMessage[] {
  const list = (body as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(list)) {
    return field === "errors" && typeof body === "string" && body
      ? [{ message: body.slice(0, 200) }]
      : [];
  }
  return list
    .filter((m): m is Record<string, unknown> => typeof m === "object" && m !== null)
    .map((m) => ({
      message: typeof m.message === "string" ? m.message : JSON.stringify(m),
      ...(typeof m.code === "number" ? { code: m.code } : {}),
      ...(typeof m.documentation_url === "string"
        ? { documentation_url: m.documentation_url }
        : {}),
    }));
}
