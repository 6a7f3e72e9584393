import type { operations } from "../../generated/schema.js";
import { logPathOf, type CallOptions, type Gateway } from "../gateway.js";
import { requestJson } from "../request.js";
import { logTemplate } from "../templates.js";
import type { LogDetail } from "../types.js";

type Get = operations["aig-config-get-gateway-log-detail"];
type GetBody = Get["responses"][200]["content"]["application/json"];

/** One log with its request and response heads and sizes. */
export async function getLog(
  gateway: Gateway,
  id: string,
  call: CallOptions = {},
): Promise<LogDetail> {
  const parts = { path: logPathOf(gateway, id, call), signal: call.signal };
  return (await requestJson<GetBody>(gateway, "GET", logTemplate, parts)).result;
}
