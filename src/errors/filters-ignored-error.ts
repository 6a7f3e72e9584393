import { AiGatewayLogsError } from "./ai-gateway-logs-error.js";

/**
 * The API answered as if the filters were not there: the rows it returned for them do not match,
 * or a delete removed logs that did not match. Cloudflare ignores a wrongly encoded filter without
 * a word (cloudflare-typescript issue 2723); on a delete that would remove every log.
 */
export class FiltersIgnoredError extends AiGatewayLogsError {
  override readonly name: string = "FiltersIgnoredError";
  /** Ids of logs that came back although they do not satisfy the filters. */
  readonly mismatchedIds: string[];

  constructor(message: string, mismatchedIds: string[] = []) {
    super("filters_ignored", message);
    this.mismatchedIds = mismatchedIds;
  }
}
