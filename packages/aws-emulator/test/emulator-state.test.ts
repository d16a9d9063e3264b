import { describe, expect, it } from "vitest";
import { AuthorizeSecurityGroupIngressCommand } from "@aws-sdk/client-ec2";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ec2Client, logsClient, rejectionOf } from "./support/sdk-clients.js";
import { estateOf, groupIdOf, private24s } from "./support/estate-builder.js";
import { FIRST_EVENT_MS, flowLogEvents } from "./support/flow-log-events.js";
import { withEmulator } from "./support/with-emulator.js";

describe("EmulatorState", () => {
  it("should enforce a quota changed while the emulator runs", async () => {
    const group = groupIdOf(1);
    const estate = estateOf([{ groupId: group, cidrs: private24s(3) }]);

    const error = await withEmulator({ estate }, ({ endpoint, state }) => {
      state.setRuleQuota(group, 3);
      return rejectionOf(
        ec2Client(endpoint).send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: group,
            IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "10.200.0.0/16" }] }],
          }),
        ),
      );
    });

    expect(error.name).toBe("RulesPerSecurityGroupLimitExceeded");
  });

  it("should serve appended log events in time order with the seeded ones", async () => {
    const [early, late] = flowLogEvents(2);
    const timestamps = await withEmulator(
      { logGroups: { g: late ? [late] : [] } },
      async ({ endpoint, state }) => {
        state.appendLogEvents("g", early ? [early] : []);
        const out = await logsClient(endpoint).send(
          new FilterLogEventsCommand({ logGroupName: "g" }),
        );
        return out.events?.map((event) => event.timestamp);
      },
    );

    expect(timestamps).toEqual([FIRST_EVENT_MS, FIRST_EVENT_MS + 60_000]);
  });

  it("should export rules added over the wire with the ids the call returned", async () => {
    const group = groupIdOf(1);
    const { returned, exported } = await withEmulator(
      { estate: estateOf([{ groupId: group }]) },
      async ({ endpoint, state }) => {
        const out = await ec2Client(endpoint).send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: group,
            IpPermissions: [
              { IpProtocol: "udp", FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: "10.0.0.0/8" }] },
            ],
          }),
        );
        return {
          returned: out.SecurityGroupRules,
          exported: state.exportEstate().securityGroupRules,
        };
      },
    );

    expect(exported.SecurityGroupRules).toEqual(returned);
  });
});
