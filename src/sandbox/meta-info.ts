import type { StoredLog } from "./stored-log.js";

type Aggregate = "cost" | "duration" | "tokens_in" | "tokens_out" | "total_tokens";

const valueOf: Record<Aggregate, (log: StoredLog) => number | null> = {
  cost: (log) => log.cost,
  duration: (log) => log.duration,
  tokens_in: (log) => log.tokens_in,
  tokens_out: (log) => log.tokens_out,
  // As in the `tokens` filter: a null count counts as 0.
  total_tokens: (log) => (log.tokens_in ?? 0) + (log.tokens_out ?? 0),
};

/**
 * `meta_info=true`: min and max of cost, duration and token counts over every matched log (not
 * only the page). null counts are skipped; a field with no value at all is left out.
 */
export function createMetaInfo() {
  const min: Partial<Record<Aggregate, number>> = {};
  const max: Partial<Record<Aggregate, number>> = {};
  const names = Object.keys(valueOf) as Aggregate[];
  return {
    add(log: StoredLog): void {
      for (const name of names) {
        const value = valueOf[name](log);
        if (value === null) continue;
        if (min[name] === undefined || value < min[name]) min[name] = value;
        if (max[name] === undefined || value > max[name]) max[name] = value;
      }
    },
    result(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const name of names) {
        if (min[name] !== undefined) out[`min_${name}`] = min[name];
        if (max[name] !== undefined) out[`max_${name}`] = max[name];
      }
      return out;
    },
  };
}
