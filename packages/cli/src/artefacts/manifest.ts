import type { Rule } from "@sg/core";
import * as t from "io-ts";
import type { ArtefactKind } from "./artefact-file.js";
import { count, isoTime } from "./codecs.js";
import { manifestExtensionJson, type ManifestExtension } from "../evidence/extension-record.js";
import { ruleJson } from "./rule-json.js";

/** The manifest artefact: its name, version and flag. */
export const MANIFEST: ArtefactKind = {
  format: "sg-tightener/manifest",
  version: 1,
  flag: "--manifest",
};

/**
 * Where one change stands: `pending` is written before the call (so a killed process
 * leaves a record of what may have happened), then `done`, `failed`, or `undone` when a
 * failed group's earlier change was rolled back.
 */
export type ChangeState = "pending" | "done" | "failed" | "undone";

/**
 * One change to one rule. For `authorise` the rule is the one added (with its new id once
 * done); for `revoke` it is the original rule in full, so revert can restore it exactly.
 */
export interface ManifestChange {
  readonly sequence: number;
  readonly groupId: string;
  readonly action: "authorise" | "revoke";
  readonly rule: Rule;
  readonly state: ChangeState;
}

/** Every change a command made to an estate, in order, and how the run ended. */
export interface Manifest {
  readonly command: "apply" | "extend" | "compact";
  /** The plan applied and its snapshot digest, when there was one. */
  readonly plan?: { readonly path: string; readonly digest: string };
  /** The estate written to, as its adapter describes it. */
  readonly estate: string;
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly status: "in-progress" | "complete" | "halted";
  readonly changes: readonly ManifestChange[];
  readonly failure?: { readonly groupId: string; readonly message: string };
  /** For extend: the REJECTed sources it set out to admit, to fold back into evidence. */
  readonly extension?: ManifestExtension;
}

const changeJson = t.type({
  sequence: count,
  groupId: t.string,
  action: t.keyof({ authorise: null, revoke: null }),
  rule: ruleJson,
  state: t.keyof({ pending: null, done: null, failed: null, undone: null }),
});

const manifestJson = t.intersection([
  t.type({
    format: t.literal(MANIFEST.format),
    version: t.literal(MANIFEST.version),
    command: t.keyof({ apply: null, extend: null, compact: null }),
    estate: t.string,
    startedAt: isoTime,
    status: t.keyof({ "in-progress": null, complete: null, halted: null }),
    changes: t.array(changeJson),
  }),
  t.partial({
    plan: t.type({ path: t.string, digest: t.string }),
    finishedAt: isoTime,
    failure: t.type({ groupId: t.string, message: t.string }),
    extension: manifestExtensionJson,
  }),
]);

/** Decodes and encodes manifest files. */
export const manifestCodec = new t.Type<Manifest, unknown, unknown>(
  "manifest",
  (value): value is Manifest => false,
  (value, context) => {
    const decoded = manifestJson.validate(value, context);
    if (decoded._tag === "Left") return decoded;
    const { format: _format, version: _version, ...manifest } = decoded.right;
    return t.success(manifest);
  },
  (manifest) =>
    manifestJson.encode({
      format: MANIFEST.format,
      version: MANIFEST.version,
      ...manifest,
    } as t.TypeOf<typeof manifestJson>),
);

/** The manifest's file name for a run started at `seconds`: `manifest-20260528T120000Z.json`. */
export const manifestFileName = (prefix: string, seconds: number): string => {
  const stamp = new Date(seconds * 1000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${prefix}-${stamp}.json`;
};
