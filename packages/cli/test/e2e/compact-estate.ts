import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LocalEstate } from "@sg/aws-adapter";
import { ICMP, TCP, UDP, parseCidr, type Rule } from "@sg/core";
import { demoWorkspace } from "../support/run-cli.js";

/** The busy group: 57 of its 60 inbound rules used, most of them narrow and mergeable. */
export const BUSY = "sg-0a11ce00000busy5";

/** A group at exactly its quota of 60, whose merges compaction must refuse. */
export const FULL = "sg-0a11ce00000full6";

const HTTPS = { protocol: TCP, ports: { from: 443, to: 443 } };
const POSTGRES = { protocol: TCP, ports: { from: 5432, to: 5432 } };
const SSH = { protocol: TCP, ports: { from: 22, to: 22 } };
const DNS = { protocol: UDP, ports: { from: 53, to: 53 } };

const source = (text: string): Rule["source"] => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad fixture CIDR ${text}`);
  return { kind: "cidr", cidr: parsed.value };
};

const rulesOf = (
  groupId: string,
  traffic: Pick<Rule, "protocol" | "ports">,
  cidrs: readonly string[],
  description?: string,
): Rule[] =>
  cidrs.map((cidr) => ({
    groupId,
    ...traffic,
    source: source(cidr),
    ...(description === undefined ? {} : { description }),
  }));

const range = (count: number, cidr: (i: number) => string): string[] =>
  Array.from({ length: count }, (_, i) => cidr(i));

/**
 * What an incident leaves behind: sixteen /26 subnets that fill 10.20.0.0/22, three
 * blocks that half-fill 10.20.8.0/22, twelve hosts in 10.20.16.0/28, twelve hosts
 * far apart, Postgres and DNS ranges in the other RFC 1918 blocks, an SSH /24 inside an SSH
 * /16, a private /24 next to a public one, and rules compaction must never touch.
 */
const busyRules = (): Rule[] => [
  ...rulesOf(
    BUSY,
    HTTPS,
    range(16, (i) => `10.20.${i >> 2}.${(i & 3) * 64}/26`),
    "app",
  ),
  ...rulesOf(BUSY, HTTPS, ["10.20.8.0/24", "10.20.9.0/25", "10.20.10.0/24"], "batch"),
  ...rulesOf(
    BUSY,
    HTTPS,
    range(12, (i) => `10.20.16.${i}/32`),
    "extend: incident 4711",
  ),
  ...rulesOf(
    BUSY,
    HTTPS,
    range(12, (i) => `10.20.${32 + i * 8}.7/32`),
    "extend: stray host",
  ),
  ...rulesOf(BUSY, HTTPS, ["10.255.255.0/24", "11.0.0.0/24"], "edge"),
  ...rulesOf(
    BUSY,
    POSTGRES,
    range(6, (i) => `172.16.4.${i * 32}/27`),
    "reporting",
  ),
  ...rulesOf(BUSY, DNS, ["192.168.10.0/24", "192.168.11.0/24"], "resolvers"),
  ...rulesOf(BUSY, SSH, ["10.30.0.0/16", "10.30.5.0/24"], "bastions"),
  ...rulesOf(BUSY, { protocol: ICMP, ports: { from: -1, to: -1 } }, ["0.0.0.0/0"], "ping"),
  { groupId: BUSY, ...HTTPS, source: { kind: "group", groupId: "sg-0a11ce0000000alb4" } },
];

const fullRules = (): Rule[] =>
  rulesOf(
    FULL,
    HTTPS,
    range(60, (i) => `10.40.${i >> 4}.${(i & 15) * 16}/28`),
    "workers",
  );

const groupEntry = (groupId: string, name: string) => ({
  GroupId: groupId,
  GroupName: name,
  Description: `${name} (compaction fixture)`,
  VpcId: "vpc-0a1b2c3d4e5f60718",
  OwnerId: "111122223333",
  IpPermissions: [],
  IpPermissionsEgress: [],
  Tags: [],
});

/**
 * Adds the busy group (57 of 60 rules) and the full group (60 of 60) to an exported
 * estate. The groups are declared in security-groups.json, then their rules go in through
 * the local estate writer, so both estate files stay consistent and every rule has an id.
 */
export const addCompactionGroups = async (estateDir: string): Promise<void> => {
  const path = join(estateDir, "security-groups.json");
  const document = JSON.parse(readFileSync(path, "utf8"));
  document.SecurityGroups.push(groupEntry(BUSY, "busy-tier"), groupEntry(FULL, "full-tier"));
  writeFileSync(path, `${JSON.stringify(document, null, 4)}\n`);

  const estate = await LocalEstate.open(estateDir, { quota: 1000 });
  await estate.authorise(BUSY, busyRules());
  await estate.authorise(FULL, fullRules());
};

/** A fresh temporary folder with the demo estate plus the two compaction groups. */
export const compactWorkspace = async (): Promise<string> => {
  const dir = demoWorkspace();
  await addCompactionGroups(join(dir, "estate"));
  return dir;
};
