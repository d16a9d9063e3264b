/** The most values sent in one Describe filter; longer lists are split over several calls. */
const MAX_FILTER_VALUES = 200;

/**
 * The `Filters` of each call of a listing restricted to `values` of filter `name`, split
 * so each request stays small: one unfiltered call when `values` is `undefined`, and no
 * call at all when it is empty.
 */
export const filterChunks = (
  name: string,
  values: readonly string[] | undefined,
): { Name: string; Values: string[] }[][] => {
  if (values === undefined) return [[]];

  const unique = [...new Set(values)];
  const chunks: { Name: string; Values: string[] }[][] = [];
  for (let start = 0; start < unique.length; start += MAX_FILTER_VALUES) {
    chunks.push([{ Name: name, Values: unique.slice(start, start + MAX_FILTER_VALUES) }]);
  }
  return chunks;
};
