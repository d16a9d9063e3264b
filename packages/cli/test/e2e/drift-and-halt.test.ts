import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LocalEstate } from "@sg/aws-adapter";
import { parseIpv4Cidr, TCP, type Ipv4Cidr, type Rule } from "@sg/core";
import { plannedWorkspace } from "../support/demo-plan.js";
import { estateMeaning } from "../support/estate-meaning.js";
import { filesOf, runCli } from "../support/run-cli.js";

const WEB = "sg-0a11ce0000000web1";
const DB = "sg-0a11ce00000000db2";
const API = "sg-0a11ce0000000api3";
const ALB = "sg-0a11ce0000000alb4";

const block = (text: string): Ipv4Cidr => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

const tcp = (groupId: string, cidr: string, port: number): Rule => ({
  groupId,
  protocol: TCP,
  ports: { from: port, to: port },
  source: { kind: "cidr", cidr: block(cidr) },
});

const ruleOf = async (dir: string, groupId: string, cidr: string): Promise<Rule> => {
  const inventory = await (await LocalEstate.open(join(dir, "estate"))).read();
  const rules = inventory.groups.find((group) => group.groupId === groupId)!.rules;
  return rules.find(
    (rule) => rule.source.kind === "cidr" && rule.source.cidr.base === block(cidr).base,
  )!;
};

/** Changes to the estate between plan and apply, and whether apply must refuse. */
const DRIFTS: [string, (estate: LocalEstate, dir: string) => Promise<unknown>, boolean][] = [
  [
    "a rule added to a planned group",
    (e) => e.authorise(WEB, [tcp(WEB, "10.9.0.0/16", 443)]),
    true,
  ],
  [
    "a rule removed from a planned group",
    async (e, d) => e.revoke(DB, [await ruleOf(d, DB, "10.4.0.0/16")]),
    true,
  ],
  [
    "a CIDR changed in a planned group",
    async (e, d) => {
      await e.revoke(API, [await ruleOf(d, API, "10.8.0.0/16")]);
      await e.authorise(API, [tcp(API, "10.8.0.0/15", 8443)]);
    },
    true,
  ],
  [
    "ports changed in a planned group",
    async (e, d) => {
      await e.revoke(WEB, [await ruleOf(d, WEB, "10.0.50.0/24")]);
      await e.authorise(WEB, [tcp(WEB, "10.0.50.0/24", 2222)]);
    },
    true,
  ],
  [
    "a rule added to an unrelated group",
    (e) => e.authorise(ALB, [tcp(ALB, "10.30.0.0/24", 443)]),
    false,
  ],
];

describe("apply against a drifted estate", () => {
  it.each(DRIFTS)("should handle %s", async (_, drift, refuses) => {
    const dir = await plannedWorkspace();
    await drift(await LocalEstate.open(join(dir, "estate")), dir);
    const before = filesOf(dir);

    const run = await runCli(["apply", "--plan", "plan.json", "--estate", "estate"], { cwd: dir });

    if (refuses) {
      expect(run.code).toBe(4);
      expect(run.stderr).toContain("the estate changed since the plan was built");
      expect(run.stderr).toMatch(/sg-0a11ce\w+: (added|removed) /);
      expect(filesOf(dir)).toEqual(before);
    } else {
      expect(run.code).toBe(0);
    }
  });
});

describe("apply with a write failing partway", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    "should halt when estate write %i fails, keep earlier groups and revert everything",
    async (call) => {
      const dir = await plannedWorkspace();
      const original = await estateMeaning(join(dir, "estate"));
      const env = { SG_TIGHTENER_TEST_FAIL_CALL: String(call) };

      const run = await runCli(["apply", "--plan", "plan.json", "--estate", "estate"], {
        cwd: dir,
        env,
      });

      expect(run.code).toBe(5);
      const manifest = readdirSync(dir).find((name) => name.startsWith("manifest-"))!;
      expect(run.stderr).toContain(`sg-tightener revert --manifest ${manifest} --estate estate`);
      const document = JSON.parse(readFileSync(join(dir, manifest), "utf8"));
      expect(document.status).toBe("halted");
      const after = await estateMeaning(join(dir, "estate"));
      const applied = Object.keys(original).filter(
        (g) => JSON.stringify(after[g]) !== JSON.stringify(original[g]),
      );
      const failedGroup = [DB, API, WEB][Math.floor((call - 1) / 2)]!;
      expect(applied).not.toContain(failedGroup);
      expect(applied).toHaveLength(Math.floor((call - 1) / 2));

      const revert = await runCli(["revert", "--manifest", manifest, "--estate", "estate"], {
        cwd: dir,
      });

      expect(revert.code).toBe(0);
      expect(await estateMeaning(join(dir, "estate"))).toEqual(original);
    },
  );
});
