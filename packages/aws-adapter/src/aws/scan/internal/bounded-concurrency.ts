/** Runs a task once a slot is free; resolves or rejects as the task does. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A limiter that lets at most `slots` tasks run at once, starting the rest in the order
 * they were given as earlier ones settle. A finishing task hands its slot straight to the
 * next waiting one, so a newcomer can never slip in between; a failure frees it too.
 */
export const boundedConcurrency = (slots: number): Limiter => {
  if (!Number.isInteger(slots) || slots < 1) {
    throw new RangeError(`concurrency ${slots} is not a whole number of at least 1`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];

  const acquire = (): Promise<void> => {
    if (running < slots) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };

  return async <T>(task: () => Promise<T>): Promise<T> => {
    await acquire();

    try {
      return await task();
    } finally {
      release();
    }
  };
};
