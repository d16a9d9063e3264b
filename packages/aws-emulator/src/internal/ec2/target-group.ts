import { err, ok, type Result } from "@sg/core";
import { apiError, missingParameter, type ApiError } from "../api-error.js";
import { scalar, type Form } from "../form.js";
import type { GroupRecord, Store } from "../store.js";

/**
 * The group an Authorize or Revoke call names, by `GroupId` or (as the default VPC
 * allows) by `GroupName`; `InvalidGroup.NotFound` when the estate has no such group.
 */
export const targetGroup = (form: Form, store: Store): Result<GroupRecord, ApiError> => {
  const id = scalar(form, "GroupId");
  const name = scalar(form, "GroupName");
  if (id === undefined && name === undefined) return err(missingParameter("GroupId"));

  const group =
    id !== undefined
      ? store.groups.get(id)
      : [...store.groups.values()].find((candidate) => candidate.GroupName === name);
  if (group === undefined) {
    const shown = id ?? name ?? "";
    return err(apiError("InvalidGroup.NotFound", `The security group '${shown}' does not exist`));
  }
  return ok(group);
};
