import type { PollPacing } from "../query-client-options.js";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks at a running query until `look` returns an outcome: waits `firstMs`, then half as
 * long again after every look that found it still running, up to `maxMs`. AWS bills and
 * throttles per call, so a long query is looked at a few times a minute, not hammered.
 */
export const pollUntil = async <T>(
  look: () => Promise<T | undefined>,
  pacing: PollPacing = {},
): Promise<T> => {
  const longest = pacing.maxMs ?? 5000;
  let wait = Math.min(pacing.firstMs ?? 500, longest);

  for (;;) {
    await sleep(wait);

    const outcome = await look();
    if (outcome !== undefined) return outcome;
    wait = Math.min(longest, Math.ceil(wait * 1.5));
  }
};
