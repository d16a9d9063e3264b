import type { S3Client } from "@aws-sdk/client-s3";
import type { TimeWindow } from "@sg/core";
import type { FlowLogLine, FlowLogSource } from "../../ports/flow-log-source.js";
import { DEFAULT_CONCURRENCY } from "./cloudwatch-logs-source.js";
import { deliveryDayPrefixes, isDeliveredNear } from "./internal/delivery-days.js";
import { findPartitions } from "./internal/find-partitions.js";
import { listKeys } from "./internal/list-bucket.js";
import { objectLines, releaseObject } from "./internal/object-lines.js";
import { openObject } from "./internal/open-object.js";
import { prefetchInOrder } from "./internal/prefetch-in-order.js";
import type { LiveReadListener, LiveReadProgress } from "./live-read-progress.js";
import { formatS3Location, type S3Location } from "./s3-location.js";

/** Where to read and how. */
export interface S3FlowLogSourceOptions {
  readonly client: S3Client;
  readonly location: S3Location;
  /** The evidence window, Unix seconds; only objects delivered within a day of it are read. */
  readonly window: TimeWindow;
  /** 12-digit account ids to read; every account under `AWSLogs/` when absent. */
  readonly accounts?: readonly string[];
  /** Regions to read; every Region folder of each account when absent. */
  readonly regions?: readonly string[];
  /** Objects fetched at once, and day folders listed at once. */
  readonly concurrency?: number;
  readonly onProgress?: LiveReadListener;
}

/**
 * Flow logs delivered to S3, read over the S3 API: for each chosen account and Region, in
 * the default or the Hive-style layout, only the day folders that can hold the window's
 * records are listed. Objects are fetched, gunzipped and decoded in parallel (bounded by
 * `concurrency`) and handed on in a fixed order (account, Region, layout, then key), so
 * every run yields the same lines. Text objects keep their header line; Parquet objects are
 * turned into a header and one text line per row, so the core parser reads both alike.
 */
export class S3FlowLogSource implements FlowLogSource {
  private tally: LiveReadProgress = { unit: "objects", done: 0, known: 0, bytes: 0, lines: 0 };

  constructor(private readonly options: S3FlowLogSourceOptions) {}

  /** Every line of every object; rejects naming the prefix or object key that failed. */
  async *lines(): AsyncGenerator<FlowLogLine> {
    const { client, location, onProgress } = this.options;
    const concurrency = this.options.concurrency ?? DEFAULT_CONCURRENCY;
    const tally = { unit: "objects" as const, done: 0, known: 0, bytes: 0, lines: 0 };
    this.tally = tally;

    const keys = this.keys(concurrency, () => (tally.known += 1));
    const objects = prefetchInOrder(
      keys,
      concurrency,
      (key, signal) =>
        openObject(client, location.bucket, key, signal, (bytes) => (tally.bytes += bytes)),
      releaseObject,
    );
    for await (const object of objects) {
      for await (const line of objectLines(object)) {
        if (!line.header) tally.lines += 1;
        yield line;
      }
      tally.done += 1;
      onProgress?.({ ...tally });
    }
  }

  /** The bucket prefix, accounts, Regions and delivery days read, in one phrase. */
  describe(): string {
    const { location, window, accounts, regions } = this.options;
    const scope = [
      accounts === undefined ? "every account" : `accounts ${accounts.join(", ")}`,
      regions === undefined ? "every Region" : `Regions ${regions.join(", ")}`,
    ].join(", ");
    const days = `delivered from ${day(window.from)} to ${day(window.to)} ±1 day`;
    return `flow-log objects under ${formatS3Location(location)} (${scope}) ${days}`;
  }

  /** Objects done and listed, bytes fetched and lines of the latest call to lines(). */
  progress(): LiveReadProgress {
    return { ...this.tally };
  }

  /** The keys to read, in reading order, listing day folders ahead of the reader. */
  private async *keys(concurrency: number, onKey: () => void): AsyncGenerator<string> {
    const { client, location, window } = this.options;
    const partitions = await findPartitions(client, location, this.options, concurrency);
    const prefixes = partitions.flatMap((partition) =>
      deliveryDayPrefixes(partition, window).map((folder) => `${location.prefix}${folder}`),
    );

    const listings = prefetchInOrder(prefixes, concurrency, (prefix, signal) =>
      listKeys(client, location.bucket, prefix, signal),
    );
    for await (const keys of listings) {
      for (const key of keys.filter((candidate) => isDeliveredNear(candidate, window))) {
        onKey();
        yield key;
      }
    }
  }
}

const day = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
