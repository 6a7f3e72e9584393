import type { operations } from "../../generated/schema.js";
import { serializeFilters } from "../filters.js";
import { logsPathOf, type Gateway } from "../gateway.js";
import { request } from "../request.js";
import { safeDelete, type DeleteReport, type SafeDeleteOptions } from "../safe-delete.js";
import { logsTemplate } from "../templates.js";
import { countLogs, listLogs } from "./list-logs.js";

type DeleteQuery = NonNullable<operations["aig-config-delete-gateway-logs"]["parameters"]["query"]>;

/**
 * Deletes the matching logs safely: counts them, checks a sample against the filters (and throws
 * FiltersIgnoredError when the API ignores them), refuses to run without filters unless
 * `all: true`, deletes in batches of up to 10000, and reports how many went. `dryRun` previews.
 */
export function deleteLogs(gateway: Gateway, call: SafeDeleteOptions): Promise<DeleteReport> {
  const { gatewayId, signal } = call;
  return safeDelete(
    {
      count: (filters) => countLogs(gateway, filters, call),
      list: (filters, perPage) => listLogs(gateway, { gatewayId, signal, filters, perPage }),
      deleteBatch: async (filters, limit) => {
        const query: DeleteQuery = {
          filters: serializeFilters(filters),
          limit,
          order_by: call.orderBy,
          order_by_direction: call.direction,
        };
        const path = logsPathOf(gateway, call);
        await request(gateway, "DELETE", logsTemplate, { path, query, signal });
      },
    },
    call,
  );
}
