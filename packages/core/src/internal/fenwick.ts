/**
 * A Fenwick (binary indexed) tree of numbers: point updates and prefix sums in O(log n).
 * Forced merging uses it to price a cover by the addresses its blocks already trust
 * without walking every block inside the cover.
 */
export class Fenwick {
  private readonly tree: Float64Array;

  constructor(size: number) {
    this.tree = new Float64Array(size + 1);
  }

  /** Adds `delta` at `index` (0-based). */
  add(index: number, delta: number): void {
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** The sum over indexes `[from, to)`. */
  sum(from: number, to: number): number {
    return this.prefix(to) - this.prefix(from);
  }

  private prefix(end: number): number {
    let total = 0;
    for (let i = end; i > 0; i -= i & -i) total += this.tree[i]!;
    return total;
  }
}
