/** How many problems a message lists before it summarises the rest. */
const SHOWN = 10;

/**
 * Joins problem lines into one message, listing the first few and counting the rest, so a
 * badly damaged file gives a readable error rather than thousands of lines.
 */
export const joinProblems = (lines: readonly string[]): string => {
  const shown = lines.slice(0, SHOWN);
  const hidden = lines.length - shown.length;
  return hidden > 0 ? [...shown, `… and ${hidden} more`].join("\n") : shown.join("\n");
};
