import { err, ok } from "@sg/core";
import { apiError } from "../api-error.js";
import { scalar, scalarList } from "../form.js";
import { decodeToken, encodeToken, slicePage } from "../paging.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

/** A managed prefix list as `describe-managed-prefix-lists` prints it. */
interface PrefixListRecord {
  readonly PrefixListId: string;
  readonly AddressFamily: string;
  readonly State: string;
  readonly PrefixListName: string;
  readonly MaxEntries: number;
  readonly Version: number;
  readonly OwnerId: string;
}

const FILTERS: FilterFields<PrefixListRecord> = {
  fields: {
    "prefix-list-id": (list) => [list.PrefixListId],
    "prefix-list-name": (list) => [list.PrefixListName],
    "owner-id": (list) => [list.OwnerId],
  },
};

const MIN_RESULTS = 1;
const MAX_RESULTS = 100;

/**
 * DescribeManagedPrefixLists: the prefix lists named in the `prefixListCosts` option, each
 * with its cost as `MaxEntries` (what it weighs against a group's quota), narrowed by
 * `PrefixListId.N` (each must exist) and `Filter.N` (`prefix-list-id`,
 * `prefix-list-name`, `owner-id`), paged with `MaxResults` (1-100) and `NextToken`.
 * Entries and versions are not modelled.
 */
export const describeManagedPrefixLists: Ec2Handler = (form, { store, prefixListCosts }) => {
  const all = Object.entries(prefixListCosts).map(([id, cost]): PrefixListRecord => ({
    PrefixListId: id,
    AddressFamily: "IPv4",
    State: "create-complete",
    PrefixListName: id,
    MaxEntries: cost,
    Version: 1,
    OwnerId: store.settings.accountId,
  }));

  const ids = scalarList(form, "PrefixListId");
  const missing = ids.find((id) => !all.some((list) => list.PrefixListId === id));
  if (missing !== undefined) {
    return err(
      apiError("InvalidPrefixListID.NotFound", `The prefix list ID '${missing}' does not exist`),
    );
  }
  const filtered = applyFilters(
    form,
    ids.length === 0 ? all : all.filter((list) => ids.includes(list.PrefixListId)),
    FILTERS,
  );
  if (!filtered.ok) return filtered;

  const text = scalar(form, "MaxResults");
  const size = text === undefined ? MAX_RESULTS : Number(text);
  if (!Number.isInteger(size) || size < MIN_RESULTS || size > MAX_RESULTS) {
    return err(
      apiError(
        "InvalidParameterValue",
        `Value ( ${text} ) for parameter MaxResults is invalid. ` +
          `Expecting a value between ${MIN_RESULTS} and ${MAX_RESULTS}.`,
      ),
    );
  }
  const token = scalar(form, "NextToken");
  const cursor = token === undefined ? { offset: 0, page: 0 } : decodeToken(token);
  if (cursor === undefined) {
    return err(apiError("InvalidPaginationToken", `The pagination token "${token}" is invalid.`));
  }

  const { page, next } = slicePage(filtered.value, cursor, size);
  return ok({ PrefixLists: page, NextToken: next ? encodeToken(next) : undefined });
};
