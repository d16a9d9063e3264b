/**
 * Decodes the UTF-8 bytes `bytes[start, stop)` to a string. The byte scanner takes one
 * instead of calling a host API, so that @sg/core stays free of `TextDecoder` and Buffer;
 * the caller passes the decoder whose handling of invalid bytes matches its text path
 * (Node's `TextDecoder("utf-8", { ignoreBOM: true })` matches `StringDecoder`).
 */
export type Utf8Decode = (bytes: Uint8Array, start: number, stop: number) => string;
