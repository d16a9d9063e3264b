import {
  fetchIpRanges,
  IP_RANGES_URL,
  IpRangesFetchError,
  LocalFileError,
  readJsonFile,
} from "@sg/aws-adapter";
import { parseIpRanges, type IpRanges } from "@sg/core";
import { inputError, usageError } from "../../cli/cli-error.js";
import type { FlagValues } from "../../cli/command.js";
import type { ConsoleIo } from "../../cli/console-io.js";
import { stringFlag } from "../../cli/flag-values.js";
import { flowLogSourceKind } from "../../evidence/flow-log-source-choice.js";

/** Where extend reads AWS's ranges from: a saved file, or a download. */
export type IpRangesLocation =
  { readonly kind: "file"; readonly path: string } | { readonly kind: "url"; readonly url: string };

const isHttpUrl = (text: string): boolean => /^https?:\/\//i.test(text);

/**
 * Where `--include-public` takes AWS's ranges from: `--ip-ranges` as a FILE or an http(s)
 * URL, else, live, AWS's published {@link IP_RANGES_URL}. Offline (`--estate DIR` or
 * `--flow-logs`) never reaches the network, so there only a FILE will do: anything else is
 * a usage error, raised before anything is read.
 */
export const ipRangesLocation = (flags: FlagValues): IpRangesLocation => {
  const given = stringFlag(flags, "ip-ranges");
  const offline =
    stringFlag(flags, "estate") !== undefined || flowLogSourceKind("extend", flags) === "flow-logs";
  if (offline && (given === undefined || isHttpUrl(given))) {
    throw usageError(
      "sg-tightener extend: --include-public needs --ip-ranges FILE offline (--flow-logs " +
        `with --estate DIR), where nothing is downloaded; save ${IP_RANGES_URL} and pass its path`,
    );
  }

  const text = given ?? IP_RANGES_URL;
  return isHttpUrl(text) ? { kind: "url", url: text } : { kind: "file", path: text };
};

/**
 * AWS's ranges from `location`, checked with `parseIpRanges`: read from the file, or
 * downloaded. An unreadable file, a failed download or a document that is not AWS's
 * ip-ranges.json is an input error naming the file or URL; nothing has been written yet.
 */
export const readAwsIpRanges = async (
  location: IpRangesLocation,
  io: ConsoleIo,
): Promise<IpRanges> => {
  const document =
    location.kind === "file" ? await fromFile(location.path) : await fromUrl(location.url, io);
  const name = location.kind === "file" ? location.path : location.url;

  const parsed = parseIpRanges(document);
  if (!parsed.ok) {
    const problems = parsed.error.map((problem) => `${name}: ${problem.path} ${problem.reason}`);
    throw inputError([`${name} is not AWS's ip-ranges.json:`, ...problems].join("\n  "));
  }
  return parsed.value;
};

const fromFile = (path: string): Promise<unknown> =>
  readJsonFile(path).catch((error: Error) => {
    throw inputError(error instanceof LocalFileError ? error.message : `${path}: ${error.message}`);
  });

const fromUrl = (url: string, io: ConsoleIo): Promise<unknown> => {
  io.status(`extend: downloading ${url}`);
  return fetchIpRanges(url).catch((error: unknown) => {
    if (!(error instanceof IpRangesFetchError)) throw error;
    throw inputError(
      `sg-tightener extend: --include-public needs AWS's IP ranges. ${error.message}; ` +
        "nothing was written. Try again, or save the file and pass --ip-ranges FILE.",
    );
  });
};
