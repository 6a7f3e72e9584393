import type { ExportProgress } from "../index.js";

const barWidth = 24;

/**
 * One line of progress, `[#########---------------]  38%  1900/5000 logs  412 logs/s  ETA 8 s`,
 * cut to fit `width` columns: the bar goes first when the terminal is narrow.
 */
export function renderProgressLine(progress: ExportProgress, width: number): string {
  const { done, total, rate } = progress;
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const eta = rate > 0 && done < total ? formatDuration((total - done) / rate) : "--";
  const text = [
    `${Math.floor(fraction * 100)}%`.padStart(4),
    `${done}/${total} logs`,
    `${Math.round(rate)} logs/s`,
    `ETA ${eta}`,
  ].join("  ");
  const filled = Math.round(fraction * barWidth);
  const bar = `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] `;
  // One column spare: writing into the last column wraps some terminals, and \r then misses.
  const room = Math.max(1, width - 1);
  return bar.length + text.length <= room ? bar + text : text.slice(0, room);
}

/** A duration for people: `8 s`, `3 min 05 s`, `2 h 10 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** How long a command took, for its summary line: `12.3 s`, or `3 min 05 s` past a minute. */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000);
}
