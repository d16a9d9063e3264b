import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleCall, type CallContext } from "./handle-call.js";

const BODY_LIMIT = 16 * 1024 * 1024;

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error(`request body over ${BODY_LIMIT} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

/**
 * Starts an HTTP server on 127.0.0.1 at a free port that answers every request through
 * {@link handleCall}, and resolves with the server and its base URL once it listens.
 */
export const listen = async (
  context: CallContext,
): Promise<{ readonly server: Server; readonly endpoint: string }> => {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) =>
        handleCall(
          {
            method: request.method ?? "GET",
            url: request.url ?? "/",
            headers: request.headers,
            body,
          },
          context,
        ),
      )
      .then((reply) => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      })
      .catch((cause: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(`emulator failure: ${String(cause)}`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}` };
};
