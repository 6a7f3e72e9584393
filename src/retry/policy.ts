// Pure decisions about retrying: which failures, after how long. The loop lives in fetch.ts.

export interface RetryPolicy {
  maxRetries: number;
  /** A Retry-After longer than this is not waited out: the call fails at once instead. */
  maxRetryAfterMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What went wrong with one attempt. */
export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfterMs: number | undefined }
  | { kind: "network"; refused: boolean }
  | { kind: "timeout" };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: "not-retryable" | "retries-exhausted" | "retry-after-too-long" };

const retryableStatuses = new Set([408, 409, 429]);

/**
 * Whether to try again after a failed attempt (0-based), and after how long. DELETE removes "up to
 * limit" logs, so a replay after an ambiguous failure could remove more than asked: it is retried
 * only when the server certainly did not act (a 429, a refused connection).
 */
export function decideRetry(
  method: string,
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  if (!isRetryable(method, outcome)) return { retry: false, reason: "not-retryable" };
  const retryAfterMs = outcome.kind === "response" ? outcome.retryAfterMs : undefined;
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, reason: "retry-after-too-long" };
  }
  if (attempt >= policy.maxRetries) return { retry: false, reason: "retries-exhausted" };
  if (retryAfterMs !== undefined) return { retry: true, delayMs: retryAfterMs };
  return { retry: true, delayMs: backoffDelay(attempt, policy, random) };
}

function isRetryable(method: string, outcome: AttemptOutcome): boolean {
  const isDelete = method.toUpperCase() === "DELETE";
  switch (outcome.kind) {
    case "response":
      if (isDelete) return outcome.status === 429;
      return retryableStatuses.has(outcome.status) || outcome.status >= 500;
    case "network":
      return !isDelete || outcome.refused;
    case "timeout":
      return !isDelete;
  }
}

/** Exponential backoff with full jitter: a random delay up to base * 2^attempt, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * How long the server asked to wait, in ms: `retry-after-ms`, then `Retry-After` as seconds or as
 * an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = Number(headers.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
