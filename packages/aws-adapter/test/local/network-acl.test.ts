import { afterAll, describe, expect, it } from "vitest";
import { realisticEstate, removeTemporaryFolders } from "./fixtures/estate-builder.js";
import { openingFailure, setUp } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

const entry = (fields: Record<string, unknown>) => ({ CidrBlock: "0.0.0.0/0", ...fields });

describe("LocalEstate.readNetworkAcls", () => {
  it("should read entries in evaluation order with their subnets", async () => {
    // Arrange
    const acl = {
      NetworkAclId: "acl-1",
      VpcId: "vpc-1",
      IsDefault: false,
      Associations: [{ SubnetId: "subnet-1", NetworkAclAssociationId: "aclassoc-1" }],
      Entries: [
        entry({ RuleNumber: 32767, Protocol: "-1", RuleAction: "deny", Egress: false }),
        entry({
          RuleNumber: 100,
          Protocol: "6",
          RuleAction: "allow",
          Egress: true,
          PortRange: { From: 443, To: 443 },
        }),
        entry({
          RuleNumber: 100,
          Protocol: "1",
          RuleAction: "allow",
          Egress: false,
          IcmpTypeCode: { Type: 8, Code: -1 },
          PortRange: { From: 1, To: 2 },
        }),
      ],
    };
    const { estate } = await setUp({
      ...realisticEstate(),
      "network-acls.json": { NetworkAcls: [acl] },
    });

    // Act
    const [read] = (await estate.readNetworkAcls()) ?? [];

    // Assert
    expect(read?.subnetIds).toEqual(["subnet-1"]);
    expect(read?.entries.map((e) => [e.egress, e.ruleNumber, e.protocol, e.ruleAction])).toEqual([
      [false, 100, 1, "allow"],
      [false, 32767, -1, "deny"],
      [true, 100, 6, "allow"],
    ]);
    expect(read?.entries[0]).toMatchObject({ icmpTypeCode: { type: 8, code: -1 } });
    expect(read?.entries[0]?.portRange).toBeUndefined();
    expect(read?.entries[2]?.portRange).toEqual({ from: 443, to: 443 });
  });

  it("should say there are no NACLs when the file is absent", async () => {
    const { estate } = await setUp(realisticEstate());

    expect(await estate.readNetworkAcls()).toBeUndefined();
  });

  it("should report a bad rule action by its path", async () => {
    const acl = {
      NetworkAclId: "acl-1",
      Entries: [entry({ RuleNumber: 1, Protocol: "-1", RuleAction: "permit", Egress: false })],
    };

    const error = await openingFailure({
      ...realisticEstate(),
      "network-acls.json": { NetworkAcls: [acl] },
    });

    expect(error.message).toBe(
      "network-acls.json: NetworkAcls[0].Entries[0].RuleAction: " +
        'expected "allow" or "deny", got "permit"',
    );
  });
});
