import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BUILT = fileURLToPath(new URL("../../dist/index.cjs", import.meta.url));

/** The SDK packages a fresh process has loaded after running `script` on the built adapter. */
const sdkPackagesAfter = (script: string): string[] =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        "-e",
        `const adapter = require(${JSON.stringify(BUILT)}); ${script};
         const loaded = Object.keys(require.cache).flatMap((path) =>
           /node_modules[\\\\/]@aws-sdk[\\\\/](client-[a-z0-9-]+)[\\\\/]/.exec(path)?.[1] ?? []);
         process.stdout.write(JSON.stringify([...new Set(loaded)].sort()));`,
      ],
      { encoding: "utf8" },
    ),
  ) as string[];

describe("the built adapter", () => {
  it("should load no AWS SDK client until a live call needs one", () => {
    expect(sdkPackagesAfter("adapter.readJsonFile")).toEqual([]);
  });

  it("should load only the client a live call needs", () => {
    expect(sdkPackagesAfter("adapter.s3ClientFor({ region: 'eu-west-1' })")).toEqual(["client-s3"]);
  });
});
