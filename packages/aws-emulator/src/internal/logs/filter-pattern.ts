import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";

/**
 * Compiles the subset of the CloudWatch Logs filter syntax the emulator models: plain
 * terms and double-quoted phrases, all of which must occur in the message. Space-delimited
 * (`[…]`), JSON (`{…}`), optional (`?`) and excluded (`-`) terms are refused with an
 * error, so a client that relies on them learns it from its tests.
 */
export const compileFilterPattern = (
  pattern: string | undefined,
): Result<(message: string) => boolean, ApiError> => {
  const text = (pattern ?? "").trim();
  if (/^[[{]/.test(text) || /(^|\s)[?-]/.test(text)) {
    return err(
      apiError(
        "InvalidParameterException",
        `filterPattern "${text}" uses syntax the emulator does not model; ` +
          "use plain terms or quoted phrases.",
      ),
    );
  }

  const terms = [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");
  return ok((message) => terms.every((term) => message.includes(term)));
};
