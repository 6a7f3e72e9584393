import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

// A loose view of an OpenAPI document: tests walk it by name and assert on what they find.
export type Json = { [key: string]: any };

/** The bundled spec that `npm run generate` writes, as the sandbox and clients will read it. */
export function loadBundledSpec(): Json {
  return JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));
}

/** Follows a local `#/components/...` reference, or returns the node itself. */
export function deref(spec: Json, node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce((at: Json, part: string) => at?.[decodePointer(part)], spec);
  }
  return current;
}

function decodePointer(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

export const logsPath = "/accounts/{account_id}/ai-gateway/gateways/{gateway_id}/logs";
export const logPath = `${logsPath}/{id}`;

export const operations = [
  { path: logsPath, method: "get", operationId: "aig-config-list-gateway-logs" },
  { path: logsPath, method: "delete", operationId: "aig-config-delete-gateway-logs" },
  { path: logPath, method: "get", operationId: "aig-config-get-gateway-log-detail" },
  { path: logPath, method: "patch", operationId: "aig-config-patch-gateway-log" },
  { path: `${logPath}/request`, method: "get", operationId: "aig-config-get-gateway-log-request" },
  {
    path: `${logPath}/response`,
    method: "get",
    operationId: "aig-config-get-gateway-log-response",
  },
] as const;

/** All parameters of an operation, path-level ones included, dereferenced. */
export function parametersOf(spec: Json, path: string, method: string): Json[] {
  const item = spec.paths[path];
  const all = [...(item.parameters ?? []), ...(item[method].parameters ?? [])];
  return all.map((p: Json) => deref(spec, p));
}

export function parameter(spec: Json, path: string, method: string, name: string): Json {
  const found = parametersOf(spec, path, method).find((p) => p.name === name);
  if (!found) throw new Error(`${method.toUpperCase()} ${path} has no parameter ${name}`);
  return found;
}

/** The schema of a parameter, whether given by `schema` or by `content`. */
export function parameterSchema(spec: Json, param: Json): Json {
  const schema =
    param.schema ?? (Object.values(param.content ?? {})[0] as Json | undefined)?.schema;
  return deref(spec, schema);
}
