import { err, ok, type Result } from "@sg/core";
import { apiError, type ApiError } from "../api-error.js";
import { explodePermission } from "../permission.js";
import { quotaUsage } from "../quota.js";
import { describePeer, ruleIdentity, ruleToAws, type CandidateRule } from "../rule-record.js";
import type { Store } from "../store.js";
import type { Ec2Context, Ec2Handler } from "./ec2-context.js";
import { requestPermissions, requestRuleTags } from "./request-permissions.js";
import { targetGroup } from "./target-group.js";

const repeatedWithin = (candidates: readonly CandidateRule[]): boolean =>
  new Set(candidates.map(ruleIdentity)).size !== candidates.length;

const unknownReference = (candidates: readonly CandidateRule[], store: Store, owner: string) =>
  candidates.find(
    ({ source }) =>
      source.kind === "group" &&
      (source.pair.UserId === undefined || source.pair.UserId === owner) &&
      source.pair.GroupId !== undefined &&
      !store.groups.has(source.pair.GroupId),
  );

/** Every check EC2 makes before adding rules; the first failure rejects the whole call. */
const check = (
  candidates: readonly CandidateRule[],
  groupId: string,
  isEgress: boolean,
  { store, prefixListCosts }: Ec2Context,
): Result<void, ApiError> => {
  if (repeatedWithin(candidates)) {
    return err(
      apiError("InvalidParameterValue", "The same permission must not appear multiple times"),
    );
  }

  const reference = unknownReference(candidates, store, store.ownerOf(groupId));
  if (reference?.source.kind === "group") {
    const id = reference.source.pair.GroupId ?? "";
    return err(apiError("InvalidGroup.NotFound", `The security group '${id}' does not exist`));
  }

  const existing = store.rules.filter((r) => r.groupId === groupId && r.isEgress === isEgress);
  const present = new Set(existing.map(ruleIdentity));
  const duplicate = candidates.find((candidate) => present.has(ruleIdentity(candidate)));
  if (duplicate !== undefined) {
    return err(
      apiError(
        "InvalidPermission.Duplicate",
        `the specified rule "${describePeer(duplicate)}" already exists`,
      ),
    );
  }

  if (quotaUsage([...existing, ...candidates], prefixListCosts) > store.ruleQuota(groupId)) {
    return err(
      apiError(
        "RulesPerSecurityGroupLimitExceeded",
        "The maximum number of rules per security group has been reached.",
      ),
    );
  }
  return ok(undefined);
};

/**
 * AuthorizeSecurityGroupIngress (or Egress): splits the permissions into single-source
 * rules, checks them all (validity, repeats within the call, existing duplicates, the
 * quota) and then adds them all under new `sgr-` ids, or adds none.
 */
export const authorizeHandler =
  (isEgress: boolean): Ec2Handler =>
  (form, context) => {
    const group = targetGroup(form, context.store);
    if (!group.ok) return group;
    const permissions = requestPermissions(form);
    if (!permissions.ok) return permissions;
    const tags = requestRuleTags(form);
    if (!tags.ok) return tags;

    const groupId = group.value.GroupId;
    const candidates: CandidateRule[] = [];
    for (const permission of permissions.value) {
      const rules = explodePermission(permission, { groupId, isEgress }, tags.value);
      if (!rules.ok) return rules;
      candidates.push(...rules.value);
    }
    const checked = check(candidates, groupId, isEgress, context);
    if (!checked.ok) return checked;

    const { store } = context;
    const added = store.insertRules(candidates);
    const owner = store.ownerOf(groupId);
    return ok({
      Return: true,
      SecurityGroupRules: added.map((rule) => ruleToAws(rule, owner, store.settings.region)),
    });
  };
