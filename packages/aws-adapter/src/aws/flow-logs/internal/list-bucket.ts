import type { S3Client } from "@aws-sdk/client-s3";
import { s3Sdk } from "../../internal/sdk.js";
import { awsFailure } from "./aws-failure.js";

interface Listing {
  readonly folders: string[];
  readonly keys: string[];
}

/**
 * Lists everything under `prefix`, following continuation tokens through every page. With
 * `delimiter` the sub-folders come back as names (the segment after `prefix`, without its
 * `/`); without, every key below. Both in the order S3 lists them, which is key order.
 */
const listAll = async (
  client: S3Client,
  bucket: string,
  prefix: string,
  delimiter: boolean,
  signal?: AbortSignal,
): Promise<Listing> => {
  const listing: Listing = { folders: [], keys: [] };
  let token: string | undefined;

  do {
    const page = await client
      .send(
        new (s3Sdk().ListObjectsV2Command)({
          Bucket: bucket,
          Prefix: prefix,
          ...(delimiter ? { Delimiter: "/" } : {}),
          ...(token === undefined ? {} : { ContinuationToken: token }),
        }),
        signal === undefined ? {} : { abortSignal: signal },
      )
      .catch((error: unknown) => {
        throw awsFailure(error, "ListObjectsV2", `s3://${bucket}/${prefix}`);
      });

    for (const common of page.CommonPrefixes ?? []) {
      const name = common.Prefix?.slice(prefix.length).replace(/\/$/, "");
      if (name !== undefined && name !== "") listing.folders.push(name);
    }
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined && !object.Key.endsWith("/")) listing.keys.push(object.Key);
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined && token !== "");

  return listing;
};

/** The names of the folders directly under `prefix` (which ends in `/`). */
export const listFolders = async (
  client: S3Client,
  bucket: string,
  prefix: string,
): Promise<string[]> => (await listAll(client, bucket, prefix, true)).folders;

/** Every object key under `prefix`, in key order, folder markers left out. */
export const listKeys = async (
  client: S3Client,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
): Promise<string[]> => (await listAll(client, bucket, prefix, false, signal)).keys;
