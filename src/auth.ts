import { ValidationError } from "./errors/request-errors.js";
import type { AiGatewayLogsOptions } from "./options.js";

export interface Credentials {
  headers: Record<string, string>;
  /** The values to scrub from anything the library reports. */
  secrets: string[];
}

/** The auth headers for an API token, or for an email with a global API key, never both. */
export function resolveCredentials(options: AiGatewayLogsOptions): Credentials {
  const { apiToken, apiEmail, apiKey } = options;
  if (apiToken !== undefined && (apiEmail !== undefined || apiKey !== undefined)) {
    throw new ValidationError("Give either apiToken, or apiEmail with apiKey, not both.");
  }
  if (apiToken !== undefined) {
    if (typeof apiToken !== "string" || apiToken.trim() === "")
      throw new ValidationError("apiToken is empty.");
    return { headers: { Authorization: `Bearer ${apiToken}` }, secrets: [apiToken] };
  }
  if (apiEmail !== undefined || apiKey !== undefined) {
    if (!apiEmail || !apiKey)
      throw new ValidationError("apiEmail and apiKey go together: give both.");
    return { headers: { "X-Auth-Email": apiEmail, "X-Auth-Key": apiKey }, secrets: [apiKey] };
  }
  throw new ValidationError("Credentials are required: apiToken, or apiEmail with apiKey.");
}
