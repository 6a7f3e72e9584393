import { AiGatewayLogsError } from "./errors/ai-gateway-logs-error.js";
import { createApiError } from "./errors/create-api-error.js";
import { ConnectionError } from "./errors/request-errors.js";
import { redactCause } from "./redact.js";

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws the library's error for it. */
export async function unwrap<T>(
  call: Promise<FetchResult<T>>,
  method: string,
  secrets: readonly string[],
): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof AiGatewayLogsError) throw error;
    // openapi-fetch's own failures, such as a success body that is not JSON.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectionError(`${method} answered with a body that could not be read: ${reason}`, {
      cause: redactCause(error, secrets),
    });
  }
  const { data, error, response } = result;
  if (!response.ok) throw createApiError({ method, url: response.url }, response, error, secrets);
  return data as T;
}
