import { comparatorFor, type OrderKey } from "./order.js";
import type { StoredLog } from "./stored-log.js";
import type { StoredPayload } from "./types.js";

export type PayloadKind = "request" | "response";
type PayloadOverrides = Partial<Record<PayloadKind, StoredPayload | null>>;

const byCreatedAt = comparatorFor("created_at");

/**
 * The logs of one gateway. Keeps them sorted by created_at (ascending, so inserting a new log
 * is a push) and caches one sorted array per other order_by key; each array serves both
 * directions, read backwards for desc. Inserts keep cached arrays sorted; deletes filter them.
 */
export class GatewayLogs {
  private byCreated: StoredLog[] = [];
  private readonly byId = new Map<string, StoredLog>();
  private readonly views = new Map<OrderKey, StoredLog[]>();
  private readonly payloads = new Map<string, PayloadOverrides>();

  get size(): number {
    return this.byCreated.length;
  }

  get(id: string): StoredLog | undefined {
    return this.byId.get(id);
  }

  /** Ascending view on `key`; built on first use, kept until the order can have changed. */
  view(key: OrderKey): StoredLog[] {
    if (key === "created_at") return this.byCreated;
    let view = this.views.get(key);
    if (!view) {
      view = this.byCreated.slice().sort(comparatorFor(key));
      this.views.set(key, view);
    }
    return view;
  }

  /** Adds many logs at once: one sort instead of one binary insertion each. */
  load(logs: readonly StoredLog[]): void {
    for (let i = 0; i < logs.length; i++) {
      const log = logs[i] as StoredLog;
      if (this.byId.has(log.id)) {
        for (const claimed of logs.slice(0, i)) this.byId.delete(claimed.id);
        throw new Error(`A log with id ${log.id} already exists`);
      }
      this.byId.set(log.id, log);
    }
    const merged = this.byCreated.concat(logs);
    // Mostly sorted already (seeded logs come in time order): TimSort does this in linear time.
    merged.sort(byCreatedAt);
    this.byCreated = merged;
    this.views.clear();
  }

  insert(log: StoredLog): void {
    this.claimId(log);
    insertSorted(this.byCreated, log, byCreatedAt);
    for (const [key, view] of this.views) insertSorted(view, log, comparatorFor(key));
  }

  /** Removes the given logs, with their stored payloads. */
  remove(doomed: ReadonlySet<StoredLog>): void {
    if (doomed.size === 0) return;
    const keep = (log: StoredLog) => !doomed.has(log);
    this.byCreated = this.byCreated.filter(keep);
    for (const [key, view] of this.views) this.views.set(key, view.filter(keep));
    for (const log of doomed) {
      this.byId.delete(log.id);
      this.payloads.delete(log.id);
    }
  }

  /** Call after changing `key` on a stored log: its sorted view is rebuilt on next use. */
  changed(key: OrderKey): void {
    this.views.delete(key);
  }

  setPayload(id: string, kind: PayloadKind, payload: StoredPayload | null): void {
    const overrides = this.payloads.get(id) ?? {};
    overrides[kind] = payload;
    this.payloads.set(id, overrides);
  }

  /** The payload set through the store: a value, null for "not stored", undefined for none set. */
  payloadOverride(id: string, kind: PayloadKind): StoredPayload | null | undefined {
    return this.payloads.get(id)?.[kind];
  }

  private claimId(log: StoredLog): void {
    if (this.byId.has(log.id)) throw new Error(`A log with id ${log.id} already exists`);
    this.byId.set(log.id, log);
  }
}

function insertSorted(view: StoredLog[], log: StoredLog, compare: typeof byCreatedAt): void {
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(view[mid] as StoredLog, log) <= 0) low = mid + 1;
    else high = mid;
  }
  if (low === view.length) view.push(log);
  else view.splice(low, 0, log);
}
