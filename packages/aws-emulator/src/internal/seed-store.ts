import type { EmulatorOptions } from "../emulator-options.js";
import type {
  AwsIpPermission,
  AwsSecurityGroup,
  AwsSecurityGroupRule,
  EstateFiles,
} from "../estate-files.js";
import { explodePermission } from "./permission.js";
import { ruleIdentity, type CandidateRule, type RuleRecord } from "./rule-record.js";
import { Store } from "./store.js";

const RULES_QUOTA_KEY = "vpc/L-0EA8095F";
const AWS_DEFAULT_RULES_QUOTA = 60;

const explodeOrThrow = (
  permission: AwsIpPermission,
  target: { groupId: string; isEgress: boolean },
  where: string,
  tags: CandidateRule["tags"] = [],
): CandidateRule[] => {
  const rules = explodePermission(permission, target, tags);
  if (!rules.ok) {
    throw new Error(`cannot seed ${where}: ${rules.error.code}: ${rules.error.message}`);
  }
  return rules.value;
};

const rulesOfGroup = (group: AwsSecurityGroup): CandidateRule[] =>
  [false, true].flatMap((isEgress) =>
    ((isEgress ? group.IpPermissionsEgress : group.IpPermissions) ?? []).flatMap((permission) =>
      explodeOrThrow(permission, { groupId: group.GroupId, isEgress }, `group ${group.GroupId}`),
    ),
  );

const permissionOfRule = (rule: AwsSecurityGroupRule): AwsIpPermission => {
  const Description = rule.Description;
  const info = rule.ReferencedGroupInfo;
  return {
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort,
    ToPort: rule.ToPort,
    IpRanges: rule.CidrIpv4 === undefined ? [] : [{ CidrIp: rule.CidrIpv4, Description }],
    Ipv6Ranges: rule.CidrIpv6 === undefined ? [] : [{ CidrIpv6: rule.CidrIpv6, Description }],
    PrefixListIds:
      rule.PrefixListId === undefined ? [] : [{ PrefixListId: rule.PrefixListId, Description }],
    UserIdGroupPairs: info === undefined ? [] : [{ ...info, Description }],
  };
};

const recordOfRule = (rule: AwsSecurityGroupRule): RuleRecord => {
  const target = { groupId: rule.GroupId, isEgress: rule.IsEgress };
  const where = `rule ${rule.SecurityGroupRuleId}`;
  const [candidate] = explodeOrThrow(permissionOfRule(rule), target, where, rule.Tags ?? []);
  if (candidate === undefined) throw new Error(`cannot seed ${where}: it names no source`);
  return { ...candidate, ruleId: rule.SecurityGroupRuleId };
};

/**
 * Merges the group document with the optional rule document: every rule a group lists is
 * stored once, under the id (and with the tags) the rule document gives it when it has
 * one, else under a fresh id; rules only the rule document lists are added after.
 */
const seedRules = (store: Store, estate: EstateFiles): void => {
  const known = new Map<string, RuleRecord>();
  for (const rule of estate.securityGroupRules?.SecurityGroupRules ?? []) {
    if (!store.groups.has(rule.GroupId)) {
      const id = rule.SecurityGroupRuleId;
      throw new Error(`cannot seed rule ${id}: group ${rule.GroupId} is not in the groups`);
    }
    const record = recordOfRule(rule);
    if (known.has(ruleIdentity(record))) {
      throw new Error(`cannot seed rule ${record.ruleId}: another rule has the same source`);
    }
    known.set(ruleIdentity(record), record);
  }

  const taken = new Set([...known.values()].map((rule) => rule.ruleId));
  const seen = new Set<string>();
  const ordered = estate.securityGroups.SecurityGroups.flatMap(rulesOfGroup).map((candidate) => {
    const identity = ruleIdentity(candidate);
    if (seen.has(identity)) {
      throw new Error(
        `cannot seed group ${candidate.groupId}: it lists a rule twice (${identity})`,
      );
    }
    seen.add(identity);

    const record = known.get(identity);
    known.delete(identity);
    return record ?? { ...candidate, ruleId: store.freshRuleId(taken) };
  });

  store.rules = [...ordered, ...known.values()];
};

/**
 * Builds the store an emulator serves from its options and the estate documents: groups,
 * their rules, interfaces, ACLs, log groups and the enforced rules quota. Throws on a
 * seed EC2 itself would reject, naming the group or rule.
 */
export const seedStore = (options: EmulatorOptions, estate: EstateFiles | undefined): Store => {
  const store = new Store({
    accountId: options.accountId ?? "123456789012",
    region: options.region ?? "us-east-1",
    defaultQuota: options.serviceQuotas?.[RULES_QUOTA_KEY] ?? AWS_DEFAULT_RULES_QUOTA,
    quotaByGroup: options.quotaByGroup ?? {},
  });

  if (estate) {
    for (const group of estate.securityGroups.SecurityGroups) {
      const { IpPermissions: _ingress, IpPermissionsEgress: _egress, ...own } = group;
      store.groups.set(group.GroupId, own);
    }
    seedRules(store, estate);
    store.interfaces.push(...estate.networkInterfaces.NetworkInterfaces);
    store.networkAcls.push(...(estate.networkAcls?.NetworkAcls ?? []));
  }

  for (const [name, events] of Object.entries(options.logGroups ?? {})) {
    store.appendLogEvents(name, events);
  }
  return store;
};
