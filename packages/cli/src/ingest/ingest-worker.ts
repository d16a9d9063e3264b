/**
 * The entry point of an ingest worker thread (built to dist/ingest/ingest-worker.js). It
 * reads the files the main thread sends, one at a time, into one evidence tally, and
 * transfers the tally when told to finish. See ingest-protocol.ts for the messages.
 */
import type { Utf8Decode } from "@sg/core";
import { parentPort, workerData } from "node:worker_threads";
import { EvidenceTally } from "../commands/analyse/evidence-tally.js";
import type { FromWorker, IngestSetup, ReadFailure, ToWorker } from "./ingest-protocol.js";
import { CorruptGzipError } from "./internal/file-chunks.js";
import { HeaderError, type ScanContext } from "./internal/file-scan.js";
import { InterfaceInterner } from "./internal/interface-interner.js";
import { readFile } from "./internal/read-file.js";
import { buffersOf } from "../commands/analyse/internal/tuple-table.js";

const port = parentPort!;
const setup = workerData as IngestSetup;
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const decode: Utf8Decode = (bytes, start, stop) => decoder.decode(bytes.subarray(start, stop));
const tally = new EvidenceTally();

const context: ScanContext = {
  window: setup.window,
  tally,
  interner: new InterfaceInterner((id) => tally.interfaceOf(id), decode),
  decode,
  scanners: new Map(),
};

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer);

const failureOf = (error: unknown): ReadFailure => {
  if (error instanceof CorruptGzipError) {
    const { path, message } = error;
    return { kind: "local-file", path, problem: "corrupt", message };
  }
  if (error instanceof HeaderError) return { kind: "input", message: error.message };

  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { kind: "other", message, ...(typeof code === "string" ? { code } : {}) };
};

const finish = (): void => {
  const part = tally.toPart();
  post({ kind: "tally", part }, buffersOf(part.rows));
};

port.on("message", (message: ToWorker) => {
  if (message.kind === "finish") {
    finish();
    return;
  }

  const { index } = message.task;
  readFile(message.task, context, (records) => post({ kind: "progress", records })).then(
    (counts) => post({ kind: "file", index, counts }),
    (error: unknown) => post({ kind: "failed", index, failure: failureOf(error) }),
  );
});
