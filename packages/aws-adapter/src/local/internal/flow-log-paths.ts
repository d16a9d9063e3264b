import type { TimeWindow } from "@sg/core";
import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseFlowLogKey } from "../flow-log-key.js";
import { LocalFileError } from "../local-file-error.js";

/** Slack around a window: S3 key dates are delivery times, not record times. */
const SLACK_SECONDS = 24 * 3600;

/** What a walk left out because its S3 key date lies outside the window. */
export interface SkipCounts {
  skippedFolders: number;
  skippedFiles: number;
}

/**
 * Yields every flow-log file under the given paths: files as given, folders walked
 * depth-first with entries in code-unit order so every run reads the same sequence.
 * Hidden entries are left out, symbolic links are followed once, and a folder or file
 * whose S3 key date (aws-facts §3.4) lies more than a day outside `window` is skipped
 * whole, without being listed.
 */
export async function* flowLogPaths(
  roots: readonly string[],
  window: TimeWindow | undefined,
  skips: SkipCounts,
): AsyncGenerator<string> {
  const visited = new Set<string>();

  for (const root of roots) {
    const found = await stat(root).catch(() => undefined);
    if (found === undefined) {
      throw new LocalFileError(root, "missing", `flow-log path ${root} does not exist`);
    }
    if (found.isDirectory()) yield* walk(root, window, skips, visited);
    else if (isWanted(root, window, skips)) yield root;
  }
}

async function* walk(
  folder: string,
  window: TimeWindow | undefined,
  skips: SkipCounts,
  visited: Set<string>,
): AsyncGenerator<string> {
  const real = await realpath(folder);
  if (visited.has(real)) return;
  visited.add(real);

  if (isOutside(folder, window)) {
    skips.skippedFolders += 1;
    return;
  }

  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const path = join(folder, entry.name);
    const kind = await kindOf(entry, path);
    if (kind === "folder") yield* walk(path, window, skips, visited);
    if (kind === "file" && isWanted(path, window, skips)) yield path;
  }
}

/** Whether to read a file, counting it as skipped when its key date is out of the window. */
const isWanted = (path: string, window: TimeWindow | undefined, skips: SkipCounts): boolean => {
  if (!isOutside(path, window)) return true;

  skips.skippedFiles += 1;
  return false;
};

const kindOf = async (entry: Dirent, path: string): Promise<"file" | "folder" | "other"> => {
  if (entry.isSymbolicLink()) {
    const target = await stat(path);
    return target.isDirectory() ? "folder" : target.isFile() ? "file" : "other";
  }
  return entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
};

const isOutside = (path: string, window: TimeWindow | undefined): boolean => {
  const key = window === undefined ? undefined : parseFlowLogKey(path);
  if (window === undefined || key === undefined) return false;

  return key.period.to < window.from - SLACK_SECONDS || key.period.from > window.to + SLACK_SECONDS;
};
