/**
 * What was wrong with a local file: absent, empty, not JSON, JSON of the wrong shape, at
 * odds with a sibling file, or a damaged gzip stream.
 */
export type LocalFileProblem =
  "missing" | "empty" | "invalid-json" | "invalid-content" | "inconsistent" | "corrupt";

/**
 * A local file (estate export, artefact or flow log) that cannot be used. The message
 * names the file and says what was expected, so the CLI can print it as it stands; `path`
 * and `problem` let it choose an exit code without parsing the text.
 */
export class LocalFileError extends Error {
  override readonly name = "LocalFileError";

  constructor(
    readonly path: string,
    readonly problem: LocalFileProblem,
    message: string,
  ) {
    super(message);
  }
}
