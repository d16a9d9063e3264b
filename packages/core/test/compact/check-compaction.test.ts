import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { TCP, checkCompactionSteps, compactGroup, compactionSteps, type Rule } from "@sg/core";
import { cidr, compactableGroup } from "./arbitraries.js";

const https = (source: string, ruleId?: string, port = 443): Rule => ({
  groupId: "sg-0check",
  ...(ruleId === undefined ? {} : { ruleId }),
  protocol: TCP,
  ports: { from: port, to: port },
  source: { kind: "cidr", cidr: cidr(source) },
});

const group = {
  groupId: "sg-0check",
  rules: [
    https("10.0.0.0/25", "sgr-1"),
    https("10.0.0.128/25", "sgr-2"),
    https("10.0.8.0/21", "sgr-3"),
    https("10.0.9.0/24", "sgr-4"),
    https("10.0.0.0/24", "sgr-5", 80),
    { ...https("0.0.0.0/0", "sgr-6"), source: { kind: "group" as const, groupId: "sg-0peer" } },
  ],
};

/** The problem reported when a step revokes a rule nothing admits any more. */
const lost = (step: number, rule: string): string =>
  `sg-0check step ${step} revokes ${rule} and nothing of the same protocol and ports that ` +
  "stays or is authorised admits its addresses";

describe("checkCompactionSteps", () => {
  test.prop([compactableGroup(), fc.integer({ min: 0, max: 100 })])(
    "should accept every compaction the planner makes",
    (generated, ratio) => {
      const steps = compactionSteps(compactGroup(generated, 1000, ratio));

      expect(checkCompactionSteps(generated, steps)).toEqual([]);
    },
  );

  it.each([
    {
      name: "a widening that covers what it revokes",
      steps: [
        {
          authorise: [https("10.0.0.0/24")],
          revoke: [https("10.0.0.0/25", "sgr-1"), https("10.0.0.128/25", "sgr-2")],
        },
      ],
      problems: [],
    },
    {
      name: "a rule absorbed by a rule that stays",
      steps: [{ authorise: [], revoke: [https("10.0.9.0/24", "sgr-4")] }],
      problems: [],
    },
    {
      name: "a block too narrow for what it replaces",
      steps: [{ authorise: [https("10.0.0.0/25")], revoke: [https("10.0.0.128/25", "sgr-2")] }],
      problems: [lost(1, "sgr-2 tcp/443 from 10.0.0.128/25")],
    },
    {
      name: "a block on another port",
      steps: [
        {
          authorise: [https("10.0.0.0/24", undefined, 80)],
          revoke: [https("10.0.0.0/25", "sgr-1")],
        },
      ],
      problems: [lost(1, "sgr-1 tcp/443 from 10.0.0.0/25")],
    },
    {
      name: "a rule absorbed by a rule another step revokes",
      steps: [
        { authorise: [], revoke: [https("10.0.9.0/24", "sgr-4")] },
        { authorise: [], revoke: [https("10.0.8.0/21", "sgr-3")] },
      ],
      problems: [
        lost(1, "sgr-4 tcp/443 from 10.0.9.0/24"),
        lost(2, "sgr-3 tcp/443 from 10.0.8.0/21"),
      ],
    },
    {
      name: "a rule the group does not hold",
      steps: [{ authorise: [], revoke: [https("10.0.9.0/24", "sgr-9")] }],
      problems: [
        "sg-0check step 1 revokes sgr-9 tcp/443 from 10.0.9.0/24, which the group does not hold",
      ],
    },
    {
      name: "a group reference",
      steps: [{ authorise: [https("10.0.0.0/8")], revoke: [group.rules[5]!] }],
      problems: ["sg-0check step 1 revokes sgr-6 tcp/443 from sg-0peer, not an IPv4 RFC 1918 rule"],
    },
    {
      name: "a public block",
      steps: [{ authorise: [https("0.0.0.0/0")], revoke: [https("10.0.0.0/25", "sgr-1")] }],
      problems: [
        "sg-0check step 1 authorises tcp/443 from 0.0.0.0/0 in sg-0check, " +
          "expected an IPv4 RFC 1918 block in sg-0check",
        lost(1, "sgr-1 tcp/443 from 10.0.0.0/25"),
      ],
    },
    {
      name: "two blocks in one step",
      steps: [
        {
          authorise: [https("10.0.0.0/25"), https("10.0.0.128/25")],
          revoke: [https("10.0.0.0/25", "sgr-1")],
        },
      ],
      problems: ["sg-0check step 1 authorises 2 rules, expected at most 1"],
    },
  ])("should judge $name", ({ steps, problems }) => {
    expect(checkCompactionSteps(group, steps)).toEqual(problems);
  });
});
