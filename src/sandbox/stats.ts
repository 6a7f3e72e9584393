/** One request as the sandbox saw it. Headers are not kept: they carry credentials. */
export interface RequestRecord {
  method: string;
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** The status answered; 0 when the connection was reset without an answer. */
  status: number;
  /** The delay the sandbox added before answering (latency faults), in milliseconds. */
  delayMs: number;
  /** The fault applied to this request, if any. */
  fault?: "reset" | "truncate" | "error" | "scripted";
}

export interface SandboxStats {
  /** Requests answered (or reset). */
  total: number;
  byStatus: Record<number, number>;
  /** The last 10,000 requests, oldest first. */
  requests: RequestRecord[];
  /** Requests received and not answered yet. */
  active: number;
  /** The most requests that were ever active at once: how concurrent a client was. */
  maxActive: number;
  reset(): void;
}

const kept = 10_000;

/** The stats, with the two calls the server makes: when a request arrives and when it is done. */
export function createStats() {
  const stats: SandboxStats = {
    total: 0,
    byStatus: {},
    requests: [],
    active: 0,
    maxActive: 0,
    reset() {
      stats.total = 0;
      // Cleared in place, so a reference a test holds stays current.
      for (const status of Object.keys(stats.byStatus)) delete stats.byStatus[Number(status)];
      stats.requests.length = 0;
      stats.maxActive = stats.active;
    },
  };
  return {
    stats,
    begin(): void {
      stats.active += 1;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
    },
    record(entry: RequestRecord): void {
      stats.active = Math.max(0, stats.active - 1);
      stats.total += 1;
      stats.byStatus[entry.status] = (stats.byStatus[entry.status] ?? 0) + 1;
      stats.requests.push(entry);
      if (stats.requests.length > kept) stats.requests.shift();
    },
  };
}
