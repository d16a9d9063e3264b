import { err, ok, type Result } from "@sg/core";
import type { AwsIpPermission, AwsTag } from "../../estate-files.js";
import { invalidValue, type ApiError } from "../api-error.js";
import { compact } from "../compact.js";
import { scalar, structList, type Form } from "../form.js";

const integerOf = (form: Form, name: string): Result<number | undefined, ApiError> => {
  const text = scalar(form, name);
  if (text === undefined) return ok(undefined);
  const value = Number(text);
  return Number.isInteger(value) ? ok(value) : err(invalidValue(name, text, "an integer"));
};

const described = <T extends object>(member: Form, value: T): T =>
  compact({ ...value, Description: scalar(member, "Description") });

const permissionOf = (member: Form): Result<AwsIpPermission, ApiError> => {
  const from = integerOf(member, "FromPort");
  if (!from.ok) return from;
  const to = integerOf(member, "ToPort");
  if (!to.ok) return to;

  return ok(
    compact({
      IpProtocol: scalar(member, "IpProtocol") ?? "",
      FromPort: from.value,
      ToPort: to.value,
      IpRanges: structList(member, "IpRanges").map((range) =>
        described(range, { CidrIp: scalar(range, "CidrIp") ?? "" }),
      ),
      Ipv6Ranges: structList(member, "Ipv6Ranges").map((range) =>
        described(range, { CidrIpv6: scalar(range, "CidrIpv6") ?? "" }),
      ),
      PrefixListIds: structList(member, "PrefixListIds").map((entry) =>
        described(entry, { PrefixListId: scalar(entry, "PrefixListId") ?? "" }),
      ),
      UserIdGroupPairs: structList(member, "Groups").map((pair) =>
        described(pair, {
          GroupId: scalar(pair, "GroupId"),
          GroupName: scalar(pair, "GroupName"),
          UserId: scalar(pair, "UserId"),
          VpcId: scalar(pair, "VpcId"),
          VpcPeeringConnectionId: scalar(pair, "VpcPeeringConnectionId"),
        }),
      ),
    }),
  );
};

/**
 * The permissions of an Authorize or Revoke request: every `IpPermissions.N` (sources in
 * `IpRanges`, `Ipv6Ranges`, `PrefixListIds` and `Groups`), plus the legacy top-level
 * `IpProtocol`/`FromPort`/`ToPort`/`CidrIp` form as one more permission.
 */
export const requestPermissions = (form: Form): Result<AwsIpPermission[], ApiError> => {
  const permissions: AwsIpPermission[] = [];
  for (const member of structList(form, "IpPermissions")) {
    const permission = permissionOf(member);
    if (!permission.ok) return permission;
    permissions.push(permission.value);
  }

  const protocol = scalar(form, "IpProtocol");
  const cidr = scalar(form, "CidrIp");
  if (protocol !== undefined || cidr !== undefined) {
    const from = integerOf(form, "FromPort");
    if (!from.ok) return from;
    const to = integerOf(form, "ToPort");
    if (!to.ok) return to;
    permissions.push(
      compact({
        IpProtocol: protocol ?? "",
        FromPort: from.value,
        ToPort: to.value,
        IpRanges: cidr === undefined ? [] : [{ CidrIp: cidr }],
      }),
    );
  }
  return ok(permissions);
};

/**
 * The tags a request asks to put on the rules it creates (`TagSpecification.N`). Only
 * `security-group-rule` specifications are accepted, as EC2 accepts only those here.
 */
export const requestRuleTags = (form: Form): Result<AwsTag[], ApiError> => {
  const tags: AwsTag[] = [];
  for (const spec of structList(form, "TagSpecification")) {
    const type = scalar(spec, "ResourceType") ?? "";
    if (type !== "security-group-rule") {
      return err(invalidValue("TagSpecification.ResourceType", type, "security-group-rule"));
    }
    for (const tag of structList(spec, "Tag")) {
      tags.push({ Key: scalar(tag, "Key") ?? "", Value: scalar(tag, "Value") ?? "" });
    }
  }
  return ok(tags);
};
