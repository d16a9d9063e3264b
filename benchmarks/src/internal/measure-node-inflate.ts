import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Timing } from "./measurement.js";

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 1 << 21;

/**
 * The floor for anything written on Node: inflating every file with Node's own zlib, as
 * analyse's workers do (same chunk sizes), `streams` files at a time, the bytes thrown
 * away. Node's zlib is not the system's: here it inflates several times faster than
 * `gzip -dc`, so this floor, not pigz's, says what is left to the parser.
 */
export const measureNodeInflate = async (
  files: readonly string[],
  streams: number,
): Promise<Timing & { readonly bytes: number }> => {
  const queue = [...files];
  let bytes = 0;
  const inflateOne = async (path: string): Promise<void> => {
    const file = createReadStream(path, { highWaterMark: READ_CHUNK });
    const inflated = pipeline(file, createGunzip({ chunkSize: INFLATE_CHUNK }), () => undefined);
    for await (const chunk of inflated) bytes += (chunk as Buffer).length;
  };

  const began = performance.now();
  const used = process.cpuUsage();
  const stream = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await inflateOne(path);
    }
  };
  await Promise.all(Array.from({ length: streams }, stream));
  const { user, system } = process.cpuUsage(used);

  return { seconds: (performance.now() - began) / 1000, cpu: (user + system) / 1e6, bytes };
};
