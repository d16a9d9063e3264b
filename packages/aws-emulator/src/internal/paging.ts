/**
 * Where a paginated listing resumes: the index of the next item and the number of pages
 * already served (which decides the deliberately empty ones).
 */
export interface Cursor {
  readonly offset: number;
  readonly page: number;
}

/** Encodes a cursor as an opaque token, as AWS tokens are opaque to clients. */
export const encodeToken = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/** Decodes a token this emulator issued, or `undefined` for anything else. */
export const decodeToken = (token: string): Cursor | undefined => {
  try {
    const cursor: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const { offset, page } = (cursor ?? {}) as Record<string, unknown>;
    return isCount(offset) && isCount(page) ? { offset, page } : undefined;
  } catch {
    return undefined;
  }
};

/** One page of a listing and the cursor of the next page, if any item remains. */
export const slicePage = <T>(
  items: readonly T[],
  cursor: Cursor,
  size: number,
): { readonly page: T[]; readonly next?: Cursor } => {
  const end = cursor.offset + size;
  const page = items.slice(cursor.offset, end);
  return end < items.length ? { page, next: { offset: end, page: cursor.page + 1 } } : { page };
};
