const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Passes byte chunks through with a leading UTF-8 byte order mark removed, as reading the
 * file as text and slicing the mark off would; a mark split across chunks is still found.
 */
export async function* withoutByteOrderMark(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let head = Buffer.alloc(0);
  let checked = false;

  for await (const chunk of chunks) {
    if (checked) {
      yield chunk;
      continue;
    }

    head = Buffer.concat([head, chunk]);
    if (head.length < BYTE_ORDER_MARK.length) continue;
    checked = true;
    yield withoutMark(head);
  }

  if (!checked && head.length > 0) yield head;
}

const withoutMark = (bytes: Buffer): Buffer =>
  bytes.subarray(0, BYTE_ORDER_MARK.length).equals(BYTE_ORDER_MARK)
    ? bytes.subarray(BYTE_ORDER_MARK.length)
    : bytes;
