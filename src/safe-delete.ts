import { AiGatewayLogsError } from "./errors/ai-gateway-logs-error.js";
import { FiltersIgnoredError } from "./errors/filters-ignored-error.js";
import { ValidationError } from "./errors/request-errors.js";
import { normalizeFilter, type FilterInput } from "./filters.js";
import { matchesFilter } from "./match-filters.js";
import type { Page } from "./paginate.js";
import type { DeleteOrderBy, Direction, Filter, Log } from "./types.js";

export interface SafeDeleteOptions {
  filters?: readonly (Filter | FilterInput)[];
  /** At most this many logs in all (default: every match), deleted in batches of up to 10000. */
  limit?: number;
  orderBy?: DeleteOrderBy;
  direction?: Direction;
  /** Required to delete without filters: every log of the gateway. */
  all?: boolean;
  /** Count and check only; delete nothing. */
  dryRun?: boolean;
  /** Filters that no listed field can show (metadata, event_id) cannot be checked on a sample: delete anyway. */
  trustFilters?: boolean;
  gatewayId?: string;
  signal?: AbortSignal;
}

export interface DeleteReport {
  dryRun: boolean;
  /** Logs matching before anything was deleted. */
  matched: number;
  deleted: number;
  /** Logs still matching at the end. */
  remaining: number;
  batches: number;
  /** Matching logs fetched and checked against the filters before deleting. */
  sample: Log[];
}

export interface SafeDeleteDeps {
  count(filters: readonly Filter[] | undefined): Promise<number>;
  list(filters: readonly Filter[], perPage: number): Promise<Page>;
  deleteBatch(filters: readonly Filter[] | undefined, limit: number): Promise<void>;
}

const batchSize = 10_000;
const sampleSize = 50;

/**
 * Deletes with the checks the API does not make: counts first, checks a sample of the matches
 * against the filters (an ignored filter shows as rows that do not match), refuses to run without
 * filters unless told `all`, deletes in batches until nothing matches, and reports the counts.
 */
export async function safeDelete(
  deps: SafeDeleteDeps,
  options: SafeDeleteOptions,
): Promise<DeleteReport> {
  const filters = (options.filters ?? []).map((f) => normalizeFilter(f));
  if (filters.length === 0 && options.all !== true) {
    throw new ValidationError(
      "Refusing to delete without filters: pass filters, or all: true to delete every log.",
    );
  }
  const cap = checkLimit(options.limit);
  const matched = await deps.count(filters.length ? filters : undefined);
  const sample = filters.length
    ? await checkSample(deps, filters, matched, options.trustFilters === true)
    : [];
  const report = {
    dryRun: options.dryRun === true,
    matched,
    deleted: 0,
    remaining: matched,
    batches: 0,
    sample,
  };
  if (report.dryRun || matched === 0) return report;
  return deleteInBatches(deps, filters, cap, report);
}

async function checkSample(
  deps: SafeDeleteDeps,
  filters: Filter[],
  matched: number,
  trust: boolean,
) {
  const { logs } = await deps.list(filters, sampleSize);
  const verdicts = logs.map((log) => ({ log, results: filters.map((f) => matchesFilter(log, f)) }));
  const mismatched = verdicts.filter((v) => v.results.includes(false)).map((v) => v.log.id);
  if (mismatched.length > 0) {
    throw new FiltersIgnoredError(
      `Refusing to delete: ${mismatched.length} of ${logs.length} logs listed for these filters do not match them, so the API is ignoring the filters.`,
      mismatched,
    );
  }
  const checkable = verdicts.some((v) => v.results.includes(true));
  if (!checkable && !trust && matched > 0 && matched === (await deps.count(undefined))) {
    throw new FiltersIgnoredError(
      "Refusing to delete: these filters match every log of the gateway and none of them can be checked on the listed logs; pass trustFilters: true if that is meant.",
    );
  }
  return logs;
}

async function deleteInBatches(
  deps: SafeDeleteDeps,
  filters: Filter[],
  cap: number,
  report: DeleteReport,
) {
  const scoped = filters.length ? filters : undefined;
  let totalBefore = await deps.count(undefined);
  while (report.remaining > 0 && report.deleted < cap) {
    await deps.deleteBatch(scoped, Math.min(batchSize, cap - report.deleted));
    report.batches++;
    const [remaining, totalAfter] = await Promise.all([deps.count(scoped), deps.count(undefined)]);
    const gone = report.remaining - remaining;
    if (scoped && totalBefore - totalAfter > gone) {
      throw new FiltersIgnoredError(
        `Stopped: the last delete removed ${totalBefore - totalAfter - gone} logs that did not match the filters (the API ignored them); ${report.deleted + gone} matching logs were deleted.`,
      );
    }
    if (gone <= 0) {
      throw new AiGatewayLogsError(
        "delete_stalled",
        `Stopped: a delete removed nothing; ${remaining} logs still match.`,
      );
    }
    report.deleted += gone;
    report.remaining = remaining;
    totalBefore = totalAfter;
  }
  return report;
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(limit) || limit < 1)
    throw new ValidationError("limit must be a whole number, 1 or more.");
  return limit;
}
