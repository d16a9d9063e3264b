import { fc, test } from "@fast-check/vitest";
import { AwsCallError, LocalEstate } from "@sg/aws-adapter";
import { describe, expect, it } from "vitest";
import {
  DEMO_ESTATE,
  liveEstate,
  ordered,
  rejectionOf,
  withDemoEmulator,
} from "./support/live-estate.js";
import { DB } from "./support/rules.js";

interface QuotaCase {
  readonly case: string;
  readonly serviceQuotas: Record<string, number>;
  readonly denied: string[];
  readonly given: number | undefined;
  readonly quota: number;
}

const localInventory = async () => ordered(await (await LocalEstate.open(DEMO_ESTATE)).read());

describe("AwsEstate.read", () => {
  test.prop([fc.integer({ min: 5, max: 12 }), fc.integer({ min: 5, max: 12 })], { numRuns: 8 })(
    "should read what LocalEstate reads from the same files, whatever the page sizes",
    async (pageSize, pageCap) => {
      // Arrange
      const expected = await localInventory();

      // Act
      const actual = await withDemoEmulator({ ec2PageSize: pageCap }, (emulator) =>
        liveEstate(emulator.endpoint, { pageSize }).read(),
      );

      // Assert
      expect(ordered(actual)).toEqual(expected);
    },
  );

  it("should follow every page of each listing, asking for the configured page size", async () => {
    const calls = await withDemoEmulator({ ec2PageSize: 5 }, async (emulator) => {
      await liveEstate(emulator.endpoint, { pageSize: 5 }).read();
      return emulator.calls;
    });

    const ruleCalls = calls.filter((call) => call.action === "DescribeSecurityGroupRules");
    expect(ruleCalls.length).toBe(3);
    expect(ruleCalls.every((call) => call.params["MaxResults"] === "5")).toBe(true);
    expect(ruleCalls.slice(1).every((call) => typeof call.params["NextToken"] === "string")).toBe(
      true,
    );
  });

  it("should give every rule its id and weigh a prefix list by its maximum entries", async () => {
    const inventory = await withDemoEmulator({}, (emulator) =>
      liveEstate(emulator.endpoint).read(),
    );

    const rules = inventory.groups.flatMap((group) => group.rules);
    expect(rules.every((rule) => /^sgr-[0-9a-f]+$/.test(rule.ruleId ?? ""))).toBe(true);
    const prefixList = rules.find((rule) => rule.source.kind === "prefix-list");
    expect(prefixList?.source).toEqual({
      kind: "prefix-list",
      prefixListId: "pl-0a11ce00000000001",
      maxEntries: 10,
    });
  });

  it.each<QuotaCase>([
    {
      case: "Service Quotas reports 100",
      serviceQuotas: { "vpc/L-0EA8095F": 100 },
      denied: [],
      given: undefined,
      quota: 100,
    },
    {
      case: "Service Quotas has no applied value",
      serviceQuotas: {},
      denied: [],
      given: undefined,
      quota: 60,
    },
    {
      case: "reading the quota is denied",
      serviceQuotas: { "vpc/L-0EA8095F": 100 },
      denied: ["GetServiceQuota"],
      given: undefined,
      quota: 60,
    },
    {
      case: "--max-rules says 40",
      serviceQuotas: { "vpc/L-0EA8095F": 100 },
      denied: [],
      given: 40,
      quota: 40,
    },
  ])("should take the rule quota from the right place when $case", async (row) => {
    const inventory = await withDemoEmulator(
      { serviceQuotas: row.serviceQuotas, deniedActions: row.denied },
      (emulator) =>
        liveEstate(emulator.endpoint, row.given === undefined ? {} : { quota: row.given }).read(),
    );

    expect(inventory.defaultQuota).toBe(row.quota);
  });

  it("should not ask Service Quotas when the quota is given", async () => {
    const calls = await withDemoEmulator({}, async (emulator) => {
      await liveEstate(emulator.endpoint, { quota: 40 }).read();
      return emulator.calls;
    });

    expect(calls.some((call) => call.action === "GetServiceQuota")).toBe(false);
  });

  it("should read only the given groups and the interfaces attached to them", async () => {
    const { inventory, calls } = await withDemoEmulator({}, async (emulator) => ({
      inventory: await liveEstate(emulator.endpoint, {
        groupIds: [DB, "sg-0000000000gone"],
      }).read(),
      calls: emulator.calls,
    }));

    const local = await localInventory();
    expect(inventory.groups).toEqual(local.groups.filter((group) => group.groupId === DB));
    expect(inventory.interfaces).toEqual(
      local.interfaces.filter((eni) => eni.groupIds.includes(DB)),
    );
    const describes = calls.filter((call) => call.action.startsWith("DescribeSecurityGroup"));
    expect(describes.every((call) => call.params["Filter.1.Name"] === "group-id")).toBe(true);
    const interfaces = calls.find((call) => call.action === "DescribeNetworkInterfaces");
    expect(interfaces?.params).toMatchObject({
      "Filter.1.Name": "group-id",
      "Filter.1.Value.1": DB,
    });
  });

  it("should read nothing at all for an empty list of groups", async () => {
    const { inventory, calls } = await withDemoEmulator({}, async (emulator) => ({
      inventory: await liveEstate(emulator.endpoint, { groupIds: [], quota: 60 }).read(),
      calls: emulator.calls,
    }));

    expect(inventory.groups).toEqual([]);
    expect(inventory.interfaces).toEqual([]);
    expect(calls).toEqual([]);
  });

  it.each([
    { action: "DescribeSecurityGroupRules", problem: "permission", code: "UnauthorizedOperation" },
    { action: "DescribeNetworkInterfaces", problem: "permission", code: "UnauthorizedOperation" },
    { action: "DescribeManagedPrefixLists", problem: "permission", code: "UnauthorizedOperation" },
  ])("should fail naming $action when it is denied", async ({ action, problem, code }) => {
    const error = await withDemoEmulator({ deniedActions: [action] }, (emulator) =>
      rejectionOf(liveEstate(emulator.endpoint).read()),
    );

    expect(error).toBeInstanceOf(AwsCallError);
    expect(error).toMatchObject({ operation: action, problem, code });
    expect((error as Error).message).toContain(`${action} failed with ${code}`);
  });

  it("should fail as unreachable when nothing listens at the endpoint", async () => {
    const error = await rejectionOf(
      liveEstate("http://127.0.0.1:9", { maxAttempts: 1, quota: 60 }).read(),
    );

    expect(error).toMatchObject({ name: "AwsCallError", problem: "unreachable" });
  });

  it("should name the Region and the quota's origin once it has read", async () => {
    const estate = await withDemoEmulator({}, async (emulator) => {
      const live = liveEstate(emulator.endpoint);
      await live.read();
      return live;
    });

    expect(estate.describe()).toBe(
      "live EC2 estate in us-east-1, rule quota 60 (EC2's default (Service Quotas answered " +
        "NoSuchResourceException))",
    );
  });

  it.each([4, 1001, 7.5])("should refuse a page size of %s", (pageSize) => {
    expect(() => liveEstate("http://127.0.0.1:9", { pageSize })).toThrow(/5 to 1000/);
  });
});

it("should keep groups, rules and interfaces in a fixed order", async () => {
  const inventory = await withDemoEmulator({}, (emulator) => liveEstate(emulator.endpoint).read());

  expect(inventory).toEqual(ordered(inventory));
});
