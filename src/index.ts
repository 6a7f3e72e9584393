export { createAiGatewayLogs } from "./client.js";
export type { AiGatewayLogs, DeleteOptions } from "./client.js";
// The fetchers: one function per operation, each taking a gateway first, so that a bundler keeps
// only the ones a program calls.
export { createGateway } from "./gateway.js";
export type { CallOptions, Gateway, GatewayInternals } from "./gateway.js";
export { countLogs, iterateLogs, listLogs } from "./fetchers/list-logs.js";
export type { Filters, IterateOptions, ListOptions } from "./fetchers/list-logs.js";
export { getLog } from "./fetchers/get-log.js";
export { updateLog } from "./fetchers/update-log.js";
export { getLogRequest, getLogResponse } from "./fetchers/log-payloads.js";
export { deleteLogs } from "./fetchers/delete-logs.js";
export { tailLogs } from "./fetchers/tail-logs.js";
export { exportLogs } from "./fetchers/export-logs.js";
export { createRawClient } from "./raw-client.js";
export type { RawClient } from "./raw-client.js";
export { where, normalizeFilter, serializeFilters } from "./filters.js";
export { listOrderKeys, deleteOrderKeys } from "./order-keys.js";
export type { FilterBuilder, FilterInput } from "./filters.js";
export type { AiGatewayLogsOptions } from "./options.js";
export type { Page } from "./paginate.js";
export type { ExportOptions, ExportPage, ExportProgress } from "./export/export-logs.js";
export type { ExportCheckpoint } from "./export/checkpoint.js";
export type { LogExport } from "./export/log-export.js";
export type { ExportedPayload, LogWithPayloads } from "./export/payloads.js";
export { payloadColumns } from "./export/payloads.js";
export {
  csvHeader,
  formatLogs,
  logColumns,
  logDetailColumns,
  toCsvRow,
  toJsonLine,
  type ExportFormat,
} from "./export/format.js";
export type { DeleteReport } from "./safe-delete.js";
export type { TailOptions } from "./tail.js";
export type { Payload } from "./payload.js";
export type { RateLimit } from "./rate-limit.js";
export type { RetryPolicy } from "./retry/policy.js";
export type * from "./types.js";
export { AiGatewayLogsError } from "./errors/ai-gateway-logs-error.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "./errors/api-error.js";
export {
  AbortError,
  ConnectionError,
  TimeoutError,
  ValidationError,
} from "./errors/request-errors.js";
export { FiltersIgnoredError } from "./errors/filters-ignored-error.js";
export { createSummarizer, summarize, durationRelativeError } from "./stats.js";
export type {
  DurationSummary,
  GroupBy,
  GroupSummary,
  Summarizer,
  SummarizeOptions,
  Summary,
} from "./stats.js";
