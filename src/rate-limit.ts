import { AbortError } from "./errors/request-errors.js";
import type { Sleep } from "./sleep.js";

export interface RateLimit {
  /** Requests allowed in any window of `windowMs`. */
  requests: number;
  windowMs: number;
}

/** Call when the request's answer (or failure) has arrived. */
export type Release = () => void;

const noRelease: Release = () => undefined;

/**
 * One client-wide sliding window. A request counts from when it is sent until `windowMs` after
 * its answer arrived: the server saw it somewhere in between, so however latency varies, no
 * server-side window can hold more than `requests` of ours. After a 429 every request waits
 * until the server's Retry-After has passed, since Cloudflare blocks every call that long.
 */
export class RateLimiter {
  readonly #limit: RateLimit | false;
  readonly #sleep: Sleep;
  readonly #now: () => number;
  /** When each answered request's answer arrived, oldest first. */
  readonly #answered: number[] = [];
  #inFlight = 0;
  /** Requests queued for their turn. */
  #waiting = 0;
  #pausedUntil = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #onRelease: (() => void) | undefined;

  constructor(limit: RateLimit | false, sleep: Sleep, now: () => number) {
    this.#limit = limit;
    this.#sleep = sleep;
    this.#now = now;
  }

  /** Resolves when one more request may be sent; requests wait in order of arrival. */
  acquire(signal?: AbortSignal): Promise<Release> {
    // With nobody waiting and a slot free, the request goes at once: no turn to take in a queue.
    if (this.#waiting === 0 && !signal?.aborted) {
      const release = this.#freeSlot(this.#now());
      if (release) return Promise.resolve(release);
    }
    this.#waiting++;
    const turn = this.#queue.then(() => this.#waitForSlot(signal));
    this.#queue = turn.catch(() => undefined);
    const done = () => this.#waiting--;
    turn.then(done, done);
    return turn;
  }

  /** Holds every request until `until` (ms since the epoch). */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  async #waitForSlot(signal?: AbortSignal): Promise<Release> {
    for (;;) {
      if (signal?.aborted) throw new AbortError();
      const now = this.#now();
      const pause = this.#pausedUntil - now;
      if (pause > 0) {
        await this.#sleep(pause, signal);
        continue;
      }
      const release = this.#freeSlot(now);
      if (release) return release;
      const { windowMs } = this.#limit as RateLimit;
      await this.#nextFreeSlot(now, windowMs, signal);
    }
  }

  /** A slot taken now, when no pause holds and the window has room; undefined otherwise. */
  #freeSlot(now: number): Release | undefined {
    if (this.#pausedUntil > now) return undefined;
    if (!this.#limit) return noRelease;
    const { requests, windowMs } = this.#limit;
    while (this.#answered.length > 0 && this.#answered[0]! <= now - windowMs)
      this.#answered.shift();
    return this.#inFlight + this.#answered.length < requests ? this.#take() : undefined;
  }

  #take(): Release {
    this.#inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#answered.push(this.#now());
      this.#onRelease?.();
    };
  }

  // The oldest answered request leaving the window, or an answer arriving, whichever comes first.
  async #nextFreeSlot(now: number, windowMs: number, signal?: AbortSignal): Promise<void> {
    const oldest = this.#answered[0];
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const answered = new Promise<void>((resolve) => (this.#onRelease = resolve));
    // Whichever wins, the other wait is cancelled, so no timer or listener outlives it.
    const waits = [
      answered,
      new Promise<void>((resolve) => stop.signal.addEventListener("abort", () => resolve())),
    ];
    if (oldest !== undefined)
      waits.push(this.#sleep(oldest + windowMs - now, stop.signal).catch(() => undefined));
    try {
      await Promise.race(waits);
    } finally {
      stop.abort();
      signal?.removeEventListener("abort", onAbort);
    }
    if (signal?.aborted) throw new AbortError();
  }
}
