import { isLeft } from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { join } from "node:path";
import type { EstateFile } from "../estate-files.js";
import { formatDecodeErrors } from "../format-decode-errors.js";
import { LocalFileError } from "../local-file-error.js";
import { joinProblems } from "./problem-list.js";

/**
 * Decodes one estate file's JSON with its codec, or fails with every shape problem found,
 * each as `<file>: <path>: expected <type>, got <value>`.
 */
export const decodeEstateFile = <A>(
  directory: string,
  file: EstateFile,
  codec: t.Decoder<unknown, A>,
  document: unknown,
): A => {
  const decoded = codec.decode(document);
  if (isLeft(decoded)) {
    const problems = formatDecodeErrors(file.name, decoded.left);
    throw new LocalFileError(join(directory, file.name), "invalid-content", joinProblems(problems));
  }
  return decoded.right;
};
