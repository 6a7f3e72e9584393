/** A Markdown table; run.mjs pads it (prettier) when it writes RESULTS.md. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** "met" or "missed", for a target column. */
export const verdict = (ok) => (ok ? "**met**" : "**missed**");
