import { AbortError, ConnectionError, TimeoutError } from "../errors/request-errors.js";
import type { FetchLike } from "../options.js";
import type { RateLimiter } from "../rate-limit.js";
import { redactCause, redactText } from "../redact.js";
import type { Sleep } from "../sleep.js";
import { decideRetry, parseRetryAfter, type AttemptOutcome, type RetryPolicy } from "./policy.js";

export interface TransportOptions {
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

export interface Outgoing {
  method: string;
  url: string;
  headers: HeadersInit;
  /** Bytes, not a stream, so that every attempt can send them again. */
  body?: string | ArrayBuffer | undefined;
  signal?: AbortSignal | undefined;
}

/** An answer with its body read in full. */
export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  bytes: ArrayBuffer;
  url: string;
}

export type Send = (request: Outgoing) => Promise<Answer>;

/**
 * How every request goes out: each attempt passes the rate limiter, gets its own timeout, and has
 * its body read in full, so a truncated body is a retryable failure here rather than a parse error
 * later. Retryable failures are tried again as policy.ts decides. The answer is the bytes with
 * the status and headers, not a Response: building one per page cost CPU that nothing needed.
 */
export function createTransport(options: TransportOptions): Send {
  return async function send(request) {
    const { method, signal } = request;
    for (let attempt = 0; ; attempt++) {
      const release = await options.limiter.acquire(signal);
      const result = await attemptOnce(request, options).finally(release);
      const outcome = outcomeOf(result, options.now());
      if (outcome === undefined) return result as Answer;
      if (outcome.kind === "response" && outcome.status === 429) {
        options.limiter.pauseUntil(options.now() + (outcome.retryAfterMs ?? 1000));
      }
      const decision = decideRetry(method, outcome, attempt, options.policy, options.random);
      if (!decision.retry) {
        if (result instanceof Error) throw result;
        return result;
      }
      await options.sleep(decision.delayMs, signal);
    }
  };
}

type AttemptResult = Answer | ConnectionError | TimeoutError;

async function attemptOnce(request: Outgoing, options: TransportOptions): Promise<AttemptResult> {
  const { method, url, headers, body, signal } = request;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const init = { method, headers, body, signal: controller.signal };
    // The global fetch takes a URL and an init, which spares building a Request.
    const response = await (options.fetch
      ? options.fetch(new Request(url, init))
      : globalThis.fetch(url, init));
    const { status, statusText } = response;
    const bytes = await response.arrayBuffer();
    return { status, statusText, headers: response.headers, bytes, url: response.url || url };
  } catch (error) {
    const cause = redactCause(error, options.secrets);
    if (signal?.aborted) throw new AbortError(undefined, { cause });
    const what = `${method} ${new URL(url).pathname}`;
    if (timedOut) {
      return new TimeoutError(
        `${what} took longer than ${options.timeoutMs} ms.`,
        options.timeoutMs,
      );
    }
    const reason = redactText(reasonOf(error), options.secrets);
    return new ConnectionError(`${what} failed: ${reason}.`, { cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

function outcomeOf(result: AttemptResult, now: number): AttemptOutcome | undefined {
  if (result instanceof TimeoutError) return { kind: "timeout" };
  if (result instanceof ConnectionError)
    return { kind: "network", refused: isRefused(result.cause) };
  if (result.status < 300) return undefined;
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
