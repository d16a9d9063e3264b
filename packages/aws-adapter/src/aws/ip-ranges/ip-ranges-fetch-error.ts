/**
 * Why AWS's ip-ranges.json could not be downloaded: the address is not an http(s) URL,
 * the server answered with an error status, the connection failed (DNS, refused, TLS),
 * no complete answer came in time, or the body is not JSON.
 */
export type IpRangesFetchProblem =
  "invalid-url" | "status" | "network" | "timeout" | "invalid-json";

/**
 * A download of AWS's ip-ranges.json that failed. The message names the URL and what went
 * wrong, so a caller can print it as it stands; `url` and `problem` let it choose an exit
 * code or a hint without parsing the text.
 */
export class IpRangesFetchError extends Error {
  override readonly name = "IpRangesFetchError";

  constructor(
    readonly url: string,
    readonly problem: IpRangesFetchProblem,
    message: string,
  ) {
    super(message);
  }
}
