import { AwsCallError, LocalEstate } from "@sg/aws-adapter";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeIncidentNetworkAcls } from "../../../../examples/demo/incident-estate.js";
import { DEMO_ESTATE, liveEstate, rejectionOf, withDemoEmulator } from "./support/live-estate.js";

describe("AwsEstate.readNetworkAcls", () => {
  let estateDir: string;

  beforeAll(() => {
    estateDir = mkdtempSync(join(tmpdir(), "sg-nacl-estate-"));
    cpSync(DEMO_ESTATE, estateDir, { recursive: true });
    writeIncidentNetworkAcls(estateDir);
  });

  afterAll(() => {
    rmSync(estateDir, { recursive: true, force: true });
  });

  it("should read what LocalEstate reads from network-acls.json, every page", async () => {
    const expected = await (await LocalEstate.open(estateDir)).readNetworkAcls();

    const { acls, calls } = await withDemoEmulator(
      { estateDir, ec2PageSize: 1 },
      async (emulator) => ({
        acls: await liveEstate(emulator.endpoint).readNetworkAcls(),
        calls: emulator.calls.filter((call) => call.action === "DescribeNetworkAcls"),
      }),
    );

    expect(expected).toHaveLength(2);
    expect(acls).toEqual(expected);
    expect(calls).toHaveLength(2);
    expect(typeof calls[1]?.params["NextToken"]).toBe("string");
  });

  it("should read an empty list where the Region has no network ACL", async () => {
    const acls = await withDemoEmulator({}, (emulator) =>
      liveEstate(emulator.endpoint).readNetworkAcls(),
    );

    expect(acls).toEqual([]);
  });

  it("should fail naming DescribeNetworkAcls when it is denied", async () => {
    const error = await withDemoEmulator(
      { estateDir, deniedActions: ["DescribeNetworkAcls"] },
      (emulator) => rejectionOf(liveEstate(emulator.endpoint).readNetworkAcls()),
    );

    expect(error).toBeInstanceOf(AwsCallError);
    expect(error).toMatchObject({
      operation: "DescribeNetworkAcls",
      problem: "permission",
      code: "UnauthorizedOperation",
    });
  });
});
