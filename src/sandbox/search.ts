import type { Predicate } from "./filter-match.js";

/**
 * `search`: a case-insensitive substring of the id, model, provider, path or metadata string.
 * Cloudflare does not document what it searches; these are the fields a person types a piece
 * of into a search box.
 */
export function searchPredicate(search: string | undefined): Predicate | undefined {
  if (search === undefined || search.trim() === "") return undefined;
  const needle = search.trim().toLowerCase();
  return (log) =>
    log.id.toLowerCase().includes(needle) ||
    log.model.toLowerCase().includes(needle) ||
    log.provider.toLowerCase().includes(needle) ||
    log.path.toLowerCase().includes(needle) ||
    log.metadata.toLowerCase().includes(needle);
}
