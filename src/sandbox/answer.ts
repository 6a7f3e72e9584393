import type { IncomingMessage } from "node:http";
import { authenticate, forbidden, type Credentials } from "./auth.js";
import { readBody } from "./body.js";
import { ApiError, errorCodes } from "./envelope.js";
import type { FaultSettings } from "./faults.js";
import type { GatewayLogs } from "./gateway-logs.js";
import { handlers } from "./handlers/index.js";
import type { createRateLimiter } from "./rate-limit.js";
import { errorResponse, type SandboxResponse } from "./response.js";
import { matchRoute, type RouteMatch, type RouteParams } from "./routes.js";
import type { LogStore } from "./store.js";

export interface AnswerContext {
  store: LogStore;
  credentials: Credentials;
  faults: FaultSettings;
  limiter: ReturnType<typeof createRateLimiter>;
  ignoreFilters: boolean | "delete";
}

/** The API's answer to one request; the rate-limit headers go on errors too. */
export async function answer(
  context: AnswerContext,
  req: IncomingMessage,
  rawPath: string,
  query: URLSearchParams,
): Promise<SandboxResponse> {
  const rate = { headers: {} as Record<string, string> };
  let response: SandboxResponse;
  try {
    response = await dispatch(context, req, rawPath, query, rate);
  } catch (error) {
    response = errorResponse(
      error instanceof ApiError
        ? error
        : new ApiError(500, errorCodes.internal, "Internal server error"),
    );
  }
  return { ...response, headers: { ...rate.headers, ...response.headers } };
}

/** Cloudflare's order of checks: route, credentials, rate limit, account, gateway, operation. */
async function dispatch(
  context: AnswerContext,
  req: IncomingMessage,
  rawPath: string,
  query: URLSearchParams,
  rate: { headers: Record<string, string> },
): Promise<SandboxResponse> {
  const method = req.method ?? "GET";
  const route = matchRoute(method, rawPath);
  if (route.kind !== "operation") throw routeError(route, method);
  authenticate(req.headers, context.credentials);
  checkRateLimit(context, rate);
  const logs = gatewayOf(context.store, route.params);
  return handlers[route.operation]({
    logs,
    params: route.params,
    query,
    readBody: () => readBody(req),
    ignoreFilters:
      context.ignoreFilters === true || (context.ignoreFilters === "delete" && method === "DELETE"),
  });
}

/**
 * Cloudflare counts per user, whichever credential a call uses (token or global key alike);
 * the sandbox has one user, so one window. Calls refused for bad credentials are not counted.
 */
function checkRateLimit(context: AnswerContext, rate: { headers: Record<string, string> }): void {
  const limit = context.faults.rateLimit;
  if (!limit) return;
  const verdict = context.limiter.check("user", limit);
  rate.headers = verdict.headers;
  if (!verdict.allowed) {
    const message = "Please wait and consider throttling your request speed";
    throw new ApiError(429, errorCodes.rateLimited, message);
  }
}

/**
 * An account the sandbox does not know is someone else's: 403, as for a token not scoped to
 * it. A gateway the (known) account does not have is a 404 with code 7002, like a missing log.
 */
function gatewayOf(store: LogStore, params: RouteParams): GatewayLogs {
  if (!store.hasAccount(params.account_id)) throw forbidden();
  const logs = store.gateway(params.account_id, params.gateway_id);
  if (!logs)
    throw new ApiError(404, errorCodes.notFound, "Not Found: no such gateway in this account");
  return logs;
}

function routeError(route: Exclude<RouteMatch, { kind: "operation" }>, method: string): ApiError {
  switch (route.kind) {
    case "no-route":
      return new ApiError(404, errorCodes.noRoute, "No route for that URI");
    case "invalid-identifier":
      return new ApiError(
        404,
        errorCodes.invalidIdentifier,
        "Could not route to that URI, perhaps your object identifier is invalid?",
      );
    case "method-not-allowed":
      return new ApiError(
        405,
        errorCodes.validation,
        `Method ${method} not available for that URI`,
        {
          allow: route.allow.join(", "),
        },
      );
  }
}
