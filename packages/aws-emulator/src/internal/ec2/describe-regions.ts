import { err, ok } from "@sg/core";
import type { RegionSeed } from "../../emulator-options.js";
import { apiError } from "../api-error.js";
import { scalar, scalarList } from "../form.js";
import type { Ec2Handler } from "./ec2-context.js";
import { applyFilters, type FilterFields } from "./filters.js";

const FILTERS: FilterFields<RegionSeed> = {
  fields: {
    "opt-in-status": (region) => [region.OptInStatus],
    "region-name": (region) => [region.RegionName],
    endpoint: (region) => [`ec2.${region.RegionName}.amazonaws.com`],
  },
};

/**
 * DescribeRegions: the enabled Regions, or all of them with `AllRegions=true`, narrowed
 * by `RegionName.N` (each must be known) and `Filter.N` (`opt-in-status`, `region-name`).
 */
export const describeRegions: Ec2Handler = (form, { regions }) => {
  const names = scalarList(form, "RegionName");
  const unknown = names.find((name) => !regions.some((region) => region.RegionName === name));
  if (unknown !== undefined) {
    return err(apiError("InvalidParameterValue", `Invalid region names: '${unknown}'`));
  }

  const all = scalar(form, "AllRegions") === "true";
  const chosen = regions.filter(
    (region) =>
      (all || region.OptInStatus !== "not-opted-in") &&
      (names.length === 0 || names.includes(region.RegionName)),
  );
  const filtered = applyFilters(form, chosen, FILTERS);
  if (!filtered.ok) return filtered;

  return ok({
    Regions: filtered.value.map((region) => ({
      RegionName: region.RegionName,
      Endpoint: `ec2.${region.RegionName}.amazonaws.com`,
      OptInStatus: region.OptInStatus,
    })),
  });
};
