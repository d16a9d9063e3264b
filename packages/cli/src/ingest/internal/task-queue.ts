/**
 * The order in which files start: the biggest first, so that no worker is left reading one
 * large file alone at the end while the others idle. Results do not depend on this order;
 * two rules of the text path do, and the queue keeps them. A path that also appears
 * earlier in the list may inherit the layout its previous read left, so it starts only
 * once every file before it is done. After a failure, no file after it starts.
 */
export class TaskQueue {
  private readonly waiting: number[];
  private readonly repeated: readonly boolean[];
  private readonly done: boolean[];
  private donePrefix = 0;
  private failedAt: number;

  constructor(paths: readonly string[], sizes: readonly number[]) {
    const seen = new Set<string>();
    this.waiting = paths.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    this.repeated = paths.map((path) => seen.size === seen.add(path).size);
    this.done = paths.map(() => false);
    this.failedAt = paths.length;
  }

  /** Whether file `index` names a path that also appears earlier in the list. */
  isRepeated(index: number): boolean {
    return this.repeated[index] === true;
  }

  /** Whether no file is left that will ever start; some may still be running. */
  get exhausted(): boolean {
    return this.waiting.every((index) => index > this.failedAt);
  }

  /** The next file that may start now, taken off the queue, or `undefined`. */
  take(): number | undefined {
    const at = this.waiting.findIndex(
      (index) => index < this.failedAt && (!this.repeated[index] || this.donePrefix >= index),
    );
    if (at < 0) return undefined;

    return this.waiting.splice(at, 1)[0];
  }

  /** Records that file `index` finished, or failed. */
  finish(index: number, failed: boolean): void {
    this.done[index] = true;
    while (this.done[this.donePrefix] === true) this.donePrefix += 1;
    if (failed) this.failedAt = Math.min(this.failedAt, index);
  }
}
