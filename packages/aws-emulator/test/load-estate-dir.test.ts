import { describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURE_ESTATE } from "./support/sdk-clients.js";
import { loadEstateDir } from "../src/index.js";

const withDir = async <T>(files: Record<string, string>, body: (dir: string) => Promise<T>) => {
  const dir = await mkdtemp(join(tmpdir(), "sg-emulator-estate-"));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const GROUPS = JSON.stringify({ SecurityGroups: [] });
const INTERFACES = JSON.stringify({ NetworkInterfaces: [] });

describe("loadEstateDir", () => {
  it("should read all four documents of the fixture estate", async () => {
    const estate = await loadEstateDir(FIXTURE_ESTATE);

    expect([
      estate.securityGroups.SecurityGroups.length,
      estate.networkInterfaces.NetworkInterfaces.length,
      estate.securityGroupRules?.SecurityGroupRules.length,
      estate.networkAcls?.NetworkAcls.length,
    ]).toEqual([3, 4, 2, 2]);
  });

  it("should leave the optional documents out when their files are absent", async () => {
    const estate = await withDir(
      { "security-groups.json": GROUPS, "network-interfaces.json": INTERFACES },
      loadEstateDir,
    );

    expect(Object.keys(estate).sort()).toEqual(["networkInterfaces", "securityGroups"]);
  });

  it.each([
    ["a missing required file", { "security-groups.json": GROUPS }, "network-interfaces.json"],
    [
      "a file that is not JSON",
      { "security-groups.json": "{", "network-interfaces.json": INTERFACES },
      "is not JSON",
    ],
    [
      "a document without its list",
      { "security-groups.json": "{}", "network-interfaces.json": INTERFACES },
      'has no "SecurityGroups" array',
    ],
  ])("should refuse %s, naming it", async (_, files, message) => {
    const failure = withDir(files, loadEstateDir);

    await expect(failure).rejects.toThrow(message);
  });
});
