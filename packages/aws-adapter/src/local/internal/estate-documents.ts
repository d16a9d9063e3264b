import { stat } from "node:fs/promises";
import { join } from "node:path";
import { ESTATE_FILES, type EstateFile } from "../estate-files.js";
import { LocalFileError } from "../local-file-error.js";
import { readJsonFile } from "../read-json-file.js";

/**
 * The parsed JSON of each estate file, kept whole so that a rewrite preserves every field
 * the tool does not model. Optional files that are absent are `undefined`.
 */
export interface EstateDocuments {
  readonly securityGroups: unknown;
  readonly networkInterfaces: unknown;
  readonly securityGroupRules?: unknown;
  readonly managedPrefixLists?: unknown;
  readonly networkAcls?: unknown;
}

/**
 * Reads every estate file present in `directory`. A missing required file fails with its
 * name, what it supplies and the AWS CLI command that exports it.
 */
export const loadEstateDocuments = async (directory: string): Promise<EstateDocuments> => {
  await requireDirectory(directory);

  const [securityGroups, networkInterfaces, securityGroupRules, managedPrefixLists, networkAcls] =
    await Promise.all([
      readEstateFile(directory, ESTATE_FILES.securityGroups),
      readEstateFile(directory, ESTATE_FILES.networkInterfaces),
      readEstateFile(directory, ESTATE_FILES.securityGroupRules),
      readEstateFile(directory, ESTATE_FILES.managedPrefixLists),
      readEstateFile(directory, ESTATE_FILES.networkAcls),
    ]);
  return { securityGroups, networkInterfaces, securityGroupRules, managedPrefixLists, networkAcls };
};

const requireDirectory = async (directory: string): Promise<void> => {
  const found = await stat(directory).catch(() => undefined);
  if (found?.isDirectory() !== true) {
    throw new LocalFileError(
      directory,
      "missing",
      `estate folder ${directory} does not exist or is not a folder`,
    );
  }
};

const readEstateFile = async (directory: string, file: EstateFile): Promise<unknown> => {
  const path = join(directory, file.name);
  try {
    return await readJsonFile(path);
  } catch (error) {
    if (!(error instanceof LocalFileError) || error.problem !== "missing") throw error;
    if (!file.required) return undefined;

    throw new LocalFileError(
      path,
      "missing",
      `${file.name} is missing from ${directory}: it lists ${file.supplies}. ` +
        `Export it with: ${file.command}`,
    );
  }
};
