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
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.logs;
    },
  };
}
