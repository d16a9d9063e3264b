import { describe, expect } from "vitest";
import { test } from "@fast-check/vitest";
import { isRight } from "fp-ts/lib/Either.js";
import { manifestCodec } from "../../src/artefacts/manifest.js";
import { extendManifest } from "./evidence-fixtures.js";

describe("the manifest's extension record", () => {
  test.prop([extendManifest])("should read back exactly what was written", (manifest) => {
    const decoded = manifestCodec.decode(
      JSON.parse(JSON.stringify(manifestCodec.encode(manifest))),
    );

    expect(isRight(decoded) ? decoded.right : decoded.left).toEqual(manifest);
  });

  test.prop([extendManifest])("should leave manifests without one as they were", (manifest) => {
    const { extension: _extension, ...plain } = manifest;

    const decoded = manifestCodec.decode(JSON.parse(JSON.stringify(manifestCodec.encode(plain))));

    expect(isRight(decoded) ? decoded.right : decoded.left).toEqual(plain);
  });
});
