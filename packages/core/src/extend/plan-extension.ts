import { rfc1918HomeOf } from "../address/rfc1918.js";
import { ipv4Cidr } from "../address/ipv4-cidr.js";
import type { BlockedSource } from "../diagnose/blocked-source.js";
import { diagnoseRejects } from "../diagnose/diagnose-rejects.js";
import type { RejectedAttempt } from "../diagnose/rejected-attempt.js";
import { awsSourceClassifier } from "../ip-ranges/aws-source.js";
import type { Inventory } from "../inventory/inventory.js";
import { TCP, UDP } from "../rule/protocol.js";
import {
  DEFAULT_EXTEND_TOLERANCE,
  DEFAULT_MAX_GROUPS,
  type ExtendOptions,
  type Extension,
  type UnadmittedSource,
} from "./extension.js";
import { extendGroup } from "./internal/extend-group.js";
import { ItemBook, type Traffic } from "./internal/extension-item.js";
import { publicBlockOf } from "./internal/public-block.js";
import { targetGroups } from "./internal/target-groups.js";

/**
 * Plans a break-glass extension from REJECTed attempts: the blocked sources diagnose
 * finds, admitted to the groups of the interface that saw them, collapsed per group,
 * protocol and port with the classic layers at `tolerance` inside each source's RFC 1918
 * block, within each group's free rules. Strictly additive: it only ever authorises, and
 * never a rule the group already holds. Public sources only with `publicSources`: one
 * rule per managed-service prefix, per address otherwise, never for AMAZON-only space.
 * Refuses (outcome `refused`) when it would change more than `maxGroups` groups.
 *
 * Pure and deterministic; `groupIds` naming no group of the estate simply match nothing.
 *
 * @example planExtension(inventory, attempts, { tolerance: 50, maxGroups: 20 }).groups
 */
export const planExtension = (
  inventory: Inventory,
  attempts: readonly RejectedAttempt[],
  options: ExtendOptions = {},
): Extension => {
  const tolerance = options.tolerance ?? DEFAULT_EXTEND_TOLERANCE;
  const maxGroups = options.maxGroups ?? DEFAULT_MAX_GROUPS;
  const diagnosis = diagnoseRejects(inventory, attempts, {
    ...(options.nacls === undefined ? {} : { nacls: options.nacls }),
    includePublic: true,
  });

  const groups = new Map(inventory.groups.map((group) => [group.groupId, group]));
  const scope = options.groupIds === undefined ? undefined : new Set(options.groupIds);
  const ports = options.ports === undefined ? undefined : new Set(options.ports);
  const policy = options.publicSources;
  const classify = policy === undefined ? undefined : awsSourceClassifier(policy.ipRanges);
  const book = new ItemBook();
  const unadmitted: UnadmittedSource[] = [];
  let otherPorts = 0;
  let outsideGroups = 0;

  for (const blocked of diagnosis.blocked) {
    const { protocol, port, source } = blocked.attempt;
    const hasPort = protocol === TCP || protocol === UDP;
    if (ports !== undefined && !(hasPort && ports.has(port))) {
      otherPorts += 1;
      continue;
    }
    const targets = targetGroups(blocked, groups, scope);
    if (targets.length === 0) {
      outsideGroups += 1;
      continue;
    }
    if (blocked.nacl.verdict === "denies") {
      const detail = naclDetail(blocked.nacl.networkAclId, blocked.nacl.ruleNumber, blocked);
      unadmitted.push({ blocked, reason: "nacl-denies", detail });
      continue;
    }

    const traffic: Traffic = { protocol, port: hasPort ? port : -1 };
    const home = rfc1918HomeOf(ipv4Cidr(source, 32));
    if (home !== undefined) {
      for (const groupId of targets) {
        book.add(groupId, { kind: "private", traffic, block: home, text: "" }, blocked);
      }
      continue;
    }
    if (policy === undefined || classify === undefined) {
      const detail = "a public source; pass --include-public to admit public sources";
      unadmitted.push({ blocked, reason: "public-excluded", detail });
      continue;
    }

    const admitted = publicBlockOf(source, classify(source), policy.summarise);
    if (admitted.kind === "amazon-only") {
      unadmitted.push({ blocked, reason: "amazon-only", detail: admitted.detail });
      continue;
    }
    for (const groupId of targets) {
      const { block, text } = admitted;
      book.add(groupId, { kind: "public", traffic, block, text }, blocked);
    }
  }

  const outcomes = book.groups().map(([groupId, items]) => {
    const quota = inventory.quotaByGroup?.[groupId] ?? inventory.defaultQuota;
    return extendGroup(groups.get(groupId)!, quota, items, tolerance, options.label);
  });
  const touched = outcomes.filter(({ extension }) => extension.authorise.length > 0);

  return {
    outcome: touched.length > maxGroups ? "refused" : "planned",
    maxGroups,
    groups: touched.map(({ extension }) => extension),
    extended: outcomes.flatMap(({ extended }) => extended),
    unadmitted: [...unadmitted, ...outcomes.flatMap((outcome) => outcome.unadmitted)],
    stats: { ...diagnosis.stats, otherPorts, outsideGroups },
  };
};

const naclDetail = (
  networkAclId: string,
  ruleNumber: number | undefined,
  { subnetId }: BlockedSource,
): string => {
  const entry = ruleNumber === undefined ? "its default deny" : `rule ${ruleNumber}`;
  return (
    `network ACL ${networkAclId} of ${subnetId ?? "the subnet"} denies it (${entry}); ` +
    "a security-group rule would not help"
  );
};
