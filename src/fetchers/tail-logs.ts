import type { Gateway } from "../gateway.js";
import { pollNewLogs, type TailOptions } from "../tail.js";
import type { Log } from "../types.js";
import { listLogs } from "./list-logs.js";

/** New logs as they arrive, oldest first, polling every `intervalMs`; ends when `signal` aborts. */
export function tailLogs(gateway: Gateway, call: TailOptions = {}): AsyncIterable<Log> {
  return pollNewLogs((options) => listLogs(gateway, options), call, gateway.internal.sleep);
}
