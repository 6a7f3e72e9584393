import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { resolveCredentials } from "./auth.js";
import { serializeFilters, type FilterInput } from "./filters.js";
import {
  checkGatewayId,
  checkLogId,
  resolveOptions,
  type AiGatewayLogsOptions,
} from "./options.js";
import { paginate, type Page } from "./paginate.js";
import { readPayload, type Payload } from "./payload.js";
import type { ExportOptions } from "./export/export-logs.js";
import { createLogExport, type LogExport } from "./export/log-export.js";
import { RateLimiter } from "./rate-limit.js";
import { safeDelete, type DeleteReport, type SafeDeleteOptions } from "./safe-delete.js";
import { createRetryingFetch } from "./retry/fetch.js";
import type { Direction, Filter, ListOrderBy, Log, LogDetail, LogPatch } from "./types.js";
import { tailLogs, type TailOptions } from "./tail.js";
import { unwrap } from "./unwrap.js";

const logsPath = "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs";
const logPath = `${logsPath}/{id}` as const;

export interface CallOptions {
  /** Another gateway of the same account, for this call only. */
  gatewayId?: string;
  signal?: AbortSignal;
}
export type Filters = readonly (Filter | FilterInput)[];
export interface ListOptions extends CallOptions {
  page?: number;
  perPage?: number;
  orderBy?: ListOrderBy;
  direction?: Direction;
  search?: string;
  filters?: Filters;
  /** Adds min/max of cost, duration and tokens over all matches to resultInfo. */
  metaInfo?: boolean;
}
export type IterateOptions = Omit<ListOptions, "page" | "metaInfo">;
export type DeleteOptions = SafeDeleteOptions;

export type AiGatewayLogs = ReturnType<typeof createAiGatewayLogs>;

/** A client for one account's gateway logs. Checks the options before any request is sent. */
export function createAiGatewayLogs(options: AiGatewayLogsOptions) {
  const resolved = resolveOptions(options);
  const credentials = resolveCredentials(options);
  const { secrets } = credentials;
  const limiter = new RateLimiter(resolved.rateLimit, resolved.sleep, resolved.now);
  const raw: Client<paths> = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: { ...resolved.headers, ...credentials.headers },
    fetch: createRetryingFetch({ ...resolved, policy: resolved.retry, limiter, secrets }),
  });

  const pathOf = (call: CallOptions) => {
    const gatewayId = call.gatewayId ?? resolved.gatewayId;
    checkGatewayId(gatewayId);
    return { account_id: resolved.accountId, gateway_id: gatewayId };
  };
  const logPathOf = (id: string, call: CallOptions) => {
    checkLogId(id);
    return { ...pathOf(call), id };
  };

  async function list(call: ListOptions = {}): Promise<Page> {
    const query = {
      page: call.page,
      per_page: call.perPage,
      order_by: call.orderBy,
      order_by_direction: call.direction,
      search: call.search,
      filters: serializeFilters(call.filters),
      meta_info: call.metaInfo,
    };
    const request = raw.GET(logsPath, {
      params: { path: pathOf(call), query },
      signal: call.signal,
    });
    const body = await unwrap(request, "GET", secrets);
    return { logs: body.result, resultInfo: body.result_info };
  }

  async function count(filters?: Filters, call: CallOptions = {}): Promise<number> {
    const { gatewayId, signal } = call;
    const { resultInfo } = await list({ gatewayId, signal, filters, perPage: 1 });
    return resultInfo.total_count ?? 0;
  }

  async function payload(
    kind: "request" | "response",
    id: string,
    call: CallOptions,
  ): Promise<Payload> {
    const path =
      kind === "request" ? (`${logPath}/request` as const) : (`${logPath}/response` as const);
    const request = raw.GET(path, {
      params: { path: logPathOf(id, call) },
      parseAs: "arrayBuffer",
      signal: call.signal,
    });
    const result = await request;
    const bytes = await unwrap(Promise.resolve(result), "GET", secrets);
    return readPayload(
      (bytes as ArrayBuffer | undefined) ?? new ArrayBuffer(0),
      result.response.headers.get("content-type"),
    );
  }

  return {
    /** One page of logs and its result_info. */
    list,
    /** Every log matching the options, page after page (50 a page unless perPage says otherwise). */
    iterate(call: IterateOptions = {}): AsyncIterable<Log> {
      const perPage = call.perPage ?? 50;
      return paginate((page) => list({ ...call, page, perPage }), perPage);
    },
    /** How many logs match the filters, from one request. */
    count,
    /** One log with its request and response heads and sizes. */
    async get(id: string, call: CallOptions = {}): Promise<LogDetail> {
      const request = raw.GET(logPath, {
        params: { path: logPathOf(id, call) },
        signal: call.signal,
      });
      return (await unwrap(request, "GET", secrets)).result;
    },
    /** Sets feedback (-1..1), score (0..100) and metadata on a log; null clears a field. */
    async update(id: string, patch: LogPatch, call: CallOptions = {}) {
      const request = raw.PATCH(logPath, {
        params: { path: logPathOf(id, call) },
        body: patch,
        signal: call.signal,
      });
      return (await unwrap(request, "PATCH", secrets)).result;
    },
    /** The stored request body of a log. */
    getRequest: (id: string, call: CallOptions = {}) => payload("request", id, call),
    /** The stored response body of a log. */
    getResponse: (id: string, call: CallOptions = {}) => payload("response", id, call),
    /**
     * Deletes the matching logs safely: counts them, checks a sample against the filters (and
     * throws FiltersIgnoredError when the API ignores them), refuses to run without filters unless
     * `all: true`, deletes in batches of up to 10000, and reports how many went. `dryRun` previews.
     */
    delete(call: SafeDeleteOptions): Promise<DeleteReport> {
      const order = { order_by: call.orderBy, order_by_direction: call.direction };
      return safeDelete(
        {
          count: (filters) => count(filters, call),
          list: (filters, perPage) =>
            list({ gatewayId: call.gatewayId, signal: call.signal, filters, perPage }),
          deleteBatch: async (filters, limit) => {
            const query = { filters: serializeFilters(filters), limit, ...order };
            const request = raw.DELETE(logsPath, {
              params: { path: pathOf(call), query },
              signal: call.signal,
            });
            await unwrap(request, "DELETE", secrets);
          },
        },
        call,
      );
    },
    /** New logs as they arrive, oldest first, polling every `intervalMs`; ends when `signal` aborts. */
    tail: (call: TailOptions = {}) => tailLogs(list, call, resolved.sleep),
    /**
     * Every matching log as it stood when the export started (newest first), fetched
     * concurrently within the rate limit, resumable from any page's checkpoint.
     */
    export(call: ExportOptions = {}): LogExport {
      const gatewayId = call.gatewayId ?? call.checkpoint?.gatewayId ?? resolved.gatewayId;
      const scope = { gatewayId, signal: call.signal };
      const payloads = {
        request: (id: string) => payload("request", id, scope),
        response: (id: string) => payload("response", id, scope),
      };
      return createLogExport(
        { list, payloads, gatewayId, sleep: resolved.sleep, now: resolved.now },
        call,
      );
    },
    /** The typed openapi-fetch client, with the same auth, retries and rate limiter. */
    raw,
  };
}
