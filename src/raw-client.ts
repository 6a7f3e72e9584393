import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import type { Gateway } from "./gateway.js";
import { BufferedResponse } from "./retry/buffered-response.js";

export type RawClient = Client<paths>;

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * The typed openapi-fetch client (`{ data, error }` style, nothing thrown for an error status),
 * sending through the gateway's credentials, retries and rate limiter.
 */
export function createRawClient(gateway: Gateway): RawClient {
  const { baseUrl, headers, send } = gateway.internal;
  const fetch = async (request: Request): Promise<Response> => {
    // Read once, so that every attempt can send the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const { method, url, signal } = request;
    const answer = await send({ method, url, headers: request.headers, body, signal });
    const { status, statusText } = answer;
    return new BufferedResponse(
      nullBodyStatuses.has(status) ? null : answer.bytes,
      { status, statusText, headers: answer.headers },
      answer.url,
    );
  };
  return createClient<paths>({ baseUrl, headers, fetch });
}
