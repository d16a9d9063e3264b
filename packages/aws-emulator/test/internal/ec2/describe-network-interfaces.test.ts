import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DescribeNetworkInterfacesCommand,
  paginateDescribeNetworkInterfaces,
  type DescribeNetworkInterfacesCommandInput,
} from "@aws-sdk/client-ec2";
import { FIXTURE_ESTATE, ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { boundedPages } from "../../support/bounded-pages.js";
import { estateOf, groupIdOf } from "../../support/estate-builder.js";
import { withEmulator } from "../../support/with-emulator.js";

const fixture = { estateDir: FIXTURE_ESTATE };

const idsOf = (input: DescribeNetworkInterfacesCommandInput) =>
  withEmulator(fixture, async ({ endpoint }) => {
    const out = await ec2Client(endpoint).send(new DescribeNetworkInterfacesCommand(input));
    return out.NetworkInterfaces?.map((eni) => eni.NetworkInterfaceId);
  });

describe("DescribeNetworkInterfaces", () => {
  it("should return an interface with its groups, addresses and type", async () => {
    const eni = await withEmulator(fixture, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ["eni-0e000000000000003"] }),
      );
      return out.NetworkInterfaces?.[0];
    });

    expect(eni).toMatchObject({
      Groups: [{ GroupId: "sg-0a0000000000000a1" }, { GroupId: "sg-0a0000000000000a2" }],
      PrivateIpAddresses: [{ PrivateIpAddress: "10.20.2.30" }, { PrivateIpAddress: "10.20.2.31" }],
      Ipv6Addresses: [{ Ipv6Address: "2001:db8::10" }],
      InterfaceType: "interface",
      RequesterManaged: false,
    });
  });

  it.each<[string, DescribeNetworkInterfacesCommandInput, string[]]>([
    [
      "group-id",
      { Filters: [{ Name: "group-id", Values: ["sg-0a0000000000000a2"] }] },
      ["eni-0e000000000000002", "eni-0e000000000000003"],
    ],
    [
      "network-interface-id",
      { Filters: [{ Name: "network-interface-id", Values: ["eni-0e000000000000004"] }] },
      ["eni-0e000000000000004"],
    ],
    [
      "interface-type",
      { Filters: [{ Name: "interface-type", Values: ["lambda"] }] },
      ["eni-0e000000000000002"],
    ],
    [
      "a secondary private address",
      { Filters: [{ Name: "private-ip-address", Values: ["10.20.2.31"] }] },
      ["eni-0e000000000000003"],
    ],
  ])("should narrow by %s", async (_, input, expected) => {
    expect(await idsOf(input)).toEqual(expected);
  });

  it.each<[string, DescribeNetworkInterfacesCommandInput, string]>([
    [
      "an unknown interface",
      { NetworkInterfaceIds: ["eni-0ffffffffffffffff"] },
      "InvalidNetworkInterfaceID.NotFound",
    ],
    [
      "ids with MaxResults",
      { NetworkInterfaceIds: ["eni-0e000000000000001"], MaxResults: 5 },
      "InvalidParameterCombination",
    ],
  ])("should reject %s", async (_, input, code) => {
    const error = await withEmulator(fixture, ({ endpoint }) =>
      rejectionOf(ec2Client(endpoint).send(new DescribeNetworkInterfacesCommand(input))),
    );

    expect(error.name).toBe(code);
  });

  test.prop([fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 4 })], { numRuns: 10 })(
    "should list every interface of a group exactly once across small pages",
    async (count, pageSize) => {
      const estate = estateOf(Array.from({ length: count }, () => ({ groupId: groupIdOf(7) })));

      const pages = await withEmulator({ estate, ec2PageSize: pageSize }, ({ endpoint }) =>
        boundedPages(
          paginateDescribeNetworkInterfaces(
            { client: ec2Client(endpoint) },
            { Filters: [{ Name: "group-id", Values: [groupIdOf(7)] }], MaxResults: 5 },
          ),
          count + 1,
        ),
      );

      const listed = pages.flatMap((page) => page.NetworkInterfaces ?? []);
      expect(listed.map((eni) => eni.NetworkInterfaceId)).toEqual(
        estate.networkInterfaces.NetworkInterfaces.map((eni) => eni.NetworkInterfaceId),
      );
    },
  );
});
