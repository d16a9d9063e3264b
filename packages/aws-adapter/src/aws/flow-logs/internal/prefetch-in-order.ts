/**
 * Starts `start(item)` for the items in order, keeping at most `concurrency` of them
 * started and not yet handed to the consumer, and yields their results in item order
 * whatever order they finish in. Later items are fetched while the consumer works on an
 * earlier one, yet memory stays bounded by `concurrency` results.
 *
 * The first failure, in item order, rejects the iteration. When the consumer stops early
 * or a result fails, the shared `signal` aborts the calls still running and `release`
 * receives every result that was fetched but never yielded (to close its streams).
 */
export async function* prefetchInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  start: (item: T, signal: AbortSignal) => Promise<R>,
  release: (result: R) => void = () => undefined,
): AsyncGenerator<R> {
  const controller = new AbortController();
  const iterator = iteratorOf(items);
  const pending: Promise<R>[] = [];
  let exhausted = false;

  const fill = async (): Promise<void> => {
    while (!exhausted && pending.length < Math.max(1, concurrency)) {
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        return;
      }
      const task = start(next.value, controller.signal);
      task.catch(() => undefined);
      pending.push(task);
    }
  };

  try {
    for (;;) {
      await fill();
      const head = pending.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    controller.abort();
    for (const task of pending) task.then(release, () => undefined);
    await iterator.return?.();
  }
}

const iteratorOf = <T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> =>
  Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
