import type { ByteCursor } from "./json-byte-cursor.js";
import { endOfJsonInput, JsonSyntaxError, unexpectedToken } from "./json-syntax-error.js";
import { JsonValueBuilder } from "./json-value-builder.js";
import { KeyPredictions } from "./key-predictions.js";
import { readJsonLiteral } from "./read-json-literal.js";
import { readJsonNumber } from "./read-json-number.js";
import { readJsonString } from "./read-json-string.js";
import { ShortStringCache } from "./short-string-cache.js";

/** What the parser accepts next, apart from whitespace. */
const enum Next {
  Value,
  ValueOrArrayEnd,
  KeyOrObjectEnd,
  Key,
  ColonAfterFirstKey,
  ColonAfterKey,
  CommaOrArrayEnd,
  CommaOrObjectEnd,
  Nothing,
}

/** Stands for the end of the text: no token starts with it, so each state names its error. */
const NO_BYTE = -1;

/**
 * Parses JSON text that arrives as byte chunks, for documents too long to be one string:
 * `write` each chunk in order, then `end` returns the value. The value equals what
 * `JSON.parse` gives for the text decoded as UTF-8 (see {@link JsonValueBuilder}).
 *
 * Memory holds the value being built and one chunk, plus the start of a token cut by a
 * chunk's end; strings inside the document are expected to be short. Invalid text fails
 * with a {@link JsonSyntaxError} whose offset counts bytes from the first one written, at
 * the place `JSON.parse` reports for the same text where it reports one. The text must
 * not start with a byte order mark; callers strip it.
 */
export class JsonBytesParser {
  private readonly cursor: ByteCursor = { bytes: Buffer.alloc(0), index: 0, ended: false };
  /** Bytes written before `cursor.bytes`, to turn indexes into offsets in the text. */
  private consumed = 0;
  private next = Next.Value;
  /** The end of the last token, where `JSON.parse` places an "end of input" error. */
  private lastTokenEnd = 0;
  private readonly builder = new JsonValueBuilder();
  private readonly strings = new ShortStringCache();
  private readonly predictions = new KeyPredictions();

  /** Parses as far as `chunk` allows, keeping a token it cuts for the next chunk. */
  write(chunk: Uint8Array): void {
    const { bytes, index } = this.cursor;
    const rest = bytes.subarray(index);
    const more = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

    this.cursor.bytes = rest.length === 0 ? more : Buffer.concat([rest, more]);
    this.cursor.index = 0;
    this.consumed += index;
    this.parseWithOffsets();
  }

  /** Finishes the text and returns its value, or fails if the text stops short. */
  end(): unknown {
    this.cursor.ended = true;
    this.parseWithOffsets();
    return this.builder.value;
  }

  private parseWithOffsets(): void {
    try {
      this.parseAvailable();
    } catch (error) {
      throw error instanceof JsonSyntaxError ? error.shiftedBy(this.consumed) : error;
    }
  }

  /** Takes one token after another until the bytes run out or a token is cut. */
  private parseAvailable(): void {
    const cursor = this.cursor;

    for (;;) {
      const { bytes } = cursor;
      const length = bytes.length;
      let index = cursor.index;
      while (index < length && isWhitespace(bytes[index] as number)) index += 1;
      cursor.index = index;

      if (index === length) {
        if (cursor.ended) this.finish();
        return;
      }
      if (!this.take(bytes[index] as number)) return;
    }
  }

  /** Takes the token starting with `byte`; false when it is cut and more bytes are needed. */
  private take(byte: number): boolean {
    switch (this.next) {
      case Next.Value:
        return this.takeValue(byte);
      case Next.ValueOrArrayEnd:
        return byte === 0x5d ? this.takeEnd() : this.takeValue(byte);
      case Next.KeyOrObjectEnd:
        if (byte === 0x7d) return this.takeEnd();
        return this.takeKey(byte, true);
      case Next.Key:
        return this.takeKey(byte, false);
      case Next.ColonAfterFirstKey:
        if (byte !== 0x3a) throw this.expected("Expected ':' after property name in JSON");
        return this.takeColon();
      case Next.ColonAfterKey:
        if (byte !== 0x3a) throw this.unexpected(byte);
        return this.takeColon();
      case Next.CommaOrArrayEnd:
        return this.takeCommaOrEnd(byte, true);
      case Next.CommaOrObjectEnd:
        return this.takeCommaOrEnd(byte, false);
      case Next.Nothing:
        throw this.expected("Unexpected non-whitespace character after JSON");
    }
  }

  private takeValue(byte: number): boolean {
    if (byte === 0x7b || byte === 0x5b) return this.takeStart(byte === 0x5b);

    const value =
      byte === 0x22
        ? readJsonString(this.cursor, this.strings)
        : startsNumber(byte)
          ? readJsonNumber(this.cursor)
          : readJsonLiteral(this.cursor);
    if (value === undefined) return false;

    return this.finished(this.builder.add(value));
  }

  private takeStart(isArray: boolean): boolean {
    this.builder.open(isArray);
    if (!isArray) this.predictions.open(this.builder.depth);

    this.cursor.index += 1;
    this.expect(isArray ? Next.ValueOrArrayEnd : Next.KeyOrObjectEnd);
    return true;
  }

  private takeEnd(): boolean {
    this.cursor.index += 1;
    return this.finished(this.builder.close());
  }

  private takeKey(byte: number, first: boolean): boolean {
    if (byte !== 0x22) throw this.expected(first ? FIRST_KEY_REASON : KEY_REASON);

    const depth = this.builder.depth;
    const guess = this.predictions.match(this.cursor, depth);
    const key = guess ?? readJsonString(this.cursor, this.strings);
    if (key === undefined) return false;

    this.predictions.record(depth, key, guess !== undefined);
    this.builder.setKey(key);
    this.expect(first ? Next.ColonAfterFirstKey : Next.ColonAfterKey);
    return true;
  }

  private takeColon(): boolean {
    this.cursor.index += 1;
    this.expect(Next.Value);
    return true;
  }

  private takeCommaOrEnd(byte: number, inArray: boolean): boolean {
    if (byte === (inArray ? 0x5d : 0x7d)) return this.takeEnd();
    if (byte !== 0x2c) throw this.expected(afterMemberReason(inArray));

    this.cursor.index += 1;
    if (inArray) this.expect(Next.Value);
    else this.next = Next.Key;
    return true;
  }

  /** After a value: a comma or the end of its container, or nothing after the document. */
  private finished(inArray: boolean): boolean {
    if (this.builder.depth === 0) this.next = Next.Nothing;
    else this.next = inArray ? Next.CommaOrArrayEnd : Next.CommaOrObjectEnd;
    return true;
  }

  /** Expects `next` from the cursor on, where the last token ended. */
  private expect(next: Next): void {
    this.next = next;
    this.lastTokenEnd = this.consumed + this.cursor.index;
  }

  private expected(reason: string): JsonSyntaxError {
    return new JsonSyntaxError(reason, this.cursor.index);
  }

  /** `JSON.parse`'s error for a token it did not expect and has no specific message for. */
  private unexpected(byte: number): JsonSyntaxError {
    if (byte === NO_BYTE) return endOfJsonInput(this.lastTokenEnd - this.consumed);
    return unexpectedToken(this.cursor.bytes, this.cursor.index);
  }

  /** At the end of the text: done after a whole value, otherwise the error for the cut. */
  private finish(): void {
    switch (this.next) {
      case Next.Nothing:
        return;
      case Next.Value:
      case Next.ValueOrArrayEnd:
        throw this.unexpected(NO_BYTE);
      default:
        this.take(NO_BYTE);
    }
  }
}

const FIRST_KEY_REASON = "Expected property name or '}' in JSON";
const KEY_REASON = "Expected double-quoted property name in JSON";

const afterMemberReason = (inArray: boolean): string =>
  inArray
    ? "Expected ',' or ']' after array element in JSON"
    : "Expected ',' or '}' after property value in JSON";

const startsNumber = (byte: number): boolean => byte === 0x2d || (byte >= 0x30 && byte <= 0x39);

const isWhitespace = (byte: number): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
