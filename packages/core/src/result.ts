/**
 * The outcome of an operation that can fail on bad input: either a value or an error.
 * The core returns these instead of throwing, so callers decide how failures surface.
 */
export type Result<T, E> = Ok<T> | Err<E>;

/** A successful {@link Result}. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failed {@link Result}. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

/** Wraps a value as a successful {@link Result}. */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** Wraps an error as a failed {@link Result}. */
export const err = <E>(error: E): Err<E> => ({ ok: false, error });
