import type { CloudflareMessage } from "../types.js";
import { AiGatewayLogsError } from "./ai-gateway-logs-error.js";

export interface ApiErrorDetails {
  status: number;
  statusText: string;
  method: string;
  path: string;
  errors: CloudflareMessage[];
  messages: CloudflareMessage[];
  cfRay: string | undefined;
}

/** The API answered with an error status. Subclasses name the statuses users act on. */
export class ApiError extends AiGatewayLogsError {
  override readonly name: string = "ApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** Cloudflare's `errors[]`: `{ code, message }` items. */
  readonly errors: CloudflareMessage[];
  readonly messages: CloudflareMessage[];
  /** The `cf-ray` header, which Cloudflare support asks for. */
  readonly cfRay: string | undefined;

  constructor(details: ApiErrorDetails, code = "api_error") {
    super(code, describe(details));
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.errors = details.errors;
    this.messages = details.messages;
    this.cfRay = details.cfRay;
  }
}

function describe({ method, path, status, statusText, errors }: ApiErrorDetails): string {
  const reasons = errors.map((e) =>
    e.code === undefined ? e.message : `${e.message} (code ${e.code})`,
  );
  const said = reasons.length > 0 ? `: ${reasons.join("; ")}` : "";
  return `${method} ${path} failed with ${status}${statusText ? ` ${statusText}` : ""}${said}.`;
}

/** 400: the request was malformed or a value was out of bounds. */
export class BadRequestError extends ApiError {
  override readonly name: string = "BadRequestError";
  constructor(details: ApiErrorDetails) {
    super(details, "bad_request");
  }
}

/** 401: no credentials, or credentials Cloudflare does not accept. */
export class AuthenticationError extends ApiError {
  override readonly name: string = "AuthenticationError";
  constructor(details: ApiErrorDetails) {
    super(details, "authentication");
  }
}

/** 403: the credentials lack access to this account or operation. */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = "PermissionDeniedError";
  constructor(details: ApiErrorDetails) {
    super(details, "permission_denied");
  }
}

/** 404: no such log, gateway or account (Cloudflare code 7002 for a log). */
export class NotFoundError extends ApiError {
  override readonly name: string = "NotFoundError";
  constructor(details: ApiErrorDetails) {
    super(details, "not_found");
  }
}

/** 429: the rate limit was hit; `retryAfterMs` is how long the API asked to wait. */
export class RateLimitError extends ApiError {
  override readonly name: string = "RateLimitError";
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, retryAfterMs: number | undefined) {
    super(details, "rate_limited");
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx: Cloudflare failed; retried automatically before it reaches you. */
export class ServerError extends ApiError {
  override readonly name: string = "ServerError";
  constructor(details: ApiErrorDetails) {
    super(details, "server_error");
  }
}
