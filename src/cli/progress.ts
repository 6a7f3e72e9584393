import type { ExportProgress } from "../index.js";
import type { Io } from "./io.js";
import { renderProgressLine } from "./progress-line.js";

export interface ProgressBar {
  update(progress: ExportProgress): void;
  /** Erases the bar, so what is printed next starts on a clean line. */
  clear(): void;
}

/** For when a bar would be in the way. */
export const noProgressBar: ProgressBar = { update() {}, clear() {} };
// Redraws at most this often: more is flicker, and a slow terminal holds up the export.
const redrawMs = 100;

/**
 * A progress bar on stderr, redrawn in place with \r, only when stderr is a terminal that can
 * erase a line (not TERM=dumb): piped or logged, stderr gets no bar. An update that comes too soon
 * after the last redraw is drawn when the interval is up, unless a newer one replaces it.
 */
export function createProgressBar(io: Io, now: () => number = Date.now): ProgressBar {
  const stream = io.stderr;
  if (!stream.isTTY || io.env.TERM === "dumb") return noProgressBar;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let shown = false;
  let latest: ExportProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    timer = undefined;
    if (!latest) return;
    // columns is 0 on a pseudo-terminal nobody sized.
    stream.write(`\r${renderProgressLine(latest, stream.columns || 80)}\u001b[K`);
    drawnAt = now();
    shown = true;
    latest = undefined;
  };
  return {
    update(progress) {
      latest = progress;
      const wait = drawnAt + redrawMs - now();
      if (wait <= 0) draw();
      else if (!timer) (timer = setTimeout(draw, wait)).unref?.();
    },
    clear() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      latest = undefined;
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
