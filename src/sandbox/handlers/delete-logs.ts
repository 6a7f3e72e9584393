import { deletedEnvelope } from "../envelope.js";
import { parseDeleteQuery } from "../list-query.js";
import { jsonResponse } from "../response.js";
import { forEachMatch, planScan } from "../scan.js";
import type { StoredLog } from "../stored-log.js";
import type { Handler } from "./context.js";

/** `DELETE /logs`: removes the first `limit` matching logs in the requested order. No count. */
export const deleteLogs: Handler = ({ logs, query, ignoreFilters }) => {
  const q = parseDeleteQuery(query, ignoreFilters);
  const scan = planScan(logs, q.orderBy, q.direction, q.selection);
  const doomed = new Set<StoredLog>();
  forEachMatch(scan, (log) => {
    doomed.add(log);
    return doomed.size < q.limit;
  });
  logs.remove(doomed);
  return jsonResponse(200, deletedEnvelope());
};
