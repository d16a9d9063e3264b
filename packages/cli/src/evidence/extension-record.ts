import { compareAttempts, type Extension, type RejectedAttempt, type TimeWindow } from "@sg/core";
import * as t from "io-ts";
import { count, ipv4Text, isoTime } from "../artefacts/codecs.js";

/** A REJECTed source extend set out to admit, and the groups it was given to. */
export interface ExtendedAttempt extends RejectedAttempt {
  readonly groupIds: readonly string[];
}

/**
 * What an extend manifest records besides its changes: the window read, the tolerance
 * used, and every source it admitted with where it was refused. The next tightening cycle
 * folds these sources into the evidence base, so the plan keeps what extend opened.
 */
export interface ManifestExtension {
  readonly window: TimeWindow;
  /** Whole percent, as the core counts it. */
  readonly tolerance: number;
  readonly sources: readonly ExtendedAttempt[];
}

const sourceJson = t.type({
  interfaceId: t.string,
  destination: ipv4Text,
  protocol: count,
  port: count,
  source: ipv4Text,
  firstSeen: isoTime,
  lastSeen: isoTime,
  count,
  groupIds: t.array(t.string),
});

const extensionShape = t.type({
  window: t.type({ from: isoTime, to: isoTime }),
  tolerance: t.number,
  sources: t.array(sourceJson),
});

/** The codec of a manifest's optional `extension` (tolerance as a fraction, like plans). */
export const manifestExtensionJson = new t.Type<ManifestExtension, unknown, unknown>(
  "extension",
  (value): value is ManifestExtension => false,
  (value, context) => {
    const decoded = extensionShape.validate(value, context);
    if (decoded._tag === "Left") return decoded;
    const { window, tolerance, sources } = decoded.right;
    return t.success({ window, tolerance: Math.round(tolerance * 100), sources });
  },
  (extension) => ({
    window: {
      from: isoTime.encode(extension.window.from),
      to: isoTime.encode(extension.window.to),
    },
    tolerance: extension.tolerance / 100,
    sources: extension.sources.map((source) =>
      sourceJson.encode({ ...source, groupIds: [...source.groupIds] }),
    ),
  }),
);

/**
 * The record an extend manifest keeps: the window and tolerance, and each admitted
 * source once, with every group it was admitted to.
 */
export const extensionRecordOf = (
  extension: Extension,
  window: TimeWindow,
  tolerance: number,
): ManifestExtension => {
  const bySource = new Map<string, { attempt: RejectedAttempt; groupIds: Set<string> }>();
  for (const { blocked, groupId } of extension.extended) {
    const { attempt } = blocked;
    const { interfaceId, destination, protocol, port, source } = attempt;
    const key = `${interfaceId}|${destination}|${protocol}|${port}|${source}`;
    const held = bySource.get(key) ?? { attempt, groupIds: new Set<string>() };
    held.groupIds.add(groupId);
    bySource.set(key, held);
  }

  const sources = [...bySource.values()]
    .sort((a, b) => compareAttempts(a.attempt, b.attempt))
    .map(({ attempt, groupIds }) => ({ ...attempt, groupIds: [...groupIds].sort() }));
  return { window, tolerance, sources };
};
