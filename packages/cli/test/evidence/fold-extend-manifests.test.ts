import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { admitsTraffic, blockContains, isRfc1918Address } from "@sg/core";
import { foldExtendManifests } from "../../src/evidence/fold-extend-manifests.js";
import { evidenceBase, extendManifest } from "./evidence-fixtures.js";

const keyOf = (e: { interfaceId: string; port: number; source: number }) =>
  `${e.interfaceId}|${e.port}|${e.source}`;

describe("foldExtendManifests", () => {
  test.prop([evidenceBase, extendManifest])(
    "should add exactly the private sources a done rule of the manifest admits",
    (base, manifest) => {
      const done = manifest.changes.filter((c) => c.state === "done").map((c) => c.rule);
      const admitted = manifest.extension!.sources.filter(
        (s) =>
          isRfc1918Address(s.source) &&
          done.some(
            (r) =>
              r.source.kind === "cidr" &&
              r.source.cidr.family === "ipv4" &&
              blockContains(r.source.cidr, s.source) &&
              admitsTraffic(r, s.protocol, s.port),
          ),
      );

      const folded = foldExtendManifests(base, [{ path: "m/extend-manifest-1.json", manifest }]);

      const fromExtend = folded.entries.filter((e) => e.provenance.includes("extend"));
      expect(new Set(fromExtend.map(keyOf))).toEqual(new Set(admitted.map(keyOf)));
    },
  );

  test.prop([evidenceBase, extendManifest])(
    "should keep every entry the base held",
    (base, manifest) => {
      const folded = foldExtendManifests(base, [{ path: "extend-manifest-1.json", manifest }]);

      const kept = new Set(folded.entries.map(keyOf));
      expect(base.entries.every((e) => kept.has(keyOf(e)))).toBe(true);
      expect(folded.window.to).toBeGreaterThanOrEqual(manifest.extension!.window.to);
    },
  );

  test.prop([evidenceBase, extendManifest])(
    "should change nothing when the same manifest is folded again",
    (base, manifest) => {
      const once = foldExtendManifests(base, [{ path: "a/extend-manifest-1.json", manifest }]);

      const twice = foldExtendManifests(once, [{ path: "b/extend-manifest-1.json", manifest }]);

      expect(twice).toEqual(once);
    },
  );

  test.prop([evidenceBase, extendManifest])(
    "should pass over the manifests of other commands",
    (base, manifest) => {
      const folded = foldExtendManifests(base, [
        { path: "manifest-1.json", manifest: { ...manifest, command: "apply" } },
      ]);

      expect(folded).toEqual(base);
    },
  );

  it("should record one extend origin naming the manifest", () => {
    const base = { window: { from: 0, to: 10 }, origins: [], entries: [] };
    const [manifest] = fc.sample(extendManifest, { numRuns: 1, seed: 7 });

    const folded = foldExtendManifests(base, [
      { path: "x/extend-manifest-1.json", manifest: manifest! },
    ]);

    expect(folded.origins).toEqual([
      expect.objectContaining({ kind: "extend", location: "x/extend-manifest-1.json" }),
    ]);
  });
});
