import type { Direction, Filter } from "../index.js";
import { normalizeFilter } from "../index.js";
import { selectionOptions, type Values } from "./command.js";
import { UsageError } from "./errors.js";
import { parseFilter, parseTime } from "./filter-syntax.js";

/** The selection options, --search offered only to be refused with a reason (see refuseSearch). */
export const exportSelectionOptions = {
  ...selectionOptions,
  search: { type: "string", description: "not available here: use --filter KEY~TEXT" },
} as const;

/** Export and stats walk a snapshot by filters alone: the library takes no free-text search. */
export function refuseSearch(values: Values): void {
  if (values.search === undefined) return;
  throw new UsageError(
    "--search is not available here: an export selects logs by filters only.",
    "Match part of a field with --filter KEY~TEXT, e.g. --filter model~claude.",
  );
}

/** The filters that --filter, --since and --until ask for, ANDed. */
export function filtersOf(values: Values, now: number = Date.now()): Filter[] {
  const filters = ((values.filter as string[] | undefined) ?? []).map((text) =>
    parseFilter(text, now),
  );
  if (typeof values.since === "string") {
    filters.push(
      normalizeFilter({
        key: "created_at",
        operator: "gt",
        value: parseTime(values.since, now, "--since"),
      }),
    );
  }
  if (typeof values.until === "string") {
    filters.push(
      normalizeFilter({
        key: "created_at",
        operator: "lt",
        value: parseTime(values.until, now, "--until"),
      }),
    );
  }
  return filters;
}

export const orderOptions = {
  "order-by": {
    type: "string",
    description: "created_at (default), provider, model, model_type, success or cached",
  },
  asc: { type: "boolean", description: "oldest first" },
  desc: { type: "boolean", description: "newest first (the default)" },
} as const;

/** --order-by and --asc/--desc, checked against what the operation can order by. */
export function orderOf<K extends string>(
  values: Values,
  allowed: readonly K[],
): { orderBy?: K; direction?: Direction } {
  if (values.asc && values.desc) throw new UsageError("Give --asc or --desc, not both.");
  const orderBy = values["order-by"] as string | undefined;
  if (orderBy !== undefined && !(allowed as readonly string[]).includes(orderBy)) {
    throw new UsageError(
      `--order-by ${JSON.stringify(orderBy)}: use one of ${allowed.join(", ")}.`,
    );
  }
  const direction = values.asc ? "asc" : values.desc ? "desc" : undefined;
  return { ...(orderBy ? { orderBy: orderBy as K } : {}), ...(direction ? { direction } : {}) };
}

/** A whole number option within bounds, or undefined when absent. */
export function integerOf(
  values: Values,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} ${JSON.stringify(raw)}: use a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : " up"}.`,
    );
  }
  return value;
}
