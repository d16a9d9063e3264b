import { openSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The gzip files under a folder and their sizes, compressed and inflated. */
export interface FlowLogFolder {
  readonly files: readonly string[];
  readonly gzipBytes: number;
  readonly textBytes: number;
}

/** The size a gzip member inflates to, from its trailer (exact below 4 GiB). */
const inflatedSize = (path: string, size: number): number => {
  const trailer = Buffer.alloc(4);
  const handle = openSync(path, "r");
  readSync(handle, trailer, 0, 4, size - 4);
  closeSync(handle);
  return trailer.readUInt32LE(0);
};

/** Lists every `.gz` file under `folder`, in code-unit order, with their total sizes. */
export const flowLogFolder = (folder: string): FlowLogFolder => {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".gz"))
    .sort()
    .map((name) => join(folder, name));
  let gzipBytes = 0;
  let textBytes = 0;
  for (const file of files) {
    const { size } = statSync(file);
    gzipBytes += size;
    textBytes += inflatedSize(file, size);
  }
  return { files, gzipBytes, textBytes };
};
