import type { ExportOptions } from "./export/export-logs.js";
import { deleteLogs } from "./fetchers/delete-logs.js";
import { exportLogs } from "./fetchers/export-logs.js";
import { getLog } from "./fetchers/get-log.js";
import {
  countLogs,
  iterateLogs,
  listLogs,
  type Filters,
  type IterateOptions,
  type ListOptions,
} from "./fetchers/list-logs.js";
import { getLogRequest, getLogResponse } from "./fetchers/log-payloads.js";
import { tailLogs } from "./fetchers/tail-logs.js";
import { updateLog } from "./fetchers/update-log.js";
import { createGateway, type CallOptions } from "./gateway.js";
import { createRawClient } from "./raw-client.js";
import type { AiGatewayLogsOptions } from "./options.js";
import type { SafeDeleteOptions } from "./safe-delete.js";
import type { TailOptions } from "./tail.js";
import type { LogPatch } from "./types.js";

export type { CallOptions } from "./gateway.js";
export type { Filters, IterateOptions, ListOptions } from "./fetchers/list-logs.js";
export type DeleteOptions = SafeDeleteOptions;
export type AiGatewayLogs = ReturnType<typeof createAiGatewayLogs>;

/**
 * A client for one account's gateway logs: every fetcher as a method of one object. Checks the
 * options before any request is sent. For the smallest bundle, import the fetchers instead.
 */
export function createAiGatewayLogs(options: AiGatewayLogsOptions) {
  const gateway = createGateway(options);
  return {
    /** One page of logs and its result_info. */
    list: (call?: ListOptions) => listLogs(gateway, call),
    /** Every log matching the options, page after page (50 a page unless perPage says otherwise). */
    iterate: (call?: IterateOptions) => iterateLogs(gateway, call),
    /** How many logs match the filters, from one request. */
    count: (filters?: Filters, call?: CallOptions) => countLogs(gateway, filters, call),
    /** One log with its request and response heads and sizes. */
    get: (id: string, call?: CallOptions) => getLog(gateway, id, call),
    /** Sets feedback (-1..1), score (0..100) and metadata on a log; null clears a field. */
    update: (id: string, patch: LogPatch, call?: CallOptions) =>
      updateLog(gateway, id, patch, call),
    /** The stored request body of a log. */
    getRequest: (id: string, call?: CallOptions) => getLogRequest(gateway, id, call),
    /** The stored response body of a log. */
    getResponse: (id: string, call?: CallOptions) => getLogResponse(gateway, id, call),
    /**
     * Deletes the matching logs safely: counts them, checks a sample against the filters (and
     * throws FiltersIgnoredError when the API ignores them), refuses to run without filters unless
     * `all: true`, deletes in batches of up to 10000, and reports how many went. `dryRun` previews.
     */
    delete: (call: DeleteOptions) => deleteLogs(gateway, call),
    /** New logs as they arrive, oldest first, polling every `intervalMs`; ends when `signal` aborts. */
    tail: (call?: TailOptions) => tailLogs(gateway, call),
    /**
     * Every matching log as it stood when the export started (newest first), fetched
     * concurrently within the rate limit, resumable from any page's checkpoint.
     */
    export: (call?: ExportOptions) => exportLogs(gateway, call),
    /** The gateway the methods share, for the fetchers (`listLogs(logs.gateway)`) too. */
    gateway,
    /** The typed openapi-fetch client, with the same auth, retries and limiter. */
    raw: createRawClient(gateway),
  };
}
