import type { operations } from "../../generated/schema.js";
import { serializeFilters, type FilterInput } from "../filters.js";
import { logsPathOf, type CallOptions, type Gateway } from "../gateway.js";
import { paginate, type Page } from "../paginate.js";
import { requestJson } from "../request.js";
import { logsTemplate } from "../templates.js";
import type { Direction, Filter, ListOrderBy, Log } from "../types.js";

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

type List = operations["aig-config-list-gateway-logs"];
type ListQuery = NonNullable<List["parameters"]["query"]>;
type ListBody = List["responses"][200]["content"]["application/json"];

/** One page of logs and its result_info. */
export function listLogs(gateway: Gateway, call: ListOptions = {}): Promise<Page> {
  return listPage(gateway, call, serializeFilters(call.filters));
}

/** The same with the filters already in their wire form, for loops that send them every page. */
export async function listPage(
  gateway: Gateway,
  call: Omit<ListOptions, "filters">,
  filters: string | undefined,
): Promise<Page> {
  const query: ListQuery = {
    page: call.page,
    per_page: call.perPage,
    order_by: call.orderBy,
    order_by_direction: call.direction,
    search: call.search,
    filters,
    meta_info: call.metaInfo,
  };
  const path = logsPathOf(gateway, call);
  const parts = { path, query, signal: call.signal };
  const body = await requestJson<ListBody>(gateway, "GET", logsTemplate, parts);
  return { logs: body.result, resultInfo: body.result_info };
}

/** How many logs match the filters, from one request. */
export async function countLogs(
  gateway: Gateway,
  filters?: Filters,
  call: CallOptions = {},
): Promise<number> {
  const { gatewayId, signal } = call;
  const { resultInfo } = await listLogs(gateway, { gatewayId, signal, filters, perPage: 1 });
  return resultInfo.total_count ?? 0;
}

/** Every log matching the options, page after page (50 a page unless perPage says otherwise). */
export function iterateLogs(gateway: Gateway, call: IterateOptions = {}): AsyncIterable<Log> {
  const perPage = call.perPage ?? 50;
  return paginate((page) => listLogs(gateway, { ...call, page, perPage }), perPage);
}
