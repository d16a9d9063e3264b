import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  SWEEP_RATIOS,
  TCP,
  compactionSweep,
  rankByQuotaUse,
  type Inventory,
  type Rule,
  type SecurityGroup,
} from "@sg/core";
import { cidr, compactableGroup } from "./arbitraries.js";

const https = (groupId: string, source: string): Rule => ({
  groupId,
  protocol: TCP,
  ports: { from: 443, to: 443 },
  source: { kind: "cidr", cidr: cidr(source) },
});

const groupWith = (groupId: string, sources: readonly string[], extra: Rule[] = []) => ({
  groupId,
  rules: [...sources.map((source) => https(groupId, source)), ...extra],
});

describe("compactionSweep", () => {
  it("should show rules before and after and the addresses added at each ratio", () => {
    const group = groupWith("sg-0sweep", ["10.0.0.0/24", "10.0.1.0/24", "10.0.4.0/24"]);

    const sweep = compactionSweep(group, 60, [0, 60, 70]);

    expect(
      sweep.map(({ ratio, rulesAfter, addedAddresses }) => [ratio, rulesAfter, addedAddresses]),
    ).toEqual([
      [0, 2, 0],
      [60, 2, 0],
      [70, 1, 1280],
    ]);
  });

  test.prop([compactableGroup()])(
    "should never show more rules after at a higher ratio of the default sweep",
    (group) => {
      const after = compactionSweep(group, 1000).map((point) => point.rulesAfter);

      expect(after).toEqual([...after].sort((a, b) => b - a));
      expect(after).toHaveLength(SWEEP_RATIOS.length);
    },
  );
});

describe("rankByQuotaUse", () => {
  const prefixList: Rule = {
    groupId: "sg-0lists",
    protocol: TCP,
    ports: { from: 443, to: 443 },
    source: { kind: "prefix-list", prefixListId: "pl-0corp", maxEntries: 50 },
  };
  const groups: SecurityGroup[] = [
    groupWith(
      "sg-0half",
      Array.from({ length: 30 }, (_, i) => `10.3.${i}.0/24`),
    ),
    groupWith("sg-0lists", ["10.4.0.0/24"], [prefixList]),
    groupWith(
      "sg-0raised",
      Array.from({ length: 50 }, (_, i) => `10.5.${i}.0/24`),
    ),
    groupWith("sg-0empty", []),
  ];
  const inventory: Inventory = {
    groups,
    interfaces: [],
    defaultQuota: 60,
    quotaByGroup: { "sg-0raised": 100 },
  };

  it("should rank fullest first, ties by rules used, prefix lists at their weight", () => {
    const ranked = rankByQuotaUse(inventory);

    expect(ranked.map(({ groupId, used, quota }) => [groupId, used, quota])).toEqual([
      ["sg-0lists", 51, 60],
      ["sg-0raised", 50, 100],
      ["sg-0half", 30, 60],
      ["sg-0empty", 0, 60],
    ]);
  });

  it("should rank only the groups asked for", () => {
    const ranked = rankByQuotaUse(inventory, ["sg-0empty", "sg-0half", "sg-0missing"]);

    expect(ranked.map((use) => use.groupId)).toEqual(["sg-0half", "sg-0empty"]);
  });
});
