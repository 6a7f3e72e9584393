import { AbortError, ConnectionError, TimeoutError } from "../errors/request-errors.js";
import type { FetchLike } from "../options.js";
import type { RateLimiter } from "../rate-limit.js";
import { redactCause, redactText } from "../redact.js";
import type { Sleep } from "../sleep.js";
import { BufferedResponse } from "./buffered-response.js";
import { decideRetry, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from "./policy.js";

export interface RetryingFetchOptions {
  /** Undefined: the global fetch, looked up on every attempt. */
  fetch: FetchLike | undefined;
  policy: RetryPolicy;
  timeoutMs: number;
  limiter: RateLimiter;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  /** Credentials to scrub from anything kept of a low-level failure. */
  secrets: readonly string[];
}

/**
 * A fetch that sits beneath openapi-fetch: every attempt passes the rate limiter, gets its own
 * timeout, and has its body read in full, so a truncated body is a retryable failure here rather
 * than a parse error later. Retryable failures are tried again as policy.ts decides.
 */
export function createRetryingFetch(options: RetryingFetchOptions) {
  return async function retryingFetch(input: Request): Promise<Response> {
    const signal = input.signal;
    for (let attempt = 0; ; attempt++) {
      const release = await options.limiter.acquire(signal);
      // Only a body is used up by an attempt; a request without one (GET, DELETE) serves them all.
      const request = input.body === null ? input : input.clone();
      const result = await attemptOnce(request, signal, options).finally(release);
      const outcome = outcomeOf(result, options.now());
      if (outcome === undefined) return result as Response;
      if (outcome.kind === "response" && outcome.status === 429) {
        options.limiter.pauseUntil(options.now() + (outcome.retryAfterMs ?? 1000));
      }
      const decision = decideRetry(input.method, outcome, attempt, options.policy, options.random);
      if (!decision.retry) {
        if (result instanceof Response) return result;
        throw result;
      }
      await options.sleep(decision.delayMs, signal);
    }
  };
}

type AttemptResult = Response | ConnectionError | TimeoutError;

async function attemptOnce(request: Request, signal: AbortSignal, options: RetryingFetchOptions) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    // The global fetch takes the signal as an init, which spares building one more Request.
    const response = await (options.fetch
      ? options.fetch(new Request(request, { signal: controller.signal }))
      : globalThis.fetch(request, { signal: controller.signal }));
    const body = await response.arrayBuffer();
    // The init is spelled out: handing over the Response itself costs far more to convert.
    const { status, statusText, headers } = response;
    return new BufferedResponse(
      nullBodyStatuses.has(status) ? null : body,
      { status, statusText, headers },
      response.url || request.url,
    );
  } catch (error) {
    const cause = redactCause(error, options.secrets);
    if (signal.aborted) throw new AbortError(undefined, { cause });
    if (timedOut) {
      return new TimeoutError(
        `${describe(request)} took longer than ${options.timeoutMs} ms.`,
        options.timeoutMs,
      );
    }
    const reason = redactText(reasonOf(error), options.secrets);
    return new ConnectionError(`${describe(request)} failed: ${reason}.`, { cause });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

function outcomeOf(result: AttemptResult, now: number): AttemptOutcome | undefined {
  if (result instanceof TimeoutError) return { kind: "timeout" };
  if (result instanceof ConnectionError)
    return { kind: "network", refused: isRefused(result.cause) };
  if (result.ok) return undefined;
  return {
    kind: "response",
    status: result.status,
    retryAfterMs: parseRetryAfter(result.headers, now),
  };
}

// Only a refused connection proves the server never saw the request.
function isRefused(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (typeof e !== "object") return false;
    if (e.code === "ECONNREFUSED") return true;
  }
  return false;
}

function reasonOf(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : message;
}

function describe(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}
