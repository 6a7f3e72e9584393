import type { ExportOptions } from "../export/export-logs.js";
import { createLogExport, type LogExport } from "../export/log-export.js";
import type { Gateway } from "../gateway.js";
import { serializeFilters } from "../filters.js";
import type { Filter } from "../types.js";
import { listPage, type ListOptions } from "./list-logs.js";
import { getLogRequest, getLogResponse } from "./log-payloads.js";

/**
 * Every matching log as it stood when the export started (newest first), fetched concurrently
 * within the rate limit, resumable from any page's checkpoint.
 */
export function exportLogs(gateway: Gateway, call: ExportOptions = {}): LogExport {
  const gatewayId = call.gatewayId ?? call.checkpoint?.gatewayId ?? gateway.gatewayId;
  const scope = { gatewayId, signal: call.signal };
  const payloads = {
    request: (id: string) => getLogRequest(gateway, id, scope),
    response: (id: string) => getLogResponse(gateway, id, scope),
  };
  const { sleep, now } = gateway.internal;
  // An export sends the same filters with every page: they are checked and encoded once.
  let encoded: { filters: readonly Filter[]; wire: string | undefined } | undefined;
  const list = ({ filters, ...options }: ListOptions & { filters: readonly Filter[] }) => {
    if (encoded?.filters !== filters) encoded = { filters, wire: serializeFilters(filters) };
    return listPage(gateway, options, encoded.wire);
  };
  return createLogExport({ list, payloads, gatewayId, sleep, now }, call);
}
