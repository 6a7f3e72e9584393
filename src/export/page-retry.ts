import { ApiError, RateLimitError } from "../errors/api-error.js";
import { ConnectionError, TimeoutError } from "../errors/request-errors.js";
import type { Sleep } from "../sleep.js";

/** Failures worth trying a page again for, once the client's own retries are spent. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (error instanceof RateLimitError) return true;
  return (
    error instanceof ApiError &&
    (error.status >= 500 || error.status === 408 || error.status === 409)
  );
}

/**
 * A long export should not die of a bad minute: a page that still fails after the client's
 * retries is tried again, up to `attempts` times, waiting Retry-After or a growing delay.
 */
export async function withPageRetries<T>(
  attempts: number,
  sleep: Sleep,
  signal: AbortSignal | undefined,
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const wait =
        error instanceof RateLimitError && error.retryAfterMs !== undefined
          ? error.retryAfterMs
          : Math.min(30_000, 1_000 * 2 ** (attempt - 1));
      await sleep(wait, signal);
    }
  }
}
