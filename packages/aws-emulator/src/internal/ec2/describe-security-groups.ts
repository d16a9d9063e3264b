import { err, ok } from "@sg/core";
import type { AwsSecurityGroup } from "../../estate-files.js";
import { apiError } from "../api-error.js";
import { scalarList } from "../form.js";
import { describePage } from "./describe-page.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

const ingress = (group: AwsSecurityGroup) => group.IpPermissions ?? [];

const FILTERS: FilterFields<AwsSecurityGroup> = {
  fields: {
    "group-id": (group) => [group.GroupId],
    "group-name": (group) => [group.GroupName],
    "vpc-id": (group) => [group.VpcId],
    "owner-id": (group) => [group.OwnerId],
    description: (group) => [group.Description],
    "ip-permission.protocol": (group) => ingress(group).map((p) => p.IpProtocol),
    "ip-permission.from-port": (group) => ingress(group).map((p) => String(p.FromPort ?? -1)),
    "ip-permission.to-port": (group) => ingress(group).map((p) => String(p.ToPort ?? -1)),
    "ip-permission.cidr": (group) =>
      ingress(group).flatMap((p) => (p.IpRanges ?? []).map((range) => range.CidrIp)),
    "ip-permission.group-id": (group) =>
      ingress(group).flatMap((p) => (p.UserIdGroupPairs ?? []).map((pair) => pair.GroupId)),
    "ip-permission.prefix-list-id": (group) =>
      ingress(group).flatMap((p) => (p.PrefixListIds ?? []).map((entry) => entry.PrefixListId)),
  },
  tagsOf: (group) => group.Tags,
};

/** On the wire a group's description is `groupDescription`, unlike a rule's. */
const toWire = ({ Description, ...group }: AwsSecurityGroup): Record<string, unknown> => ({
  ...group,
  GroupDescription: Description,
});

/**
 * DescribeSecurityGroups: by `GroupId.N` and `GroupName.N` (each must exist) and `Filter.N`,
 * paged with `MaxResults`/`NextToken`. Rules come back folded into permissions.
 */
export const describeSecurityGroups: Ec2Handler = (form, { store, pageCap }) => {
  const ids = scalarList(form, "GroupId");
  const names = scalarList(form, "GroupName");
  const groups = [...store.groups.values()];
  const missing =
    ids.find((id) => !store.groups.has(id)) ??
    names.find((name) => !groups.some((group) => group.GroupName === name));
  if (missing !== undefined) {
    return err(apiError("InvalidGroup.NotFound", `The security group '${missing}' does not exist`));
  }

  const all = store.exportSecurityGroups().SecurityGroups;
  const named = all.filter(
    (group) =>
      (ids.length === 0 || ids.includes(group.GroupId)) &&
      (names.length === 0 || names.includes(group.GroupName ?? "")),
  );
  const filtered = applyFilters(form, named, FILTERS);
  if (!filtered.ok) return filtered;

  const idsGiven = ids.length > 0 || names.length > 0;
  const paged = describePage(form, filtered.value, { idsParameter: "GroupIds", idsGiven, pageCap });
  if (!paged.ok) return paged;
  return ok({ SecurityGroups: paged.value.page.map(toWire), NextToken: paged.value.NextToken });
};
