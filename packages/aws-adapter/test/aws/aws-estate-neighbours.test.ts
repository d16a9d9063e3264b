import type { CallRecord } from "@sg/aws-emulator";
import { parseIpv4, planExtension, TCP, type Inventory, type RejectedAttempt } from "@sg/core";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ESTATE, liveEstate, withDemoEmulator } from "./support/live-estate.js";
import { API, DB, WEB } from "./support/rules.js";

const ALB = "sg-0a11ce0000000alb4";
const DB_ENI = "eni-0a11ce00000000003";

/** The `group-id` filter values each call of `action` sent, one list per call. */
const filteredBy = (calls: readonly CallRecord[], action: string): string[][] =>
  calls
    .filter((call) => call.action === action)
    .map((call) => {
      expect(call.params["Filter.1.Name"]).toBe("group-id");
      return Object.entries(call.params)
        .filter(([key]) => key.startsWith("Filter.1.Value."))
        .map(([, value]) => String(value))
        .sort();
    });

/** The demo estate with the database's interface also carrying the partner API's group. */
const sharedInterfaceEstate = (dir: string): string => {
  cpSync(DEMO_ESTATE, dir, { recursive: true });
  const path = join(dir, "network-interfaces.json");
  const file = JSON.parse(readFileSync(path, "utf8")) as {
    NetworkInterfaces: { NetworkInterfaceId: string; Groups: { GroupId: string }[] }[];
  };
  const db = file.NetworkInterfaces.find((nic) => nic.NetworkInterfaceId === DB_ENI)!;
  db.Groups.push({ GroupId: API });
  writeFileSync(path, JSON.stringify(file));
  return dir;
};

const address = (text: string) => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(`bad test address ${text}`);
  return parsed.value;
};

/**
 * REJECTs on every interface's first address, on each port the demo's groups serve, from
 * sources each rule kind decides: inside a group's CIDR, an interface of a referenced
 * group (web, behind the database's reference; the ALB, behind web's), and nowhere.
 */
const attemptsOn = (inventory: Inventory): RejectedAttempt[] =>
  inventory.interfaces.flatMap((nic) =>
    [443, 5432, 8443, 9090, 8080, 22].flatMap((port) =>
      ["10.4.9.5", "10.8.1.1", "10.20.0.10", "10.20.3.10", "172.20.5.9", "192.168.1.1"].map(
        (source) => ({
          interfaceId: nic.interfaceId,
          destination: nic.addresses[0]!,
          protocol: TCP,
          port,
          source: address(source),
          firstSeen: 1_780_000_000,
          lastSeen: 1_780_000_060,
          count: 3,
        }),
      ),
    ),
  );

/** Every non-empty subset of `items`. */
const subsets = <T>(items: readonly T[]): T[][] =>
  items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]).slice(1);

describe("AwsEstate.read of groups with their neighbours", () => {
  let workDir: string;
  let estateDir: string;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), "sg-neighbours-"));
    estateDir = sharedInterfaceEstate(join(workDir, "estate"));
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it("should ask for the named groups only, and the interfaces rules reference", async () => {
    const { calls, inventory } = await withDemoEmulator({}, async (emulator) => {
      const read = await liveEstate(emulator.endpoint, { groupIds: [DB], neighbours: true }).read();
      return { calls: emulator.calls, inventory: read };
    });

    expect(filteredBy(calls, "DescribeSecurityGroups")).toEqual([[DB]]);
    expect(filteredBy(calls, "DescribeSecurityGroupRules")).toEqual([[DB]]);
    expect(filteredBy(calls, "DescribeNetworkInterfaces")).toEqual([[DB], [WEB]]);
    expect(inventory.groups.map((group) => group.groupId)).toEqual([DB]);
    expect(inventory.interfaces.map((nic) => nic.interfaceId)).toEqual([
      "eni-0a11ce00000000001",
      "eni-0a11ce00000000002",
      DB_ENI,
    ]);
  });

  it("should read the other groups of the named groups' interfaces", async () => {
    const { calls, inventory } = await withDemoEmulator({ estateDir }, async (emulator) => {
      const read = await liveEstate(emulator.endpoint, { groupIds: [DB], neighbours: true }).read();
      return { calls: emulator.calls, inventory: read };
    });

    expect(filteredBy(calls, "DescribeSecurityGroups")).toEqual([[API, DB].sort()]);
    expect(inventory.groups.map((group) => group.groupId)).toEqual([DB, API].sort());
    expect(inventory.groups.find((group) => group.groupId === API)?.rules).toHaveLength(3);
  });

  it("should extend exactly as a read of the whole estate does, for every --groups", async () => {
    const readings = await withDemoEmulator({ estateDir }, async (emulator) => {
      const whole = await liveEstate(emulator.endpoint).read();
      const scoped = [];
      for (const groupIds of subsets([WEB, DB, API, ALB])) {
        const estate = liveEstate(emulator.endpoint, { groupIds, neighbours: true });
        scoped.push({ groupIds, inventory: await estate.read() });
      }
      return { whole, scoped };
    });
    const attempts = attemptsOn(readings.whole);
    const decided = (inventory: Inventory, groupIds: readonly string[]) => {
      const { outcome, groups, extended, unadmitted } = planExtension(inventory, attempts, {
        groupIds,
        label: "test",
      });
      return { outcome, groups, extended, unadmitted };
    };

    for (const { groupIds, inventory } of readings.scoped) {
      const expected = decided(readings.whole, groupIds);

      expect({ groupIds, ...decided(inventory, groupIds) }).toEqual({ groupIds, ...expected });
    }
    expect(decided(readings.whole, [DB]).groups.length).toBeGreaterThan(0);
  });
});
