import { isRfc1918Address } from "../address/rfc1918.js";
import type { Ipv4 } from "../address/ipv4.js";
import { compareText } from "../internal/compare-text.js";
import type { Inventory } from "../inventory/inventory.js";
import type { SubnetNacl } from "../nacl/nacl-entry.js";
import type { BlockedSource } from "./blocked-source.js";
import { naclReading } from "./internal/nacl-reading.js";
import { ruleAdmits } from "./internal/source-admitted.js";
import type { RejectedAttempt } from "./rejected-attempt.js";

/** What diagnose reads besides the estate. */
export interface DiagnoseOptions {
  /** The network ACLs; without them every finding's NACL reading is `unknown`. */
  readonly nacls?: readonly SubnetNacl[];
  /** Report uncovered public sources too (extend does; diagnose itself reports private). */
  readonly includePublic?: boolean;
}

/** How the attempts were accounted for; every attempt lands in exactly one count. */
export interface DiagnosisStats {
  readonly attempts: number;
  /** On an interface the estate does not list: its groups cannot be known. */
  readonly unknownInterface: number;
  /** The destination is not one of the interface's addresses (relayed traffic). */
  readonly notInterfaceAddress: number;
  /** A current rule admits it: the NACL refused it, or the packets came late. */
  readonly admitted: number;
  /** Uncovered, but from a public address (and public sources were not asked for). */
  readonly publicSource: number;
  readonly blocked: number;
}

/** The blocked sources found, in the attempts' canonical order, and the accounting. */
export interface Diagnosis {
  readonly blocked: readonly BlockedSource[];
  readonly stats: DiagnosisStats;
}

/**
 * Finds what tightening (or a missing rule) blocked: every attempt on a known interface,
 * addressed to one of its addresses, whose source no current inbound rule of that
 * interface's groups admits on the attempt's protocol and port. Only private (RFC 1918)
 * sources unless `includePublic`. An attempt a rule admits was refused by something else
 * (the NACL, or a packet after the connection closed) and is counted, not reported.
 *
 * Pure and order-independent: the same estate and attempts give the same diagnosis.
 */
export const diagnoseRejects = (
  inventory: Inventory,
  attempts: readonly RejectedAttempt[],
  options: DiagnoseOptions = {},
): Diagnosis => {
  const interfaces = new Map(inventory.interfaces.map((nic) => [nic.interfaceId, nic]));
  const groups = new Map(inventory.groups.map((group) => [group.groupId, group]));
  const groupsAt = groupsByAddress(inventory);
  const stats = { unknownInterface: 0, notInterfaceAddress: 0, admitted: 0, publicSource: 0 };

  const blocked: BlockedSource[] = [];
  for (const attempt of attempts) {
    const nic = interfaces.get(attempt.interfaceId);
    if (nic === undefined) {
      stats.unknownInterface += 1;
      continue;
    }
    if (!nic.addresses.includes(attempt.destination)) {
      stats.notInterfaceAddress += 1;
      continue;
    }

    const rules = nic.groupIds.flatMap((groupId) => groups.get(groupId)?.rules ?? []);
    if (rules.some((rule) => ruleAdmits(rule, attempt, groupsAt))) {
      stats.admitted += 1;
      continue;
    }
    const isPrivate = isRfc1918Address(attempt.source);
    if (!isPrivate && options.includePublic !== true) {
      stats.publicSource += 1;
      continue;
    }

    blocked.push({
      attempt,
      groupIds: [...nic.groupIds].sort(compareText),
      ...(nic.subnetId === undefined ? {} : { subnetId: nic.subnetId }),
      nacl: naclReading(options.nacls, nic.subnetId, attempt),
      isPrivate,
    });
  }

  return { blocked, stats: { attempts: attempts.length, ...stats, blocked: blocked.length } };
};

const NONE: ReadonlySet<string> = new Set();

/** Which groups the interfaces owning each address carry, for group-reference rules. */
const groupsByAddress = (inventory: Inventory): ((address: Ipv4) => ReadonlySet<string>) => {
  const byAddress = new Map<Ipv4, Set<string>>();
  for (const nic of inventory.interfaces) {
    for (const address of nic.addresses) {
      const held = byAddress.get(address) ?? new Set<string>();
      for (const groupId of nic.groupIds) held.add(groupId);
      byAddress.set(address, held);
    }
  }
  return (address) => byAddress.get(address) ?? NONE;
};
