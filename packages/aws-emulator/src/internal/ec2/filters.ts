import { err, ok, type Result } from "@sg/core";
import type { AwsTag } from "../../estate-files.js";
import { apiError, type ApiError } from "../api-error.js";
import { scalar, scalarList, structList, type Form } from "../form.js";

/**
 * The filters a Describe action understands: filter name → the values an item has for
 * it. `tag:<key>` and `tag-key` come from `tagsOf` when the action gives one.
 */
export interface FilterFields<T> {
  readonly fields: Readonly<Record<string, (item: T) => readonly (string | undefined)[]>>;
  readonly tagsOf?: (item: T) => readonly AwsTag[] | undefined;
}

interface Filter {
  readonly name: string;
  readonly patterns: readonly RegExp[];
}

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

const valuesOf = <T>(item: T, name: string, spec: FilterFields<T>): readonly unknown[] => {
  if (name.startsWith("tag:")) {
    const key = name.slice("tag:".length);
    return (spec.tagsOf?.(item) ?? []).filter((tag) => tag.Key === key).map((tag) => tag.Value);
  }
  if (name === "tag-key") return (spec.tagsOf?.(item) ?? []).map((tag) => tag.Key);
  return spec.fields[name]?.(item) ?? [];
};

const knows = <T>(name: string, spec: FilterFields<T>): boolean =>
  name in spec.fields ||
  (spec.tagsOf !== undefined && (name === "tag-key" || name.startsWith("tag:")));

/**
 * Keeps the items that match every `Filter.N` in the request. An item matches a filter
 * when any of its values matches any of the filter's values; `*` and `?` are wildcards,
 * as in EC2. An unknown filter name is an error, so a typo in a client fails its test.
 */
export const applyFilters = <T>(
  form: Form,
  items: readonly T[],
  spec: FilterFields<T>,
): Result<T[], ApiError> => {
  const filters: Filter[] = [];
  for (const member of structList(form, "Filter")) {
    const name = scalar(member, "Name") ?? "";
    if (!knows(name, spec)) {
      return err(apiError("InvalidParameterValue", `The filter '${name}' is invalid`));
    }
    filters.push({ name, patterns: scalarList(member, "Value").map(globToRegExp) });
  }

  const matches = (item: T): boolean =>
    filters.every((filter) =>
      valuesOf(item, filter.name, spec).some(
        (value) =>
          value !== undefined && filter.patterns.some((pattern) => pattern.test(String(value))),
      ),
    );
  return ok(items.filter(matches));
};
