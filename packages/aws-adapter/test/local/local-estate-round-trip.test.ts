import { afterAll, describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { describeRule, ipv4Cidr, TCP, type Rule, type RuleSource } from "@sg/core";
import { LocalEstate } from "@sg/aws-adapter";
import {
  realisticEstate,
  removeTemporaryFolders,
  snapshotFolder,
} from "./fixtures/estate-builder.js";
import { cidr, setUp } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

const sources: fc.Arbitrary<RuleSource> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 24, max: 32 }))
    .map(([low, length]) => ({
      kind: "cidr" as const,
      cidr: ipv4Cidr(((10 << 24) | (200 << 16) | low) >>> 0, length),
    })),
  fc.constantFrom<RuleSource>(
    { kind: "cidr", cidr: cidr("2001:db8:1::/48") },
    { kind: "prefix-list", prefixListId: "pl-0admins" },
    { kind: "prefix-list", prefixListId: "pl-0unknown" },
    { kind: "group", groupId: "sg-0peer", userId: "444455556666" },
  ),
);

/** Rules no fixture group holds yet: each a new port or a new source. */
const newRules: fc.Arbitrary<Rule[]> = fc.uniqueArray(
  fc.record({
    groupId: fc.constantFrom("sg-0web", "sg-0app"),
    protocol: fc.constant(TCP),
    ports: fc.integer({ min: 1024, max: 65535 }).map((port) => ({ from: port, to: port })),
    source: sources,
  }),
  {
    minLength: 1,
    maxLength: 6,
    selector: (rule) => describeRule({ ...rule, groupId: "" }) + rule.groupId,
  },
);

describe("LocalEstate round trip", () => {
  test.prop([newRules, fc.boolean()], { numRuns: 20 })(
    "should restore every file byte for byte when added rules are revoked again",
    async (rules, withRulesFile) => {
      const { folder, estate } = await setUp(realisticEstate({ withRulesFile }));
      const before = await snapshotFolder(folder);

      for (const rule of rules) {
        const [added] = await estate.authorise(rule.groupId, [rule]);
        await estate.revoke(rule.groupId, [added as Rule]);
      }

      expect(await snapshotFolder(folder)).toEqual(before);
    },
  );

  test.prop([newRules, fc.boolean()], { numRuns: 20 })(
    "should write files that reopen as the estate held in memory",
    async (rules, withRulesFile) => {
      const { folder, estate } = await setUp(realisticEstate({ withRulesFile }), { quota: 100 });

      for (const rule of rules) await estate.authorise(rule.groupId, [rule]);
      const broad = (await estate.read()).groups[0]?.rules[0] as Rule;
      await estate.revoke("sg-0web", [broad]);

      const reopened = await LocalEstate.open(folder, { quota: 100 });
      expect(await reopened.read()).toEqual(await estate.read());
    },
  );
});
