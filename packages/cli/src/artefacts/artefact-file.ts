import { formatDecodeErrors, readJsonFile, writeFileAtomically } from "@sg/aws-adapter";
import { isLeft } from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { inputError } from "../cli/cli-error.js";

/** The name and version every sg-tightener artefact carries at its top. */
export interface ArtefactKind {
  /** `sg-tightener/approved`, `sg-tightener/plan`, `sg-tightener/manifest`, … */
  readonly format: string;
  readonly version: number;
  /** The flag that takes this artefact, for "pass it to --plan" hints. */
  readonly flag: string;
}

const KNOWN_FLAGS: Readonly<Record<string, string>> = {
  "sg-tightener/approved": "--approved",
  "sg-tightener/plan": "--plan",
  "sg-tightener/manifest": "--manifest",
};

const header = t.type({ format: t.string, version: t.number });

/**
 * Reads an artefact, checking first that it is the kind expected, at the version this
 * build reads, then its whole shape. Every failure names the file, and the path inside it
 * where the shape is wrong, and says what was expected.
 */
export const readArtefact = async <A>(
  path: string,
  kind: ArtefactKind,
  codec: t.Decoder<unknown, A>,
): Promise<A> => {
  const document = await readJsonFile(path).catch((error: Error) => {
    throw inputError(error.message);
  });

  const head = header.decode(document);
  if (isLeft(head)) {
    throw inputError(
      `${path} is not an sg-tightener artefact (it has no "format" and "version"); ` +
        `expected ${kind.format} version ${kind.version}`,
    );
  }
  const { format, version } = head.right;
  if (format !== kind.format) {
    const hint = KNOWN_FLAGS[format] === undefined ? "" : ` (pass it to ${KNOWN_FLAGS[format]})`;
    throw inputError(
      `${path} is a ${format} artefact, expected ${kind.format} for ${kind.flag}${hint}`,
    );
  }
  if (version !== kind.version) {
    throw inputError(
      `${path} is ${format} version ${version}; this sg-tightener reads version ` +
        `${kind.version}. Rebuild it with this version of sg-tightener.`,
    );
  }

  const decoded = codec.decode(document);
  if (isLeft(decoded)) {
    const problems = formatDecodeErrors(path, decoded.left);
    const shown = problems.slice(0, 10);
    const more =
      problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    throw inputError([`${path} is not a valid ${format}:`, ...shown, ...more].join("\n  "));
  }
  return decoded.right;
};

/** Writes an artefact atomically (temp file, then rename) as indented JSON. */
export const writeArtefact = async (path: string, document: unknown): Promise<void> => {
  await writeFileAtomically(path, `${JSON.stringify(document, null, 2)}\n`);
};
