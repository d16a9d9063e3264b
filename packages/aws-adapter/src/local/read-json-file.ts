import { constants } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import { parseJsonFileBytes, positionInJsonFile } from "./internal/json-file-bytes.js";
import { JsonSyntaxError } from "./internal/json-syntax-error.js";
import { LocalFileError } from "./local-file-error.js";

const BYTE_ORDER_MARK = "\uFEFF";
/** Blank as JSON counts it, as the byte parser does: other spaces are not JSON whitespace. */
const JSON_WHITESPACE_ONLY = /^[ \t\r\n]*$/;

/** How {@link readJsonFile} reads; the default suits every file. */
export interface ReadJsonFileOptions {
  /**
   * Files longer than this many bytes are parsed from their bytes, chunk by chunk, rather
   * than read as one string for `JSON.parse`. Defaults to the longest string V8 can hold
   * (about 512 MiB), which a UTF-8 file of at most that many bytes never exceeds. Tests
   * lower it to reach the byte parser with small files.
   */
  readonly largeFileBytes?: number;
}

/**
 * Reads and parses a JSON file, failing with a {@link LocalFileError} that names the file
 * when it is missing, empty or not JSON, with the line and column where the parser
 * stopped. The value is `unknown`: callers validate it with a codec before trusting it.
 *
 * A file too long to be one string (an evidence base of millions of entries) is parsed
 * from its bytes instead, to the same value `JSON.parse` would give, and its errors name
 * the line and column too.
 */
export const readJsonFile = async (
  path: string,
  options: ReadJsonFileOptions = {},
): Promise<unknown> => {
  const size = await sizeOf(path);
  if (size > (options.largeFileBytes ?? constants.MAX_STRING_LENGTH)) return readLarge(path);

  const text = await readText(path);

  if (JSON_WHITESPACE_ONLY.test(text)) throw emptyFile(path);

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocalFileError(path, "invalid-json", `${path}${where(text, reason)}: ${reason}`);
  }
};

const sizeOf = async (path: string): Promise<number> => {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw missingOr(path, error);
  }
};

const readText = async (path: string): Promise<string> => {
  try {
    const text = await readFile(path, "utf8");
    return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  } catch (error) {
    throw missingOr(path, error);
  }
};

const readLarge = async (path: string): Promise<unknown> => {
  try {
    return await parseJsonFileBytes(path);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw missingOr(path, error);
    if (error.endOfInput && error.offset === 0) throw emptyFile(path);

    const { line, column } = await positionInJsonFile(path, error.offset);
    const message = `${path} line ${line} column ${column}: ${error.reason}`;
    throw new LocalFileError(path, "invalid-json", message);
  }
};

const missingOr = (path: string, error: unknown): unknown =>
  (error as NodeJS.ErrnoException).code === "ENOENT"
    ? new LocalFileError(path, "missing", `${path} does not exist`)
    : error;

const emptyFile = (path: string): LocalFileError =>
  new LocalFileError(path, "empty", `${path} is empty, expected a JSON document`);

/** ` line L column C` for the parser's reported offset, or for the end of a cut text. */
const where = (text: string, reason: string): string => {
  const position = /at position (\d+)/.exec(reason)?.[1];
  const offset = position === undefined ? endOfCutText(text, reason) : Number(position);
  if (offset === undefined) return "";

  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return ` line ${line} column ${column}`;
};

const endOfCutText = (text: string, reason: string): number | undefined =>
  /end of JSON input/i.test(reason) ? text.trimEnd().length : undefined;
