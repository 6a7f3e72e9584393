import { successEnvelope } from "../envelope.js";
import { parsePatchBody } from "../patch-body.js";
import { toLogDetail } from "../payloads.js";
import { jsonResponse } from "../response.js";
import type { Handler } from "./context.js";
import { findLog } from "./get-log.js";

/**
 * `PATCH /logs/{id}`: sets feedback, score and metadata; fields left out stay as they were.
 * metadata replaces the whole object and is stored as a JSON string, as logs carry it.
 */
export const patchLog: Handler = async ({ logs, params, readBody }) => {
  const log = findLog(logs, params.id);
  const patch = parsePatchBody(await readBody());
  if (patch.feedback !== undefined) {
    log.feedback = patch.feedback;
    logs.changed("feedback");
  }
  if (patch.score !== undefined) log.score = patch.score;
  if (patch.metadata !== undefined) {
    log.metadata = patch.metadata === null ? "" : JSON.stringify(patch.metadata);
  }
  return jsonResponse(200, successEnvelope(toLogDetail(logs, log)));
};
