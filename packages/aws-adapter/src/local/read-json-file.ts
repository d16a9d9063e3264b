import { readFile } from "node:fs/promises";
import { LocalFileError } from "./local-file-error.js";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Reads and parses a JSON file, failing with a {@link LocalFileError} that names the file
 * when it is missing, empty or not JSON, with the line and column where the parser
 * stopped. The value is `unknown`: callers validate it with a codec before trusting it.
 */
export const readJsonFile = async (path: string): Promise<unknown> => {
  const text = await readText(path);

  if (text.trim().length === 0) {
    throw new LocalFileError(path, "empty", `${path} is empty, expected a JSON document`);
  }

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocalFileError(path, "invalid-json", `${path}${where(text, reason)}: ${reason}`);
  }
};

const readText = async (path: string): Promise<string> => {
  try {
    const text = await readFile(path, "utf8");
    return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new LocalFileError(path, "missing", `${path} does not exist`);
    }
    throw error;
  }
};

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
