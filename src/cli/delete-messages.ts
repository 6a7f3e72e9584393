import type { DeleteReport, FiltersIgnoredError } from "../index.js";
import type { Values } from "./command.js";

export type SummaryFormat = "text" | "json";

/** "1 log", "12 logs". */
export function logsCount(count: number): string {
  return `${count} ${count === 1 ? "log" : "logs"}`;
}

/** The selection as it was given: `--filter provider=openai --since 2h`, or `--all`. */
export function selectionText(values: Values): string {
  const quote = (text: string) => (/^[\w.,:=~<>!+\-/@]+$/.test(text) ? text : JSON.stringify(text));
  const words = [
    ...((values.filter as string[] | undefined) ?? []).map((f) => `--filter ${quote(f)}`),
    ...(typeof values.since === "string" ? [`--since ${quote(values.since)}`] : []),
    ...(typeof values.until === "string" ? [`--until ${quote(values.until)}`] : []),
  ];
  return words.length > 0 ? words.join(" ") : "--all (every log of the gateway)";
}

/** The preview, always printed first: "12 logs match --filter provider=openai." */
export function previewLine(matched: number, selection: string, limit: number | undefined): string {
  const verb = matched === 1 ? "matches" : "match";
  const capped =
    limit !== undefined && limit < matched ? `; --limit ${limit} deletes ${limit} of them` : "";
  return `${logsCount(matched)} ${verb} ${selection}${capped}.\n`;
}

export function question(count: number): string {
  return `Delete ${logsCount(count)}? [y/N] `;
}

/** The last line, on stdout: what was (or would be) deleted. */
export function summaryOf(
  report: Omit<DeleteReport, "sample">,
  toDelete: number,
  format: SummaryFormat,
): string {
  const { dryRun, matched, deleted, remaining, batches } = report;
  if (format === "json")
    return `${JSON.stringify({ dryRun, matched, deleted, remaining, batches })}\n`;
  if (dryRun) return `Dry run: ${logsCount(toDelete)} would be deleted; nothing was.\n`;
  return `Deleted ${logsCount(deleted)} (${remaining} still match).\n`;
}

/** What to do about filters the API did not apply, before or during the delete. */
export function filtersIgnoredHint(error: FiltersIgnoredError, deleting: boolean): string {
  if (deleting)
    return "Nothing more was deleted. See what is left with aigw-logs list and the same filters.";
  if (error.mismatchedIds.length > 0) {
    return "Nothing was deleted. Check the filter keys and values with aigw-logs list and the same filters.";
  }
  return "Nothing was deleted. If deleting every log these filters match is meant, pass --trust-filters.";
}
