// Cloudflare's v4 envelope, and the error codes the sandbox answers with.

/** Cloudflare error codes by meaning. 7xxx are routing and input errors, 10000 is auth. */
export const errorCodes = {
  noRoute: 7000,
  validation: 7001,
  notFound: 7002,
  invalidIdentifier: 7003,
  auth: 10000,
  rateLimited: 971,
  internal: 10001,
} as const;

export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
  [aggregate: string]: number;
}

export function successEnvelope(result: unknown, resultInfo?: ResultInfo) {
  return resultInfo === undefined
    ? { success: true, errors: [], messages: [], result }
    : { success: true, errors: [], messages: [], result, result_info: resultInfo };
}

export function errorEnvelope(code: number, message: string) {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

/** An error a handler throws to answer with an error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** 400, code 7001: the message names the parameter and what was wrong with it. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, errorCodes.validation, message);
}

export function notFound(message = "Not Found"): ApiError {
  return new ApiError(404, errorCodes.notFound, message);
}

/**
 * `DELETE /logs` answers `{ "success": true }` and nothing else: Cloudflare's schema has
 * `success` only, no result and no count of what was deleted.
 */
export function deletedEnvelope() {
  return { success: true };
}
