import { eligibilityOf, DEFAULT_ELIGIBILITY_THRESHOLD } from "../rule/eligibility.js";
import { ICMP, ICMPV6 } from "../rule/protocol.js";
import { formatSource, formatTraffic } from "../rule/rule-key.js";
import type { Rule } from "../rule/rule.js";
import type { SecurityGroup } from "../inventory/inventory.js";
import { groupDigits } from "./internal/group-digits.js";
import { adminPortsReached, formatAdminPort, opensEveryPort } from "./admin-ports.js";
import { addressesTrusted, exposureOf, type Exposure } from "./exposure.js";
import type { Severity } from "./severity.js";

/** Broad private rules trusting at least this many addresses (a /16) are MEDIUM. */
export const MEDIUM_PRIVATE_ADDRESSES = 65_536;

/**
 * Broad private rules reaching an admin port (or every port) are MEDIUM from this many
 * addresses (a /20): lateral movement to a shell or a database needs fewer footholds.
 */
export const MEDIUM_PRIVATE_ADMIN_ADDRESSES = 4_096;

/** Where a finding was made, when the estate is one of many (an account and a Region). */
export interface FindingScope {
  readonly accountId?: string;
  readonly region?: string;
}

/**
 * One inbound security-group rule the severity model flags, with everything a report or
 * a ticket needs: which group and rule, what it admits from where, how many addresses it
 * trusts, why it has its severity, and whether `plan` can tighten it.
 */
export interface RuleFinding extends FindingScope {
  readonly severity: Severity;
  readonly exposure: Exposure;
  readonly groupId: string;
  readonly groupName?: string;
  readonly vpcId?: string;
  readonly rule: Rule;
  /** The protocol and ports as reports write them: `tcp/22`, `all`. */
  readonly traffic: string;
  /** The source as reports write it: `0.0.0.0/0`. */
  readonly source: string;
  readonly addressesTrusted: number;
  /** Whether the rule opens every port (protocol -1 or TCP/UDP 0-65535). */
  readonly everyPort: boolean;
  /** The admin ports the rule reaches (`22/ssh`), empty when it opens every port. */
  readonly adminPorts: readonly string[];
  /** Whether `plan` would tighten this rule (it is eligible: broad and private). */
  readonly tightenable: boolean;
  /** One sentence saying why the rule has this severity. */
  readonly reason: string;
}

/** Options of the severity model: the eligibility threshold `plan` uses (default /24). */
export interface RiskOptions {
  readonly threshold?: number;
}

/**
 * Applies the severity model to one inbound rule of `group`. Returns `undefined` for a
 * rule that is not an exposure: a group or prefix-list reference, or a CIDR narrower than
 * the thresholds in {@link exposureOf}. See the package README for the full table.
 */
export const assessRule = (
  group: Pick<SecurityGroup, "groupId" | "groupName" | "vpcId">,
  rule: Rule,
  options: RiskOptions = {},
  scope: FindingScope = {},
): RuleFinding | undefined => {
  const threshold = options.threshold ?? DEFAULT_ELIGIBILITY_THRESHOLD;
  if (rule.source.kind !== "cidr") return undefined;
  const exposure = exposureOf(rule.source.cidr, threshold);
  if (exposure === undefined) return undefined;

  const everyPort = opensEveryPort(rule.protocol, rule.ports);
  const admin = everyPort ? [] : adminPortsReached(rule.protocol, rule.ports).map(formatAdminPort);
  const trusted = addressesTrusted(rule.source.cidr);
  const verdict = judge(exposure, rule, { everyPort, admin, trusted });

  return {
    ...scope,
    severity: verdict.severity,
    exposure,
    groupId: group.groupId,
    ...(group.groupName === undefined ? {} : { groupName: group.groupName }),
    ...(group.vpcId === undefined ? {} : { vpcId: group.vpcId }),
    rule,
    traffic: formatTraffic(rule),
    source: formatSource(rule.source),
    addressesTrusted: trusted,
    everyPort,
    adminPorts: admin,
    tightenable: eligibilityOf(rule, threshold).eligible,
    reason: verdict.reason,
  };
};

interface Reach {
  readonly everyPort: boolean;
  readonly admin: readonly string[];
  readonly trusted: number;
}

const WHO: Readonly<Record<Exposure, string>> = {
  internet: "the internet",
  "broad-public": "a broad public block",
  "private-block": "a whole RFC 1918 block",
  "broad-private": "a broad private block",
};

type Verdict = { readonly severity: Severity; readonly reason: string };

/**
 * The severity table. ICMP is LOW from anywhere (ping and path-MTU discovery, no
 * service behind it); otherwise the exposure and the ports decide, and private blocks are
 * weighted by the addresses they trust. Narrowing a source or a port range never raises
 * the severity (a property test holds this).
 */
const judge = (exposure: Exposure, rule: Rule, reach: Reach): Verdict => {
  const who = WHO[exposure];
  if (rule.protocol === ICMP || rule.protocol === ICMPV6) {
    return { severity: "LOW", reason: `${who} on ICMP only` };
  }

  const ports = reach.everyPort ? "every port" : `admin port ${reach.admin.join(", ")}`;
  const sensitive = reach.everyPort || reach.admin.length > 0;
  switch (exposure) {
    case "internet":
      return sensitive
        ? { severity: "CRITICAL", reason: `${who} on ${ports}` }
        : { severity: "HIGH", reason: `${who} on a service port` };
    case "broad-public":
      return sensitive
        ? { severity: "HIGH", reason: `${who} on ${ports}` }
        : { severity: "MEDIUM", reason: `${who} on a service port` };
    case "private-block":
      return reach.everyPort
        ? { severity: "HIGH", reason: `${who} on every port` }
        : privateVerdict(who, reach, sensitive);
    case "broad-private":
      return privateVerdict(who, reach, sensitive);
  }
};

const privateVerdict = (who: string, reach: Reach, sensitive: boolean): Verdict => {
  const trusting = `${who} trusting ${groupDigits(reach.trusted)} addresses`;
  if (reach.trusted >= MEDIUM_PRIVATE_ADDRESSES) {
    return { severity: "MEDIUM", reason: trusting };
  }
  if (sensitive && reach.trusted >= MEDIUM_PRIVATE_ADMIN_ADDRESSES) {
    const ports = reach.everyPort ? "every port" : `admin port ${reach.admin.join(", ")}`;
    return { severity: "MEDIUM", reason: `${trusting} on ${ports}` };
  }
  return { severity: "LOW", reason: trusting };
};
