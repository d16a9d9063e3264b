import { LocalEstate, LocalFileError, type LocalEstateOptions } from "@sg/aws-adapter";
import { inputError } from "../cli/cli-error.js";

/**
 * Opens an exported estate, turning a missing or malformed file into an input error whose
 * message names the file and the AWS CLI command that writes it.
 */
export const openLocalEstate = async (
  directory: string,
  options: LocalEstateOptions = {},
): Promise<LocalEstate> => {
  try {
    return await LocalEstate.open(directory, options);
  } catch (error) {
    if (error instanceof LocalFileError) throw inputError(error.message);
    throw error;
  }
};
