import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** A running s3rver on 127.0.0.1 with its data in a fresh temporary folder. */
export interface S3Server {
  readonly endpoint: string;
  /**
   * A real S3 client aimed at the server, path-style. It retries (the SDK's default three
   * attempts) because s3rver closes keep-alive sockets idle for five seconds, and a call on
   * such a socket fails with ECONNRESET, which the SDK treats as transient.
   */
  readonly client: S3Client;
  stop(): Promise<void>;
}

/** The credentials s3rver accepts (its access key id must be `S3RVER`). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** Starts s3rver at a free port holding the named empty buckets. */
export const startS3Server = async (buckets: readonly string[]): Promise<S3Server> => {
  const directory = mkdtempSync(join(tmpdir(), "sg-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3ClientAt(endpoint);

  const stop = async (): Promise<void> => {
    client.destroy();
    server.httpServer?.closeAllConnections();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  };
  return { endpoint, client, stop };
};

/** A real S3 client for s3rver at `endpoint`. */
export const s3ClientAt = (endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });

/** One object to upload: its key below the prefix and its bytes. */
export interface ObjectSeed {
  readonly key: string;
  readonly body: Buffer | string;
}

/**
 * Uploads the objects under `prefix` (empty, or ending in `/`), plus an empty folder
 * marker (`…/`) for every folder on the way. s3rver only reports a common prefix for a
 * delimiter listing when something sits directly in that folder (it does not descend past
 * one), so without markers it would list no account or Region folders where S3 would; the
 * readers skip keys ending in `/`, as they skip S3 console folder markers.
 */
export const uploadObjects = async (
  client: S3Client,
  bucket: string,
  prefix: string,
  objects: readonly ObjectSeed[],
): Promise<void> => {
  const folders = new Set<string>();
  for (const { key } of objects) {
    const parts = `${prefix}${key}`.split("/").slice(0, -1);
    parts.forEach((_, i) => folders.add(`${parts.slice(0, i + 1).join("/")}/`));
  }

  const markers = [...folders].map((key) => ({ key, body: "" }));
  for (const { key, body } of [
    ...markers,
    ...objects.map((o) => ({ ...o, key: prefix + o.key })),
  ]) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }
};
