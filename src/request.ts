import { serializePrimitiveParam } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createApiError } from "./errors/create-api-error.js";
import type { Gateway } from "./gateway.js";
import type { Answer } from "./retry/transport.js";
import { ConnectionError } from "./errors/request-errors.js";
import { redactCause } from "./redact.js";

type Method = "GET" | "PATCH" | "DELETE";

export interface RequestParts {
  path: Record<string, string>;
  /** Every parameter of the API is a single value: a string, number or boolean. */
  query?: object | undefined;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * Sends one request of the spec through the gateway's retries and rate limiter and returns the
 * answer, or throws the library's error for an error status. Parameters are encoded by
 * openapi-fetch's own serializer, as its client encodes them; the request itself skips that
 * client, whose Request and Headers objects per call cost more CPU than the rest of a page, and
 * whose general serializers (arrays, objects, every style) weigh more than all of ours.
 */
export async function request(
  gateway: Gateway,
  method: Method,
  template: keyof paths,
  parts: RequestParts,
): Promise<Answer> {
  const { baseUrl, headers, secrets, send } = gateway.internal;
  const url = baseUrl + fillPath(template, parts.path) + queryString(parts.query ?? {});
  const hasBody = parts.body !== undefined;
  const answer = await send({
    method,
    url,
    headers: hasBody ? { ...headers, "content-type": "application/json" } : headers,
    body: hasBody ? JSON.stringify(parts.body) : undefined,
    signal: parts.signal,
  });
  if (answer.status < 300) return answer;
  const text = decode(answer.bytes);
  // An error answer need not be JSON (a proxy's HTML page); its text still says what went wrong.
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  throw createApiError({ method, url }, answer, body, secrets);
}

/** The same, for an answer whose body is JSON. */
export async function requestJson<T>(
  gateway: Gateway,
  method: Method,
  template: keyof paths,
  parts: RequestParts,
): Promise<T> {
  const answer = await request(gateway, method, template, parts);
  try {
    return JSON.parse(decode(answer.bytes)) as T;
  } catch (error) {
    throw unreadableBody(method, error, gateway.internal.secrets);
  }
}

function fillPath(template: string, path: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name]!));
}

function queryString(query: object): string {
  let search = "";
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search += (search ? "&" : "?") + serializePrimitiveParam(name, value);
  }
  return search;
}

const decoder = new TextDecoder();
const decode = (bytes: ArrayBuffer) => decoder.decode(bytes);

/** A success answer whose body is not what it says it is: as good as no answer. */
function unreadableBody(method: string, error: unknown, secrets: readonly string[]) {
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectionError(`${method} answered with a body that could not be read: ${reason}`, {
    cause: redactCause(error, secrets),
  });
}
