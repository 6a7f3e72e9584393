import { notFound, successEnvelope } from "../envelope.js";
import type { GatewayLogs } from "../gateway-logs.js";
import { toLogDetail } from "../payloads.js";
import { jsonResponse } from "../response.js";
import type { StoredLog } from "../stored-log.js";
import type { Handler } from "./context.js";

/** The log with that id in this gateway, or a 404 with code 7002. */
export function findLog(logs: GatewayLogs, id: string): StoredLog {
  const log = logs.get(id);
  if (!log) throw notFound();
  return log;
}

/** `GET /logs/{id}`: the log with its request and response heads and sizes. */
export const getLog: Handler = ({ logs, params }) => {
  const log = findLog(logs, params.id);
  return jsonResponse(200, successEnvelope(toLogDetail(logs, log)));
};
