// The library's public types. They come from the generated spec types, named for users, so that
// nothing public depends on openapi-fetch's own types.
import type { components } from "../generated/schema.js";

type Schemas = components["schemas"];
type Parameters = components["parameters"];

/** A log as the list endpoint returns it. */
export type Log = Schemas["Log"];
/** A log with the size and first bytes of its stored request and response. */
export type LogDetail = Schemas["LogDetail"];
/** Paging facts of a list call; there is no total_pages (compute it from total_count). */
export type ResultInfo = Schemas["ResultInfo"];
/** Feedback, score and metadata to set on a log; null clears a field. */
export type LogPatch = Schemas["LogPatch"];

export type FilterOperator = Schemas["FilterOperator"];
/** Filter keys the API documents today. */
export type KnownFilterKey = Schemas["FilterKey"];
/** A filter key: a known one, or any newer key the API accepts. */
export type FilterKey = KnownFilterKey | (string & {});
export type FilterValue = string | number | boolean | null;
/** One filter in the API's wire form. */
export interface Filter {
  key: FilterKey;
  operator: FilterOperator;
  value: FilterValue[];
}

export type ListOrderBy = Parameters["ListOrderBy"];
export type DeleteOrderBy = Parameters["DeleteOrderBy"];
export type Direction = Parameters["ListOrderByDirection"];

/** One message of Cloudflare's envelope: `errors[]` and `messages[]` items. */
export interface CloudflareMessage {
  code?: number;
  message: string;
  documentation_url?: string;
}
