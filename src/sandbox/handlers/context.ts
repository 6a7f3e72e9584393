import type { GatewayLogs } from "../gateway-logs.js";
import type { SandboxResponse } from "../response.js";
import type { RouteParams } from "../routes.js";

/** What a handler gets: the gateway's logs (already checked to exist) and the request's parts. */
export interface HandlerContext {
  logs: GatewayLogs;
  params: RouteParams;
  query: URLSearchParams;
  readBody(): Promise<Buffer>;
  ignoreFilters: boolean;
}

export type Handler = (context: HandlerContext) => SandboxResponse | Promise<SandboxResponse>;
