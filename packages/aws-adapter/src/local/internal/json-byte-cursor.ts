/**
 * Where a reader of JSON bytes stands: `bytes` holds the text received so far that is not
 * yet consumed, reading a token moves `index` past it, and `ended` says no byte follows
 * `bytes`, so a token cut off at the end is an error rather than a wait for more.
 */
export interface ByteCursor {
  bytes: Buffer;
  index: number;
  ended: boolean;
}
