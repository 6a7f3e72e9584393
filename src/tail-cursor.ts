import type { Filter, Log } from "./types.js";

/**
 * Where a tail stands: the high-water mark (the newest `created_at` seen) and the ids seen at
 * exactly that time. Polls ask for logs at or after the mark, so only ids sharing the mark can come
 * back twice: those are all the ids kept, and memory does not grow with the logs tailed.
 */
export class TailCursor {
  private mark: number | undefined;
  private readonly idsAtMark = new Set<string>();

  /** Starts with no mark (every log is new), or with everything up to `markMs` already seen. */
  constructor(markMs?: number) {
    this.mark = markMs;
  }

  /** The high-water mark in epoch milliseconds; undefined until a log is seen. */
  get markMs(): number | undefined {
    return this.mark;
  }

  /** How many ids are kept for de-duplication: only those created at the mark. */
  get remembered(): number {
    return this.idsAtMark.size;
  }

  /** The filter for what is new: created_at at or after the mark (gt one millisecond before). */
  filter(): Filter | undefined {
    if (this.mark === undefined) return undefined;
    return { key: "created_at", operator: "gt", value: [new Date(this.mark - 1).toISOString()] };
  }

  /**
   * Whether a log is new, recording it when it is. Logs older than the mark, already seen, or
   * without a readable created_at are not new: a tail never goes back in time.
   */
  admit(log: Log): boolean {
    const createdMs = Date.parse(log.created_at);
    if (Number.isNaN(createdMs)) return false;
    if (this.mark === undefined || createdMs > this.mark) {
      this.mark = createdMs;
      this.idsAtMark.clear();
    } else if (createdMs < this.mark || this.idsAtMark.has(log.id)) {
      return false;
    }
    this.idsAtMark.add(log.id);
    return true;
  }
}
