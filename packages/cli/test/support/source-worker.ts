import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "tsup";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * Bundles the ingest worker from source into one temporary script, with @sg/* resolved to
 * the packages' sources through the root tsconfig paths, so that tests of the parallel
 * path neither need the CLI built nor see a stale build.
 */
export const buildSourceWorker = async (): Promise<URL> => {
  const outDir = mkdtempSync(join(tmpdir(), "sg-worker-"));
  await build({
    entry: { "ingest-worker": join(ROOT, "packages/cli/src/ingest/ingest-worker.ts") },
    outDir,
    format: ["esm"],
    platform: "node",
    target: "node20",
    noExternal: [/^@sg\//],
    tsconfig: join(ROOT, "tsconfig.json"),
    silent: true,
    config: false,
  });
  return pathToFileURL(join(outDir, "ingest-worker.js"));
};
