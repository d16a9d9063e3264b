import { err, ok } from "@sg/core";
import type { AwsNetworkInterface } from "../../estate-files.js";
import { apiError } from "../api-error.js";
import { scalarList } from "../form.js";
import { describePage } from "./describe-page.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

const FILTERS: FilterFields<AwsNetworkInterface> = {
  fields: {
    "network-interface-id": (eni) => [eni.NetworkInterfaceId],
    "group-id": (eni) => (eni.Groups ?? []).map((group) => group.GroupId),
    "group-name": (eni) => (eni.Groups ?? []).map((group) => group.GroupName),
    "vpc-id": (eni) => [eni.VpcId],
    "subnet-id": (eni) => [eni.SubnetId],
    "interface-type": (eni) => [eni.InterfaceType],
    "owner-id": (eni) => [eni.OwnerId],
    "requester-managed": (eni) => [String(eni.RequesterManaged ?? false)],
    "private-ip-address": (eni) => [
      eni.PrivateIpAddress,
      ...(eni.PrivateIpAddresses ?? []).map((address) => address.PrivateIpAddress),
    ],
  },
  tagsOf: (eni) => eni.TagSet,
};

/**
 * DescribeNetworkInterfaces: by `NetworkInterfaceId.N` (each must exist) and `Filter.N`
 * (`group-id`, `network-interface-id`, `vpc-id`, `subnet-id`, `interface-type`, …), paged
 * with `MaxResults`/`NextToken`. Interfaces are served exactly as seeded.
 */
export const describeNetworkInterfaces: Ec2Handler = (form, { store, pageCap }) => {
  const ids = scalarList(form, "NetworkInterfaceId");
  const missing = ids.find((id) => !store.interfaces.some((eni) => eni.NetworkInterfaceId === id));
  if (missing !== undefined) {
    return err(
      apiError(
        "InvalidNetworkInterfaceID.NotFound",
        `The networkInterface ID '${missing}' does not exist`,
      ),
    );
  }

  const chosen =
    ids.length === 0
      ? store.interfaces
      : store.interfaces.filter((eni) => ids.includes(eni.NetworkInterfaceId));
  const filtered = applyFilters(form, chosen, FILTERS);
  if (!filtered.ok) return filtered;

  const paged = describePage(form, filtered.value, {
    idsParameter: "NetworkInterfaceIds",
    idsGiven: ids.length > 0,
    pageCap,
  });
  if (!paged.ok) return paged;
  return ok({ NetworkInterfaces: paged.value.page, NextToken: paged.value.NextToken });
};
