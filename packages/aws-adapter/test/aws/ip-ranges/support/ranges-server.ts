import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers one path. */
export type RangesAnswer =
  /** A whole answer with this status and body. */
  | { readonly kind: "answer"; readonly status: number; readonly body: string }
  /** The request is accepted and never answered. */
  | { readonly kind: "silent" }
  /** Status 200 and the start of a body, then nothing more. */
  | { readonly kind: "stalled"; readonly start: string };

/** A local HTTP server standing in for ip-ranges.amazonaws.com. */
export interface RangesServer {
  /** The URL of `path` on this server. */
  url(path: string): string;
  /** The paths requested so far, with their method, as `GET /ip-ranges.json`. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

const answer = (response: ServerResponse, reply: RangesAnswer | undefined): void => {
  if (reply === undefined) {
    response.writeHead(404, { "content-type": "text/plain" }).end("no such file");
    return;
  }
  if (reply.kind === "answer") {
    response.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body);
    return;
  }
  if (reply.kind === "stalled") {
    response.writeHead(200, { "content-type": "application/json" });
    response.write(reply.start);
  }
};

/**
 * Starts a node:http server on 127.0.0.1 at a free port, answering each path in `routes`
 * as told and any other path with 404. `stop` drops connections still held open.
 */
export const startRangesServer = async (
  routes: Readonly<Record<string, RangesAnswer>>,
): Promise<RangesServer> => {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push(`${request.method ?? ""} ${path}`);
    answer(response, routes[path]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A URL on 127.0.0.1 where nothing listens: a port just freed by a closed server. */
export const unreachableUrl = async (path: string): Promise<string> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
};
