import { AiGatewayLogsError } from "./ai-gateway-logs-error.js";

/** The request never got an answer: DNS, refused or reset connection, truncated body. */
export class ConnectionError extends AiGatewayLogsError {
  override readonly name: string = "ConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("connection", message, options);
  }
}

/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends AiGatewayLogsError {
  override readonly name: string = "TimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super("timeout", message);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends AiGatewayLogsError {
  override readonly name: string = "AbortError";
  constructor(message = "The request was aborted.", options?: { cause?: unknown }) {
    super("aborted", message, options);
  }
}

/** Bad input caught before any request was sent. */
export class ValidationError extends AiGatewayLogsError {
  override readonly name: string = "ValidationError";
  constructor(message: string) {
    super("validation", message);
  }
}
