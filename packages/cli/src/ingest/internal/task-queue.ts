/**
 * The order in which files start: the biggest first, so that no worker is left reading one
 * large file alone at the end while the others idle. Results do not depend on this order;
 * two rules of the text path do, and the queue keeps them. A path that also appears
 * earlier in the list may inherit the layout its previous read left, so it starts only
 * once every file before it is done, and before any other file once it may. After a
 * failure, no file after it starts. Taking and finishing cost constant time on average,
 * so that hundreds of thousands of small files are scheduled in milliseconds.
 */
export class TaskQueue {
  /** Files whose path is new, biggest first; those before `nextFirst` are taken. */
  private readonly firsts: number[];
  /** Files whose path appeared earlier, in list order; those before `nextRepeat` are taken. */
  private readonly repeats: number[];
  private readonly repeated: readonly boolean[];
  private readonly done: boolean[];
  private nextFirst = 0;
  private nextRepeat = 0;
  private donePrefix = 0;
  private failedAt: number;

  constructor(paths: readonly string[], sizes: readonly number[]) {
    const seen = new Set<string>();
    this.repeated = paths.map((path) => seen.size === seen.add(path).size);
    const indexes = paths.map((_, index) => index);
    this.firsts = indexes
      .filter((index) => !this.repeated[index])
      .sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    this.repeats = indexes.filter((index) => this.repeated[index]);
    this.done = paths.map(() => false);
    this.failedAt = paths.length;
  }

  /** Whether file `index` names a path that also appears earlier in the list. */
  isRepeated(index: number): boolean {
    return this.repeated[index] === true;
  }

  /** Whether no file is left that will ever start; some may still be running. */
  get exhausted(): boolean {
    const repeat = this.repeats[this.nextRepeat];
    return (
      this.nextFirst === this.firsts.length && (repeat === undefined || repeat > this.failedAt)
    );
  }

  /** The next file that may start now, taken off the queue, or `undefined`. */
  take(): number | undefined {
    const repeat = this.repeats[this.nextRepeat];
    if (repeat !== undefined && repeat < this.failedAt && this.donePrefix >= repeat) {
      this.nextRepeat += 1;
      return repeat;
    }

    const first = this.firsts[this.nextFirst];
    this.passFailed(this.nextFirst + 1);
    return first;
  }

  /** Records that file `index` finished, or failed. */
  finish(index: number, failed: boolean): void {
    this.done[index] = true;
    while (this.done[this.donePrefix] === true) this.donePrefix += 1;
    if (!failed) return;

    this.failedAt = Math.min(this.failedAt, index);
    this.passFailed(this.nextFirst);
  }

  /**
   * Moves the front of the new paths to `from`, then past the files a failure ahead of
   * them stops, so that the front is always a file that may still start.
   */
  private passFailed(from: number): void {
    let next = Math.min(from, this.firsts.length);
    while (next < this.firsts.length && this.firsts[next]! > this.failedAt) next += 1;
    this.nextFirst = next;
  }
}
