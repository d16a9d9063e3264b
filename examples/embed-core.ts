/**
 * Embedding @sg/core in your own tooling: build a tightening plan from an inventory and
 * evidence you already hold (here, inline data), with no files, no AWS and no clock.
 *
 * Run: pnpm exec tsx examples/embed-core.ts
 */
import {
  buildPlan,
  formatIpv4Cidr,
  parseIpv4,
  parseIpv4Cidr,
  TCP,
  type EvidenceEntry,
  type Inventory,
} from "@sg/core";

const address = (text: string): number => {
  const parsed = parseIpv4(text);
  if (!parsed.ok) throw new Error(`${parsed.error.input} ${parsed.error.reason}`);
  return parsed.value;
};

const block = (text: string) => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`${parsed.error.input} ${parsed.error.reason}`);
  return parsed.value;
};

/** One group trusting a whole /16 on tcp/5432, attached to one interface. */
export const inventory: Inventory = {
  groups: [
    {
      groupId: "sg-reporting-db",
      rules: [
        {
          groupId: "sg-reporting-db",
          ruleId: "sgr-0123456789abcdef0",
          protocol: TCP,
          ports: { from: 5432, to: 5432 },
          source: { kind: "cidr", cidr: block("10.4.0.0/16") },
          description: "DC reporting hosts",
        },
      ],
    },
  ],
  interfaces: [
    { interfaceId: "eni-db", addresses: [address("10.20.1.10")], groupIds: ["sg-reporting-db"] },
  ],
  defaultQuota: 60,
};

/** Six reporting hosts seen connecting, as your own log pipeline might summarise them. */
export const evidence: EvidenceEntry[] = [
  "10.4.8.0",
  "10.4.8.1",
  "10.4.8.2",
  "10.4.8.4",
  "10.4.8.5",
  "10.4.8.6",
].map((source) => ({
  interfaceId: "eni-db",
  destination: address("10.20.1.10"),
  protocol: TCP,
  port: 5432,
  source: address(source),
  firstSeen: 1_767_225_600,
  lastSeen: 1_767_225_600,
  count: 1,
  provenance: ["flow-logs"],
}));

/** The replacement CIDRs the plan proposes, as text. */
export const proposedCidrs = (): string[] => {
  const plan = buildPlan(inventory, evidence, { window: { from: 0, to: 2_000_000_000 } });
  return plan.groups.flatMap((group) =>
    group.authorise.flatMap((rule) =>
      rule.source.kind === "cidr" && rule.source.cidr.family === "ipv4"
        ? [formatIpv4Cidr(rule.source.cidr)]
        : [],
    ),
  );
};

if (process.argv[1]?.endsWith("embed-core.ts")) {
  process.stdout.write(`10.4.0.0/16 tcp/5432 → ${proposedCidrs().join(", ")}\n`);
}
