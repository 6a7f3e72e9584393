import {
  AbortError,
  AiGatewayLogsError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from "../index.js";

/** The documented exit codes (README, `aigw-logs --help`). */
export const exitCodes = {
  ok: 0,
  api: 1,
  usage: 2,
  credentials: 3,
  notFound: 4,
  interrupted: 130,
} as const;

/** Bad command line or input: exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** Credentials missing or refused: exit 3. */
export class CredentialsError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "CredentialsError";
  }
}

/** A command that cannot go on and knows what the user should do next: exit 1 with its hint. */
export class CommandFailedError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "CommandFailedError";
  }
}

const credentialsHint =
  "Set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY) and CLOUDFLARE_ACCOUNT_ID, or try --sandbox.";

/** One readable line, a hint where one helps, and the exit code, for anything a command threw. */
export function describeFailure(error: unknown): {
  message: string;
  hint?: string;
  exitCode: number;
} {
  if (error instanceof UsageError)
    return { message: error.message, hint: error.hint, exitCode: exitCodes.usage };
  if (error instanceof CredentialsError) {
    return {
      message: error.message,
      hint: error.hint ?? credentialsHint,
      exitCode: exitCodes.credentials,
    };
  }
  if (error instanceof CommandFailedError)
    return { message: error.message, hint: error.hint, exitCode: exitCodes.api };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return { message: error.message, hint: credentialsHint, exitCode: exitCodes.credentials };
  }
  if (error instanceof NotFoundError)
    return { message: error.message, exitCode: exitCodes.notFound };
  if (error instanceof AbortError)
    return { message: "Interrupted.", exitCode: exitCodes.interrupted };
  if (error instanceof ValidationError)
    return { message: error.message, exitCode: exitCodes.usage };
  if (error instanceof AiGatewayLogsError)
    return { message: error.message, exitCode: exitCodes.api };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `Unexpected failure: ${message}`,
    hint: "Run again with --debug for details.",
    exitCode: exitCodes.api,
  };
}
