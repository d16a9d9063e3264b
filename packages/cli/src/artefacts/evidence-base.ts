import type { EvidenceEntry, Provenance, TimeWindow } from "@sg/core";
import * as t from "io-ts";
import type { ArtefactKind } from "./artefact-file.js";
import { count, ipv4Text, isoTime } from "./codecs.js";
import { EntryBytes } from "./internal/entry-bytes.js";

/** The approved.json artefact: its name, version and flag. */
export const EVIDENCE_BASE: ArtefactKind = {
  format: "sg-tightener/approved",
  version: 1,
  flag: "--approved",
};

/** Where a part of the evidence came from, and how far it has been read. */
export interface EvidenceOrigin {
  readonly kind: "flow-logs" | "diagnose" | "extend";
  /** A directory, file, log group, bucket prefix or manifest path. */
  readonly location: string;
  /** The newest record end time read from it, in Unix seconds. */
  readonly highWater?: number;
  readonly files?: number;
  readonly records?: number;
}

/**
 * The evidence base: which private sources were seen initiating accepted connections to
 * which interface address, protocol and port, when, how often, and from which origin.
 */
export interface EvidenceBase {
  readonly window: TimeWindow;
  readonly origins: readonly EvidenceOrigin[];
  readonly entries: readonly EvidenceEntry[];
}

const provenance = t.keyof({ "flow-logs": null, diagnose: null, extend: null });

const entryJson = t.type({
  interfaceId: t.string,
  destination: ipv4Text,
  protocol: count,
  port: count,
  source: ipv4Text,
  firstSeen: isoTime,
  lastSeen: isoTime,
  count,
  provenance: t.array(provenance),
});

const originJson = t.intersection([
  t.type({ kind: provenance, location: t.string }),
  t.partial({ highWater: isoTime, files: count, records: count }),
]);

const windowJson = t.type({ from: isoTime, to: isoTime });

const baseJson = t.type({
  format: t.literal(EVIDENCE_BASE.format),
  version: t.literal(EVIDENCE_BASE.version),
  window: windowJson,
  origins: t.array(originJson),
  entries: t.array(entryJson),
});

/** Decodes and encodes approved.json. */
export const evidenceBaseCodec = new t.Type<EvidenceBase, unknown, unknown>(
  "approved.json",
  (value): value is EvidenceBase => false,
  (value, context) => {
    const decoded = baseJson.validate(value, context);
    if (decoded._tag === "Left") return decoded;
    const { window, origins, entries } = decoded.right;
    return t.success({
      window,
      origins,
      entries: entries.map((entry) => ({ ...entry, provenance: entry.provenance as Provenance[] })),
    });
  },
  (base) =>
    baseJson.encode({
      format: EVIDENCE_BASE.format,
      version: EVIDENCE_BASE.version,
      window: base.window,
      origins: [...base.origins],
      entries: base.entries.map((entry) => ({ ...entry, provenance: [...entry.provenance] })),
    }),
);

/** An evidence base to write, whose entries may be produced while it is written. */
export interface EvidenceBaseToWrite {
  readonly window: TimeWindow;
  readonly origins: readonly EvidenceOrigin[];
  /** In canonical order. */
  readonly entries: Iterable<EvidenceEntry>;
}

/** The size of each piece of entries; a piece is handed on when it might not hold the next. */
const PIECE_BYTES = 1 << 20;
const FIRST_LINE = Buffer.from("\n    ", "latin1");
const NEXT_LINE = Buffer.from(",\n    ", "latin1");

/**
 * approved.json in pieces: the head as indented JSON text, then its entries one per line
 * as UTF-8 bytes. A base of millions of entries is written without ever being one string
 * (V8 caps a string near 512 MiB) or one array of encoded objects, and a diff of two bases
 * reads as one line per tuple. {@link evidenceBaseCodec} decodes the text back.
 */
export function* evidenceBasePieces(
  base: EvidenceBaseToWrite,
): Generator<string | Uint8Array, void, undefined> {
  const head = JSON.stringify(
    {
      format: EVIDENCE_BASE.format,
      version: EVIDENCE_BASE.version,
      window: windowJson.encode(base.window),
      origins: t.array(originJson).encode([...base.origins]),
    },
    null,
    2,
  );
  yield `${head.slice(0, -2)},\n  "entries": [`;

  const entry = new EntryBytes();
  let piece = Buffer.allocUnsafe(PIECE_BYTES);
  let at = 0;
  let written = 0;
  for (const one of base.entries) {
    const line = written === 0 ? FIRST_LINE : NEXT_LINE;
    const room = line.length + entry.roomFor(one);
    if (at + room > piece.length) {
      yield piece.subarray(0, at);
      piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, room));
      at = 0;
    }

    piece.set(line, at);
    at = entry.write(one, piece, at + line.length);
    written += 1;
  }
  yield piece.subarray(0, at);
  yield written === 0 ? "]\n}\n" : "\n  ]\n}\n";
}
