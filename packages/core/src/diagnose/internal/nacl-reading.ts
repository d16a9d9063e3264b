import { TCP, UDP } from "../../rule/protocol.js";
import { evaluateNacl } from "../../nacl/evaluate-nacl.js";
import { naclOfSubnet, type SubnetNacl } from "../../nacl/nacl-entry.js";
import type { NaclReading } from "../blocked-source.js";
import type { RejectedAttempt } from "../rejected-attempt.js";

/**
 * What the subnet's network ACL says about an attempt coming in: `denies` when it would
 * refuse it whatever the groups say, `allows` when the groups must be what refused it,
 * `unknown` (with the reason) when the ACLs were not read or do not cover the subnet.
 */
export const naclReading = (
  nacls: readonly SubnetNacl[] | undefined,
  subnetId: string | undefined,
  attempt: RejectedAttempt,
): NaclReading => {
  if (nacls === undefined) return { verdict: "unknown", reason: "network ACLs were not read" };
  if (subnetId === undefined) {
    return { verdict: "unknown", reason: `${attempt.interfaceId} has no subnet recorded` };
  }
  const nacl = naclOfSubnet(nacls, subnetId);
  if (nacl === undefined) {
    return { verdict: "unknown", reason: `no network ACL is associated with ${subnetId}` };
  }

  const { protocol, port, source } = attempt;
  const verdict = evaluateNacl(nacl.entries, {
    direction: "inbound",
    protocol,
    ...(protocol === TCP || protocol === UDP ? { port } : {}),
    address: source,
  });
  return {
    verdict: verdict.action === "allow" ? "allows" : "denies",
    networkAclId: nacl.networkAclId,
    ...(verdict.ruleNumber === undefined ? {} : { ruleNumber: verdict.ruleNumber }),
  };
};
