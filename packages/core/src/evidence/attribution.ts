import { blockContains } from "../address/ipv4-cidr.js";
import { sortedUniqueAddresses } from "../internal/sorted-addresses.js";
import type { Inventory } from "../inventory/inventory.js";
import { admitsTraffic } from "../rule/admits.js";
import { eligibilityOf } from "../rule/eligibility.js";
import { seenWithin, type EvidenceEntry, type TimeWindow } from "./evidence.js";

/** Why evidence entries did not count towards any rule. */
export interface AttributionStats {
  readonly entries: number;
  readonly outsideWindow: number;
  readonly unknownInterface: number;
  /** The destination is not one of the interface's addresses (relayed traffic). */
  readonly notInterfaceAddress: number;
  /** On a known interface, but no eligible rule of its groups admits it. */
  readonly noEligibleRule: number;
  readonly attributed: number;
}

/** Per group, per rule (parallel to the group's rules): the sources each rule admitted. */
export interface Attribution {
  readonly sourcesByGroup: ReadonlyMap<string, readonly Uint32Array[]>;
  readonly stats: AttributionStats;
}

/**
 * Computes each eligible rule's observed sources inside `window`: an entry counts for a
 * rule when the entry's interface carries the rule's group, the destination is one of
 * that interface's addresses, the rule admits the protocol and port, and the source lies
 * in the rule's block. Flows are never attributed to groups of other interfaces.
 *
 * Ineligible rules get an empty array. The result does not depend on evidence order.
 */
export const attributeEvidence = (
  inventory: Inventory,
  evidence: readonly EvidenceEntry[],
  window: TimeWindow,
  threshold?: number,
): Attribution => {
  const interfaces = new Map(inventory.interfaces.map((nic) => [nic.interfaceId, nic]));
  const eligible = new Map(
    inventory.groups.map((group) => [
      group.groupId,
      group.rules.map((rule) => {
        const eligibility = eligibilityOf(rule, threshold);
        return eligibility.eligible ? { rule, block: eligibility.block } : undefined;
      }),
    ]),
  );
  const collected = new Map(
    inventory.groups.map((group) => [group.groupId, group.rules.map((): number[] => [])]),
  );

  const stats = { entries: evidence.length, outsideWindow: 0, unknownInterface: 0 };
  let notInterfaceAddress = 0;
  let noEligibleRule = 0;
  let attributed = 0;
  for (const entry of evidence) {
    if (!seenWithin(entry, window)) {
      stats.outsideWindow += 1;
      continue;
    }
    const nic = interfaces.get(entry.interfaceId);
    if (nic === undefined) {
      stats.unknownInterface += 1;
      continue;
    }
    if (!nic.addresses.includes(entry.destination)) {
      notInterfaceAddress += 1;
      continue;
    }

    let counted = false;
    for (const groupId of nic.groupIds) {
      const rules = eligible.get(groupId) ?? [];
      const sources = collected.get(groupId)!;
      for (const [index, candidate] of rules.entries()) {
        if (
          candidate !== undefined &&
          admitsTraffic(candidate.rule, entry.protocol, entry.port) &&
          blockContains(candidate.block, entry.source)
        ) {
          sources[index]!.push(entry.source);
          counted = true;
        }
      }
    }
    if (counted) attributed += 1;
    else noEligibleRule += 1;
  }

  const sourcesByGroup = new Map(
    [...collected].map(([groupId, perRule]) => [groupId, perRule.map(sortedUniqueAddresses)]),
  );
  return {
    sourcesByGroup,
    stats: { ...stats, notInterfaceAddress, noEligibleRule, attributed },
  };
};
