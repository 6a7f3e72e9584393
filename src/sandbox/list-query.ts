import { parseFilters } from "./filters.js";
import { legacyConditions } from "./legacy-params.js";
import { deleteOrderKeys, listOrderKeys, type Direction, type OrderKey } from "./order.js";
import { QueryReader } from "./query.js";
import { searchPredicate } from "./search.js";
import { selectionOf, type Selection } from "./selection.js";

const directions = ["asc", "desc"] as const;

export interface ListQuery {
  page: number;
  perPage: number;
  orderBy: OrderKey;
  direction: Direction;
  metaInfo: boolean;
  selection: Selection;
}

export interface DeleteQuery {
  limit: number;
  orderBy: OrderKey;
  direction: Direction;
  selection: Selection;
}

/**
 * `GET /logs` parameters, with Cloudflare's bounds and defaults. With `ignoreFilters`, the
 * `filters` parameter is not read at all, whatever its form: the real API's failure mode.
 */
export function parseListQuery(params: URLSearchParams, ignoreFilters: boolean): ListQuery {
  const query = new QueryReader(params);
  // `direction` is the deprecated name of order_by_direction; the new name wins.
  const legacyDirection = query.oneOf("direction", directions, "desc");
  const filters = ignoreFilters ? [] : parseFilters(params);
  const legacy = legacyConditions(query);
  const search = searchPredicate(query.string("search"));
  const extra = search ? [...legacy.predicates, search] : legacy.predicates;
  return {
    page: query.integer("page", { min: 1, fallback: 1 }),
    perPage: query.integer("per_page", { min: 1, max: 50, fallback: 20 }),
    orderBy: query.oneOf("order_by", listOrderKeys, "created_at"),
    direction: query.oneOf("order_by_direction", directions, legacyDirection),
    metaInfo: query.boolean("meta_info") ?? false,
    selection: selectionOf(filters, extra, legacy.range),
  };
}

/** `DELETE /logs` parameters: oldest first by default, at most 10000 per call. */
export function parseDeleteQuery(params: URLSearchParams, ignoreFilters: boolean): DeleteQuery {
  const query = new QueryReader(params);
  const filters = ignoreFilters ? [] : parseFilters(params);
  return {
    limit: query.integer("limit", { min: 1, max: 10000, fallback: 10000 }),
    orderBy: query.oneOf("order_by", deleteOrderKeys, "created_at"),
    direction: query.oneOf("order_by_direction", directions, "asc"),
    selection: selectionOf(filters),
  };
}
