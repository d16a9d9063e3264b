import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchIpRanges } from "../../../src/aws/ip-ranges/fetch-ip-ranges.js";
import { IpRangesFetchError } from "../../../src/aws/ip-ranges/ip-ranges-fetch-error.js";
import { startRangesServer, unreachableUrl, type RangesServer } from "./support/ranges-server.js";

const RANGES = {
  syncToken: "1780444800",
  createDate: "2026-06-03-00-00-00",
  prefixes: [{ ip_prefix: "3.80.0.0/12", region: "us-east-1", service: "EC2" }],
  ipv6_prefixes: [],
};

/** The error `promise` rejects with, or a failure when it resolves. */
const failureOf = async (promise: Promise<unknown>): Promise<IpRangesFetchError> => {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(IpRangesFetchError);
  return outcome as IpRangesFetchError;
};

describe("fetchIpRanges over HTTP", () => {
  let server: RangesServer;

  beforeAll(async () => {
    server = await startRangesServer({
      "/ip-ranges.json": { kind: "answer", status: 200, body: JSON.stringify(RANGES) },
      "/html": { kind: "answer", status: 200, body: "<html>maintenance</html>" },
      "/gone": { kind: "answer", status: 503, body: "{}" },
      "/silent": { kind: "silent" },
      "/stalled": { kind: "stalled", start: '{"syncToken": "17' },
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it("should return the parsed document of a GET", async () => {
    const document = await fetchIpRanges(server.url("/ip-ranges.json"));

    expect(document).toEqual(RANGES);
    expect(server.requests).toContain("GET /ip-ranges.json");
  });

  it.each([
    ["/missing", "status", "answered HTTP 404 Not Found"],
    ["/gone", "status", "answered HTTP 503 Service Unavailable"],
    ["/html", "invalid-json", "did not return JSON: "],
  ])("should name the URL when %s fails (%s)", async (path, problem, message) => {
    const url = server.url(path);

    const error = await failureOf(fetchIpRanges(url));

    expect(error.problem).toBe(problem);
    expect(error.url).toBe(url);
    expect(error.message).toContain(url);
    expect(error.message).toContain(message);
  });

  it("should name the URL and the socket error when nothing listens", async () => {
    const url = await unreachableUrl("/ip-ranges.json");

    const error = await failureOf(fetchIpRanges(url));

    expect(error.problem).toBe("network");
    expect(error.message).toMatch(new RegExp(`^Could not download ${url}: .*ECONNREFUSED`));
  });

  it.each(["/silent", "/stalled"])(
    "should give up when %s gives no complete answer in time",
    async (path) => {
      const started = Date.now();

      const error = await failureOf(fetchIpRanges(server.url(path), { timeoutMs: 300 }));

      expect(error.problem).toBe("timeout");
      expect(error.message).toBe(
        `Could not download ${server.url(path)}: no complete answer within 0.3 s`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    },
  );

  it.each(["ip-ranges.json", "file:///tmp/ip-ranges.json", "ftp://example.test/x"])(
    "should refuse %s, which is not an http(s) URL, without a request",
    async (url) => {
      const fetching = vi.spyOn(globalThis, "fetch");

      const error = await failureOf(fetchIpRanges(url));

      expect(error.problem).toBe("invalid-url");
      expect(error.message).toBe(`"${url}" is not an http:// or https:// URL`);
      expect(fetching).not.toHaveBeenCalled();
      fetching.mockRestore();
    },
  );
});
