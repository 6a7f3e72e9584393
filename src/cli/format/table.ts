export interface Column {
  title: string;
  /** Right-aligned (numbers). */
  right?: boolean;
  /** May be cut short (with "…") to fit: ids, model names. Others keep their width. */
  shrinks?: boolean;
}

/**
 * A plain-text table that fits `width`: the widest shrinkable column gives up characters first
 * (cut with "…", down to 8), and when that is not enough the last columns are dropped.
 */
export function renderTable(
  columns: Column[],
  rows: string[][],
  width = Number.POSITIVE_INFINITY,
): string {
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").length)),
  );
  let shown = columns.length;
  const total = () => widths.slice(0, shown).reduce((a, b) => a + b, 0) + 2 * (shown - 1);
  while (total() > width) {
    const shrinkable = widths
      .slice(0, shown)
      .map((w, i) => ({ w, i }))
      .filter(({ w, i }) => columns[i]!.shrinks && w > Math.max(8, columns[i]!.title.length));
    const widest = shrinkable.sort((a, b) => b.w - a.w)[0];
    if (widest) widths[widest.i]!--;
    else if (shown > 1) shown--;
    else break;
  }
  const line = (cells: string[]) =>
    cells
      .slice(0, shown)
      .map((cell, i) => {
        const fitted = cell.length > widths[i]! ? `${cell.slice(0, widths[i]! - 1)}…` : cell;
        return columns[i]!.right ? fitted.padStart(widths[i]!) : fitted.padEnd(widths[i]!);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)].join("\n") + "\n";
}
