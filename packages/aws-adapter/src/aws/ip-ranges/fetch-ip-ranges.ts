import { IpRangesFetchError } from "./ip-ranges-fetch-error.js";

/** Where AWS publishes the address ranges of its services. */
export const IP_RANGES_URL = "https://ip-ranges.amazonaws.com/ip-ranges.json";

/** How long the whole download, headers and body, may take before it is abandoned. */
export const DEFAULT_IP_RANGES_TIMEOUT_MS = 30_000;

/** How to download the ranges. */
export interface FetchIpRangesOptions {
  /** Milliseconds for the whole download; {@link DEFAULT_IP_RANGES_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * Downloads AWS's ip-ranges.json (from {@link IP_RANGES_URL} unless told otherwise) and
 * returns the parsed JSON, unchecked: the caller validates it, as it would a saved copy
 * (`parseIpRanges` in @sg/core). Node's `fetch` verifies the server's TLS certificate, so
 * an https answer comes from the named host. Nothing is cached or written.
 *
 * Throws {@link IpRangesFetchError} naming the URL: not an http(s) URL, an error status,
 * a failed connection, no complete answer within `timeoutMs`, or a body that is not JSON.
 *
 * @example
 * const document = await fetchIpRanges(); // then parseIpRanges(document)
 */
export const fetchIpRanges = async (
  url: string = IP_RANGES_URL,
  options: FetchIpRangesOptions = {},
): Promise<unknown> => {
  checkHttpUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_IP_RANGES_TIMEOUT_MS;

  const text = await download(url, timeoutMs);

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IpRangesFetchError(url, "invalid-json", `${url} did not return JSON: ${reason}`);
  }
};

const checkHttpUrl = (url: string): void => {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== "http:" && protocol !== "https:") {
    throw new IpRangesFetchError(url, "invalid-url", `"${url}" is not an http:// or https:// URL`);
  }
};

/** The body of a successful GET of `url`, read whole within `timeoutMs`. */
const download = async (url: string, timeoutMs: number): Promise<string> => {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`.trim();
      throw new IpRangesFetchError(
        url,
        "status",
        `Could not download ${url}: the server answered HTTP ${status}`,
      );
    }
    return await response.text();
  } catch (error) {
    if (error instanceof IpRangesFetchError) throw error;
    if (signal.aborted) {
      const limit = `${timeoutMs / 1000} s`;
      throw new IpRangesFetchError(
        url,
        "timeout",
        `Could not download ${url}: no complete answer within ${limit}`,
      );
    }
    throw new IpRangesFetchError(url, "network", `Could not download ${url}: ${causeOf(error)}`);
  }
};

/** The most telling text of a failed `fetch`: undici hides the socket error in `cause`. */
const causeOf = (error: unknown): string => {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message !== "") return cause.message;
  return error instanceof Error ? error.message : String(error);
};
