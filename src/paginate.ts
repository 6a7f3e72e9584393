import type { Log, ResultInfo } from "./types.js";

export interface Page {
  logs: Log[];
  resultInfo: ResultInfo;
}

/**
 * Every log across pages. Stops exactly at total_count (no trailing empty request), on a short
 * page, and when a server hands back the same page again, so it cannot loop forever.
 */
export async function* paginate(
  fetchPage: (page: number) => Promise<Page>,
  perPage: number,
): AsyncGenerator<Log, void, undefined> {
  let seen = 0;
  let previousIds = "";
  for (let page = 1; ; page++) {
    const { logs, resultInfo } = await fetchPage(page);
    const ids = logs.map((log) => log.id).join(",");
    if (logs.length === 0 || ids === previousIds) return;
    previousIds = ids;
    for (const log of logs) yield log;
    seen += logs.length;
    const total = resultInfo.total_count ?? Number.POSITIVE_INFINITY;
    if (seen >= total || logs.length < perPage || page * perPage >= total) return;
  }
}
