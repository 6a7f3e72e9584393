import type { operations } from "../../generated/schema.js";
import { logPathOf, type CallOptions, type Gateway } from "../gateway.js";
import { requestJson } from "../request.js";
import { logTemplate } from "../templates.js";
import type { LogPatch } from "../types.js";

type Patch = operations["aig-config-patch-gateway-log"];
type PatchBody = Patch["responses"][200]["content"]["application/json"];

/** Sets feedback (-1..1), score (0..100) and metadata on a log; null clears a field. */
export async function updateLog(
  gateway: Gateway,
  id: string,
  patch: LogPatch,
  call: CallOptions = {},
): Promise<PatchBody["result"]> {
  const parts = { path: logPathOf(gateway, id, call), body: patch, signal: call.signal };
  return (await requestJson<PatchBody>(gateway, "PATCH", logTemplate, parts)).result;
}
