import type { Operation } from "../routes.js";
import type { Handler } from "./context.js";
import { deleteLogs } from "./delete-logs.js";
import { getLog } from "./get-log.js";
import { getPayload } from "./get-payload.js";
import { listLogs } from "./list-logs.js";
import { patchLog } from "./patch-log.js";

export const handlers: Record<Operation, Handler> = {
  listLogs,
  deleteLogs,
  getLog,
  patchLog,
  getRequest: getPayload("request"),
  getResponse: getPayload("response"),
};
