// The 21 deprecated flat parameters of `GET /logs`. Cloudflare still accepts them; the sandbox
// honours each as one more AND condition next to `filters` (bounds are inclusive).
import type { Predicate } from "./filter-match.js";
import type { QueryReader } from "./query.js";
import type { CreatedRange } from "./selection.js";
import type { StoredLog } from "./stored-log.js";

type NumberField = (log: StoredLog) => number | null;

const numberFields: [string, NumberField][] = [
  ["cost", (log) => log.cost],
  ["tokens_in", (log) => log.tokens_in],
  ["tokens_out", (log) => log.tokens_out],
  ["total_tokens", (log) => (log.tokens_in ?? 0) + (log.tokens_out ?? 0)],
  ["duration", (log) => log.duration],
];

const textFields = [
  "model",
  "model_type",
  "provider",
  "request_content_type",
  "response_content_type",
] as const;

export function legacyConditions(query: QueryReader): {
  predicates: Predicate[];
  range: CreatedRange;
} {
  const predicates: Predicate[] = [];
  for (const [name, field] of numberFields) {
    const min = query.number(`min_${name}`);
    const max = query.number(`max_${name}`);
    if (min !== undefined) predicates.push((log) => (field(log) ?? -Infinity) >= min);
    if (max !== undefined) predicates.push((log) => (field(log) ?? Infinity) <= max);
  }
  for (const name of textFields) {
    const value = query.string(name);
    if (value !== undefined) predicates.push((log) => log[name] === value);
  }
  for (const name of ["success", "cached"] as const) {
    const value = query.boolean(name);
    if (value !== undefined) predicates.push((log) => log[name] === value);
  }
  const feedback = query.oneOf("feedback", ["0", "1"], "");
  if (feedback !== "") predicates.push((log) => log.feedback === Number(feedback));
  const start = query.date("start_date");
  const end = query.date("end_date");
  if (start !== undefined) predicates.push((log) => log.createdMs >= start);
  if (end !== undefined) predicates.push((log) => log.createdMs <= end);
  return { predicates, range: { from: start, to: end, fromExclusive: false, toExclusive: false } };
}
