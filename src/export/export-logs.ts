import { ValidationError } from "../errors/request-errors.js";
import { normalizeFilter, type FilterInput } from "../filters.js";
import type { Page } from "../paginate.js";
import type { Payload } from "../payload.js";
import type { Sleep } from "../sleep.js";
import type { Filter, Log } from "../types.js";
import { checkCheckpoint, type ExportCheckpoint } from "./checkpoint.js";
import { orderedPool } from "./ordered-pool.js";
import { withPageRetries } from "./page-retry.js";
import { attachPayloads } from "./payloads.js";

export interface ExportOptions {
  filters?: readonly (Filter | FilterInput)[];
  /** Only logs created after this instant. */
  since?: Date | string;
  /** Only logs created before this instant (default: the newest log when the export starts). */
  until?: Date | string;
  /** Pages fetched at once (default 4); the client's rate limiter still paces them. */
  concurrency?: number;
  /** Logs per page, 1-50 (default 50: the fewest requests). */
  perPage?: number;
  /** Continue an export from where its checkpoint says it stopped. */
  checkpoint?: ExportCheckpoint;
  /** Adds each log's stored request and response bodies (two more requests a log). */
  includePayloads?: boolean;
  /** Logs whose bodies are fetched at once, with includePayloads (default 4). */
  payloadConcurrency?: number;
  /** Tries per page once the client's own retries are spent (default 8). */
  pageAttempts?: number;
  onProgress?: (progress: ExportProgress) => void;
  gatewayId?: string;
  signal?: AbortSignal;
}

export interface ExportProgress {
  done: number;
  total: number;
  pagesDone: number;
  pages: number;
  elapsedMs: number;
  /** Logs per second so far. */
  rate: number;
}

/** One page of an export, in order, with the checkpoint that holds once it is written. */
export interface ExportPage {
  logs: Log[];
  checkpoint: ExportCheckpoint;
}

type Snapshot = { filters: Filter[]; perPage: number; gatewayId: string };

export interface ExportDeps {
  list(options: {
    page: number;
    perPage: number;
    filters: Filter[];
    gatewayId: string;
    signal?: AbortSignal;
  }): Promise<Page>;
  payloads: {
    request: (id: string) => Promise<Payload>;
    response: (id: string) => Promise<Payload>;
  };
  gatewayId: string;
  sleep: Sleep;
  now: () => number;
}

/**
 * Every log matching the filters, newest first, as it stood when the export started: the first
 * page fixes an upper created_at bound, so logs arriving meanwhile neither shift pages nor slip
 * in. The rest is fetched by a bounded pool through the client's rate limiter and handed out in
 * order; each page comes with a checkpoint to resume from.
 */
export async function* exportPages(
  deps: ExportDeps,
  options: ExportOptions,
): AsyncGenerator<ExportPage> {
  const started = deps.now();
  const resumedAt = options.checkpoint?.exported ?? 0;
  const concurrency = positive(options.concurrency ?? 4, "concurrency");
  const attempts = positive(options.pageAttempts ?? 8, "pageAttempts");
  const payloadConcurrency = positive(options.payloadConcurrency ?? 4, "payloadConcurrency");
  const fetchPage = async (page: number, snapshot: Snapshot): Promise<Page> => {
    const { perPage, filters, gatewayId } = snapshot;
    const read = () => deps.list({ page, perPage, filters, gatewayId, signal: options.signal });
    const found = await withPageRetries(attempts, deps.sleep, options.signal, read);
    if (!options.includePayloads) return found;
    const withBodies = () => attachPayloads(found.logs, deps.payloads, payloadConcurrency);
    return {
      ...found,
      logs: await withPageRetries(attempts, deps.sleep, options.signal, withBodies),
    };
  };

  let checkpoint: ExportCheckpoint;
  let previousIds = new Set<string>();
  const progress = () =>
    options.onProgress?.({
      done: checkpoint.exported,
      total: checkpoint.total,
      pagesDone: checkpoint.pagesDone,
      pages: Math.ceil(checkpoint.total / checkpoint.perPage),
      elapsedMs: deps.now() - started,
      rate: (checkpoint.exported - resumedAt) / Math.max(0.001, (deps.now() - started) / 1000),
    });
  const handOut = (logs: Log[]): ExportPage => {
    const fresh = logs.filter((log) => !previousIds.has(log.id));
    previousIds = new Set(logs.map((log) => log.id));
    checkpoint = {
      ...checkpoint,
      pagesDone: checkpoint.pagesDone + 1,
      exported: checkpoint.exported + fresh.length,
    };
    progress();
    return { logs: fresh, checkpoint };
  };

  if (options.checkpoint) {
    checkpoint = { ...checkCheckpoint(options.checkpoint), bytes: options.checkpoint.bytes };
  } else {
    const first = await openSnapshot(deps, options, fetchPage);
    checkpoint = first.checkpoint;
    if (first.logs.length > 0) yield handOut(first.logs);
  }
  const lastPage = Math.ceil(checkpoint.total / checkpoint.perPage);
  const snapshot = {
    filters: checkpoint.filters,
    perPage: checkpoint.perPage,
    gatewayId: checkpoint.gatewayId,
  };
  const pool = { concurrency, window: concurrency * 2 };
  for await (const page of orderedPool(checkpoint.pagesDone + 1, lastPage, pool, (n) =>
    fetchPage(n, snapshot),
  )) {
    yield handOut(page.logs);
  }
}

/** Page 1 without a bound: its newest log fixes the bound, and its total is the snapshot's. */
async function openSnapshot(
  deps: ExportDeps,
  options: ExportOptions,
  fetchPage: (page: number, snapshot: Snapshot) => Promise<Page>,
) {
  const perPage = options.perPage ?? 50;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 50)
    throw new ValidationError("perPage must be 1-50.");
  const filters = (options.filters ?? []).map((f) => normalizeFilter(f));
  if (options.since !== undefined)
    filters.push(
      normalizeFilter({ key: "created_at", operator: "gt", value: toDate(options.since) }),
    );
  if (options.until !== undefined)
    filters.push(
      normalizeFilter({ key: "created_at", operator: "lt", value: toDate(options.until) }),
    );
  const gatewayId = options.gatewayId ?? deps.gatewayId;
  const first = await fetchPage(1, { filters, perPage, gatewayId });
  const newest = first.logs[0];
  const upperBound = newest
    ? new Date(Date.parse(newest.created_at) + 1).toISOString()
    : toDate(options.until ?? new Date(deps.now())).toISOString();
  const checkpoint: ExportCheckpoint = {
    version: 1,
    gatewayId,
    upperBound,
    // Added even under an `until`: a later `until` would let logs that arrive meanwhile in.
    filters: [...filters, { key: "created_at", operator: "lt", value: [upperBound] }],
    perPage,
    total: first.resultInfo.total_count ?? first.logs.length,
    pagesDone: 0,
    exported: 0,
  };
  return { logs: first.logs, checkpoint };
}

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new ValidationError(`${JSON.stringify(value)} is not a date.`);
  return date;
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(`${name} must be a whole number, 1 or more.`);
  return value;
}
