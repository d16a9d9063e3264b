import { err, ok } from "@sg/core";
import type { AwsNetworkAcl } from "../../estate-files.js";
import { apiError } from "../api-error.js";
import { scalarList } from "../form.js";
import { describePage } from "./describe-page.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

const FILTERS: FilterFields<AwsNetworkAcl> = {
  fields: {
    "network-acl-id": (acl) => [acl.NetworkAclId],
    "vpc-id": (acl) => [acl.VpcId],
    "association.subnet-id": (acl) => (acl.Associations ?? []).map((link) => link.SubnetId),
    default: (acl) => [String(acl.IsDefault ?? false)],
    "owner-id": (acl) => [typeof acl.OwnerId === "string" ? acl.OwnerId : undefined],
  },
  tagsOf: (acl) => acl.Tags,
};

/**
 * DescribeNetworkAcls: by `NetworkAclId.N` (each must exist) and `Filter.N` (`vpc-id`,
 * `association.subnet-id`, `network-acl-id`, `default`), paged like the other Describes.
 */
export const describeNetworkAcls: Ec2Handler = (form, { store, pageCap }) => {
  const ids = scalarList(form, "NetworkAclId");
  const missing = ids.find((id) => !store.networkAcls.some((acl) => acl.NetworkAclId === id));
  if (missing !== undefined) {
    return err(
      apiError("InvalidNetworkAclID.NotFound", `The network ACL ID '${missing}' does not exist`),
    );
  }

  const chosen =
    ids.length === 0
      ? store.networkAcls
      : store.networkAcls.filter((acl) => ids.includes(acl.NetworkAclId));
  const filtered = applyFilters(form, chosen, FILTERS);
  if (!filtered.ok) return filtered;

  const paged = describePage(form, filtered.value, {
    idsParameter: "NetworkAclIds",
    idsGiven: ids.length > 0,
    pageCap,
  });
  if (!paged.ok) return paged;
  return ok({ NetworkAcls: paged.value.page, NextToken: paged.value.NextToken });
};
