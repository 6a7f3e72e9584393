import type { Filters, ListOptions } from "./fetchers/list-logs.js";
import { RateLimitError, ServerError } from "./errors/api-error.js";
import { ConnectionError, TimeoutError, ValidationError } from "./errors/request-errors.js";
import { serializeFilters } from "./filters.js";
import type { Page } from "./paginate.js";
import type { Sleep } from "./sleep.js";
import { TailCursor } from "./tail-cursor.js";
import type { Log } from "./types.js";

export interface TailOptions extends Pick<ListOptions, "filters" | "search" | "gatewayId"> {
  /** How often to poll, in ms (default 5000). */
  intervalMs?: number;
  /** Emit the logs created after this time too; without it, logs that already exist are skipped. */
  since?: Date | string;
  /** Ends the tail cleanly: the for-await loop just ends. */
  signal?: AbortSignal;
}

type List = (options: ListOptions) => Promise<Page>;

const defaultIntervalMs = 5000;
// The API's largest page.
const perPage = 50;

/**
 * New logs as they arrive, oldest first, by polling. Each poll reads every log at or after the
 * high-water mark, ordered by created_at ascending so that logs arriving meanwhile land after the
 * pages read; the cursor drops those already emitted. A poll that still fails after the client's
 * retries with an error that may pass is tried again an interval later. `cursor` is where the tail
 * stands; pass one to watch it (it wins over `since`).
 */
export function pollNewLogs(
  list: List,
  options: TailOptions,
  sleep: Sleep,
  cursor?: TailCursor,
): AsyncIterable<Log> {
  const intervalMs = options.intervalMs ?? defaultIntervalMs;
  if (!(intervalMs > 0 && Number.isFinite(intervalMs))) {
    throw new ValidationError("intervalMs must be a positive number of milliseconds.");
  }
  serializeFilters(options.filters);
  const sinceMs = options.since === undefined ? undefined : readSince(options.since);
  // "After since": the mark sits one millisecond later, so a log at exactly `since` is not new.
  const at = cursor ?? new TailCursor(sinceMs === undefined ? undefined : sinceMs + 1);
  const started = cursor !== undefined || sinceMs !== undefined;
  return run(list, options, sleep, intervalMs, at, started);
}

async function* run(
  list: List,
  options: TailOptions,
  sleep: Sleep,
  intervalMs: number,
  cursor: TailCursor,
  started: boolean,
): AsyncGenerator<Log, void, undefined> {
  const { signal } = options;
  const base: ListOptions = { gatewayId: options.gatewayId, search: options.search, signal };
  const filters = options.filters ?? [];
  let waitMs = 0;
  for (;;) {
    if (waitMs > 0 && !(await pause(sleep, waitMs, signal))) return;
    if (signal?.aborted) return;
    waitMs = intervalMs;
    try {
      if (started) yield* poll(list, base, filters, cursor);
      else await markNewest(list, { ...base, filters }, cursor);
      started = true;
    } catch (error) {
      if (signal?.aborted) return;
      if (!isPassing(error)) throw error;
      // A Retry-After too long for the client to wait out itself is waited out here.
      if (error instanceof RateLimitError) waitMs = Math.max(waitMs, error.retryAfterMs ?? 0);
    }
  }
}

/** The start: the newest matching log, and every other log created at the same time, are seen. */
async function markNewest(list: List, query: ListOptions, cursor: TailCursor): Promise<void> {
  for (let page = 1; ; page++) {
    const order = { orderBy: "created_at", direction: "desc", page, perPage } as const;
    const { logs, resultInfo } = await list({ ...query, ...order });
    const admitted = logs.filter((log) => cursor.admit(log)).length;
    const last = logs.at(-1);
    // Only when a full page ends at the mark can more logs of that time be on the next one.
    const more = last !== undefined && Date.parse(last.created_at) === cursor.markMs;
    const total = resultInfo.total_count ?? Number.POSITIVE_INFINITY;
    if (!more || logs.length < perPage || page * perPage >= total || admitted === 0) return;
  }
}

/** One poll: every log at or after the mark, page by page (keyset on created_at), oldest first. */
async function* poll(
  list: List,
  base: ListOptions,
  filters: Filters,
  cursor: TailCursor,
): AsyncGenerator<Log, void, undefined> {
  let previousIds = "";
  for (let page = 1; ;) {
    const markBefore = cursor.markMs;
    const mark = cursor.filter();
    const order = { orderBy: "created_at", direction: "asc", page, perPage } as const;
    const query = { ...base, ...order, filters: mark ? [...filters, mark] : filters };
    const { logs, resultInfo } = await list(query);
    const ids = logs.map((log) => log.id).join(",");
    // The same page twice means a server ignoring `page`: stop rather than loop.
    if (logs.length === 0 || ids === previousIds) return;
    previousIds = ids;
    for (const log of logs) if (cursor.admit(log)) yield log;
    const total = resultInfo.total_count ?? Number.POSITIVE_INFINITY;
    if (logs.length < perPage || page * perPage >= total) return;
    // Once the mark moves, ask again from it, past any full pages of logs already seen at it.
    page = cursor.markMs === markBefore ? page + 1 : 1 + Math.floor(cursor.remembered / perPage);
  }
}

/** Waits; false when the signal aborted meanwhile. */
async function pause(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, signal);
  } catch (error) {
    if (signal?.aborted) return false;
    throw error;
  }
  return !signal?.aborted;
}

/** Failures that may pass by the next poll: the API or the network, not the request. */
function isPassing(error: unknown): boolean {
  return (
    error instanceof ServerError ||
    error instanceof RateLimitError ||
    error instanceof ConnectionError ||
    error instanceof TimeoutError
  );
}

function readSince(since: Date | string): number {
  const ms = since instanceof Date ? since.getTime() : Date.parse(since);
  if (Number.isNaN(ms)) throw new ValidationError(`since is not a date: ${String(since)}.`);
  return ms;
}
