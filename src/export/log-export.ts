import type { Log } from "../types.js";
import {
  exportPages,
  type ExportDeps,
  type ExportOptions,
  type ExportPage,
} from "./export-logs.js";

/** An export: iterate it for logs, or call pages() for pages with their checkpoints. */
export interface LogExport extends AsyncIterable<Log> {
  pages(): AsyncIterable<ExportPage>;
}

export function createLogExport(deps: ExportDeps, options: ExportOptions): LogExport {
  const pages = () => exportPages(deps, options);
  return {
    pages,
    // By hand rather than `yield*` in an async generator, which costs several ticks a log: a
    // log already fetched comes back as a settled promise.
    [Symbol.asyncIterator](): AsyncIterator<Log> {
      const source = pages();
      let logs: Log[] = [];
      let at = 0;
      let loading: Promise<IteratorResult<Log>> | undefined;
      const pull = async (): Promise<IteratorResult<Log>> => {
        while (at >= logs.length) {
          const step = await source.next();
          if (step.done) return { done: true, value: undefined };
          [logs, at] = [step.value.logs, 0];
        }
        return { done: false, value: logs[at++]! };
      };
      return {
        next() {
          if (!loading && at < logs.length)
            return Promise.resolve({ done: false, value: logs[at++]! });
          // Calls made while a page loads wait their turn, so none skips or repeats a log.
          const result = loading ? loading.then(pull, pull) : pull();
          const settled = () => {
            if (loading === result) loading = undefined;
          };
          loading = result;
          result.then(settled, settled);
          return result;
        },
        // A `break` or a throw in the caller's loop stops the export's work.
        async return() {
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
