/**
 * Runs `work(index)` for indexes from..to, at most `concurrency` at once, and yields the results
 * in index order. Work never starts more than `window` indexes ahead of the one being yielded, so
 * memory stays bounded however slow the consumer is; a slow index does not stop the others.
 */
export async function* orderedPool<T>(
  from: number,
  to: number,
  options: { concurrency: number; window: number },
  work: (index: number) => Promise<T>,
): AsyncGenerator<T, void, undefined> {
  const results = new Map<number, Promise<T>>();
  let next = from;
  let yielding = from;
  let inFlight = 0;
  let stopped = false;
  const fill = () => {
    while (
      !stopped &&
      next <= to &&
      next < yielding + options.window &&
      inFlight < options.concurrency
    ) {
      const index = next++;
      inFlight++;
      const promise = work(index).finally(() => {
        inFlight--;
        fill();
      });
      promise.catch(() => undefined); // observed when its turn comes; not unhandled meanwhile
      results.set(index, promise);
    }
  };
  try {
    for (; yielding <= to; yielding++) {
      fill();
      const value = await results.get(yielding)!;
      results.delete(yielding);
      yield value;
    }
  } finally {
    stopped = true;
  }
}
