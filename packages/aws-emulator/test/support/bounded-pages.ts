/**
 * Collects the pages of an SDK paginator, failing once more than `limit` pages arrive so
 * that a paging bug ends the test instead of looping forever.
 */
export const boundedPages = async <T>(pages: AsyncIterable<T>, limit: number): Promise<T[]> => {
  const collected: T[] = [];
  for await (const page of pages) {
    collected.push(page);
    if (collected.length > limit) throw new Error(`more than ${limit} pages; paging never ended`);
  }
  return collected;
};
