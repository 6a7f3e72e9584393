import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ApiError, errorCodes } from "./envelope.js";

export interface Credentials {
  token: string;
  email: string;
  apiKey: string;
}

/** Which of the two schemes a request used. */
export type Principal = "api_token" | "api_key";

const authError = () => new ApiError(401, errorCodes.auth, "Authentication error");

/**
 * Checks `Authorization: Bearer <token>`, or `X-Auth-Email` with `X-Auth-Key`, as Cloudflare
 * does. Messages never contain what was presented: a wrong token must not be echoed.
 */
export function authenticate(headers: IncomingHttpHeaders, expected: Credentials): Principal {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) {
      throw new ApiError(
        401,
        errorCodes.auth,
        'Authentication error: Authorization must be "Bearer <API token>"',
      );
    }
    if (!sameSecret(match[1] as string, expected.token)) throw authError();
    return "api_token";
  }
  const email = single(headers["x-auth-email"]);
  const key = single(headers["x-auth-key"]);
  if (email === undefined && key === undefined) throw authError();
  if (email === undefined || key === undefined) {
    throw new ApiError(
      401,
      errorCodes.auth,
      "Authentication error: X-Auth-Email and X-Auth-Key must be sent together",
    );
  }
  const emailMatches = email.trim().toLowerCase() === expected.email.toLowerCase();
  if (!sameSecret(key.trim(), expected.apiKey) || !emailMatches) throw authError();
  return "api_key";
}

/** 403: the credentials are valid, but the account is not one of theirs. */
export function forbidden(): ApiError {
  return new ApiError(403, errorCodes.auth, "Authentication error: no access to this account");
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Compares digests, so the time taken says nothing about how much of a secret was right.
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
