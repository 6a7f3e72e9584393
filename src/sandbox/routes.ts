// Matches a method and a raw request path to one of the six operations.

export type Operation =
  "listLogs" | "deleteLogs" | "getLog" | "patchLog" | "getRequest" | "getResponse";

export interface RouteParams {
  account_id: string;
  gateway_id: string;
  id: string;
}

export type RouteMatch =
  | { kind: "operation"; operation: Operation; params: RouteParams }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "no-route" }
  | { kind: "invalid-identifier" };

const base = [
  "client",
  "v4",
  "accounts",
  ":account_id",
  "ai-gateway",
  "gateways",
  ":gateway_id",
  "logs",
];

const routes: { pattern: string[]; methods: Record<string, Operation> }[] = [
  { pattern: base, methods: { GET: "listLogs", DELETE: "deleteLogs" } },
  { pattern: [...base, ":id"], methods: { GET: "getLog", PATCH: "patchLog" } },
  { pattern: [...base, ":id", "request"], methods: { GET: "getRequest" } },
  { pattern: [...base, ":id", "response"], methods: { GET: "getResponse" } },
];

/**
 * Splits the raw path on "/" before decoding, so an encoded slash (%2F) stays inside its
 * segment, then percent-decodes each parameter exactly once. A parameter that decodes to
 * nothing, ".", "..", or anything with a slash or a control character is refused as an invalid
 * identifier: it can name no log, and must never be read as another route.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  const segments = rawPath.split("/").slice(1);
  for (const route of routes) {
    if (route.pattern.length !== segments.length) continue;
    const params = paramsOf(route.pattern, segments);
    if (params === "no-match") continue;
    if (params === "invalid") return { kind: "invalid-identifier" };
    const operation = route.methods[method];
    if (!operation) return { kind: "method-not-allowed", allow: Object.keys(route.methods) };
    return { kind: "operation", operation, params };
  }
  return { kind: "no-route" };
}

function paramsOf(pattern: string[], segments: string[]): RouteParams | "no-match" | "invalid" {
  const params: Record<string, string> = { id: "" };
  let invalid = false;
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] as string;
    if (!part.startsWith(":")) {
      if (segment !== part) return "no-match";
      continue;
    }
    const value = decodeOnce(segment);
    if (value === undefined || !isPlausibleIdentifier(value)) invalid = true;
    params[part.slice(1)] = value ?? "";
  }
  return invalid ? "invalid" : (params as unknown as RouteParams);
}

function decodeOnce(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isPlausibleIdentifier(value: string): boolean {
  if (value === "" || value === "." || value === "..") return false;
  // eslint-disable-next-line no-control-regex
  return !/[/\\\u0000-\u001f\u007f]/.test(value);
}
