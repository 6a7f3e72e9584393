import type { IncomingMessage, ServerResponse } from "node:http";
import { answer, type AnswerContext } from "./answer.js";
import { faultResponse } from "./fault-response.js";
import type { FaultDecision } from "./faults.js";
import { sendResponse } from "./send-response.js";
import type { RequestRecord } from "./stats.js";

export interface RequestContext extends AnswerContext {
  decideFault(): FaultDecision;
  sleep(ms: number): Promise<void>;
  begin(): void;
  record(entry: RequestRecord): void;
}

/** One request: decide its fault, wait out any latency, answer (or not), and record it. */
export async function handleRequest(
  context: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  context.begin();
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  // The path is taken raw, not through `new URL`, which would resolve "/../" segments.
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const decision = context.decideFault();
  const entry: RequestRecord = {
    method: req.method ?? "GET",
    path: rawPath,
    query: rawQuery,
    status: 0,
    delayMs: decision.delayMs,
  };
  const fault = faultName(decision);
  if (fault) entry.fault = fault;
  try {
    await context.sleep(decision.delayMs);
    if (res.destroyed) return;
    const { action } = decision;
    if (action.kind === "reset") {
      req.socket.destroy();
      return;
    }
    const response =
      action.kind === "status"
        ? faultResponse(action.status, action.headers, action.body)
        : await answer(context, req, rawPath, new URLSearchParams(rawQuery));
    entry.status = response.status;
    sendResponse(res, response, action.kind === "truncate");
  } finally {
    context.record(entry);
  }
}

function faultName(decision: FaultDecision): RequestRecord["fault"] {
  if (decision.origin === "script") return "scripted";
  if (decision.origin === "none") return undefined;
  return decision.action.kind === "status"
    ? "error"
    : (decision.action.kind as "reset" | "truncate");
}
