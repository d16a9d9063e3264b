/**
 * Sorts addresses ascending and drops repeats, returning a new array. Typed-array sort is
 * numeric, which is what prefix walks over the result rely on.
 */
export const sortedUniqueAddresses = (addresses: ArrayLike<number>): Uint32Array => {
  const sorted = Uint32Array.from(addresses).sort();
  if (sorted.length < 2) {
    return sorted;
  }

  let write = 1;
  for (let read = 1; read < sorted.length; read += 1) {
    if (sorted[read] !== sorted[write - 1]) {
      sorted[write] = sorted[read]!;
      write += 1;
    }
  }
  return sorted.subarray(0, write);
};

/** The index of the first address in `sorted[lo, hi)` that is `>= value`. */
export const lowerBound = (sorted: Uint32Array, value: number, lo: number, hi: number): number => {
  let low = lo;
  let high = hi;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
};
