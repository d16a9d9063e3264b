import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A response to lose: the `nth` call of `action` after arming (1-based) reaches the
 * emulator and takes effect there, but the client sees `as` instead of the answer: EC2's
 * `InternalError` (HTTP 500, the default) or a connection reset. `times` consecutive
 * calls from the nth on are lost (default 1).
 */
export interface LostResponse {
  readonly action: string;
  readonly nth: number;
  readonly as?: "internal-error" | "reset";
  readonly times?: number;
}

/**
 * A proxy in front of an emulator that forwards every call and can lose the response of
 * chosen ones after the emulator has acted on them: the case a writer must survive
 * without doubling or losing a change, since the outcome is unknown to the client.
 */
export interface ResponseLossProxy {
  /** The base URL to give SDK clients instead of the emulator's own. */
  readonly endpoint: string;
  /** Arms a loss; it applies to calls that arrive after it. */
  loseResponse(loss: LostResponse): void;
  /** The actions whose responses were lost so far, in order. */
  readonly lost: readonly string[];
  stop(): Promise<void>;
}

interface ArmedLoss {
  readonly loss: LostResponse;
  seen: number;
  fired: number;
}

const INTERNAL_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InternalError' +
  "</Code><Message>An internal error has occurred.</Message></Error></Errors>" +
  "<RequestID>00000000-0000-4000-8000-lostresponse</RequestID></Response>";

const readBody = (message: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on("data", (chunk: Buffer) => chunks.push(chunk));
    message.on("end", () => resolve(Buffer.concat(chunks)));
    message.on("error", reject);
  });

const actionOf = (request: IncomingMessage, body: Buffer): string => {
  const target = request.headers["x-amz-target"];
  if (typeof target === "string") return target.slice(target.lastIndexOf(".") + 1);
  return new URLSearchParams(body.toString("utf8")).get("Action") ?? "";
};

/**
 * Starts a {@link ResponseLossProxy} on 127.0.0.1 in front of the emulator at `target`
 * (an emulator's `endpoint`). Calls with no armed loss pass through unchanged.
 */
export const startResponseLossProxy = async (target: string): Promise<ResponseLossProxy> => {
  const armed: ArmedLoss[] = [];
  const lost: string[] = [];
  const upstream = new URL(target);

  const losing = (action: string): LostResponse | undefined => {
    let firing: LostResponse | undefined;
    for (const entry of armed.filter((candidate) => candidate.loss.action === action)) {
      entry.seen += 1;
      if (!firing && entry.seen >= entry.loss.nth && entry.fired < (entry.loss.times ?? 1)) {
        entry.fired += 1;
        firing = entry.loss;
      }
    }
    return firing;
  };

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const action = actionOf(request, body);
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
        },
        (answer) => {
          void readBody(answer).then((answerBody) => {
            const loss = losing(action);
            if (loss === undefined) {
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(answerBody);
              return;
            }

            lost.push(action);
            if (loss.as === "reset") {
              request.socket.destroy();
              return;
            }
            response.writeHead(500, { "content-type": "text/xml;charset=UTF-8" });
            response.end(INTERNAL_ERROR);
          });
        },
      );
      forwarded.on("error", () => request.socket.destroy());
      forwarded.end(body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    loseResponse: (loss) => armed.push({ loss, seen: 0, fired: 0 }),
    lost,
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
