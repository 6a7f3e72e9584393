import { successEnvelope, type ResultInfo } from "../envelope.js";
import { parseListQuery } from "../list-query.js";
import { createMetaInfo } from "../meta-info.js";
import { jsonResponse } from "../response.js";
import { forEachMatch, logAt, planScan } from "../scan.js";
import { toGatewayLog, type StoredLog } from "../stored-log.js";
import type { Handler } from "./context.js";

/** `GET /logs`: one page of the matching logs, with the total; a page past the end is empty. */
export const listLogs: Handler = ({ logs, query, ignoreFilters }) => {
  const q = parseListQuery(query, ignoreFilters);
  const scan = planScan(logs, q.orderBy, q.direction, q.selection);
  const offset = (q.page - 1) * q.perPage;
  const page: StoredLog[] = [];
  const meta = q.metaInfo ? createMetaInfo() : undefined;
  let total = 0;
  if (!scan.predicate && !meta) {
    // Unfiltered: the page is read by index, and the total is the size of the range.
    total = scan.end - scan.start;
    for (let i = offset; i < offset + q.perPage; i++) {
      const log = logAt(scan, i);
      if (!log) break;
      page.push(log);
    }
  } else {
    forEachMatch(scan, (log) => {
      if (total >= offset && page.length < q.perPage) page.push(log);
      total += 1;
      meta?.add(log);
    });
  }
  const info: ResultInfo = {
    page: q.page,
    per_page: q.perPage,
    count: page.length,
    total_count: total,
    ...meta?.result(),
  };
  return jsonResponse(200, successEnvelope(page.map(toGatewayLog), info));
};
