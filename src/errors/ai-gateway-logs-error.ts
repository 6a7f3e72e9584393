/** The base of every error this library throws; `code` is stable and safe to branch on. */
export class AiGatewayLogsError extends Error {
  // Spelled out in every class, not read from the constructor: minifiers rename classes.
  override readonly name: string = "AiGatewayLogsError";
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /** What `JSON.stringify` shows: the fields, the message, and the (already redacted) cause. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message, cause: this.cause };
  }
}
