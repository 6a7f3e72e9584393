/**
 * Calls `insert(n)` so that about `perSecond` logs arrive each second: ticks of at least 10 ms,
 * carrying fractions over, so both 0.5 and 5000 per second work. Returns the stop function.
 */
export function startInserting(perSecond: number, insert: (count: number) => void): () => void {
  if (perSecond <= 0) return () => {};
  const tickMs = Math.min(1000, Math.max(10, 1000 / perSecond));
  let owed = 0;
  const timer = setInterval(() => {
    owed += (perSecond * tickMs) / 1000;
    const count = Math.floor(owed);
    owed -= count;
    if (count > 0) insert(count);
  }, tickMs);
  // A forgotten sandbox must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
