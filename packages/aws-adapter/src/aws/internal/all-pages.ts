import { responseFailure } from "./aws-read.js";

/** One page of a Describe listing: its items and the token of the next page, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/**
 * Every item of a paged listing, following `NextToken` until a page comes without one,
 * empty pages included. A token served twice means the listing would never end, so it
 * fails naming the operation rather than looping.
 */
export const allPages = async <T>(
  operation: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
): Promise<T[]> => {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;

  do {
    const page = await fetchPage(token);
    items.push(...page.items);

    token = page.nextToken === "" ? undefined : page.nextToken;
    if (token !== undefined && seen.has(token)) {
      throw responseFailure(operation, "the same NextToken twice, so paging would never end");
    }
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);

  return items;
};
