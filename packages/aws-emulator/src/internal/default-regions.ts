import type { RegionSeed } from "../emulator-options.js";

/**
 * The Regions DescribeRegions reports when a test names none: enabled-by-default ones,
 * one opted in and two not opted in, so Region discovery has something to skip.
 */
export const DEFAULT_REGIONS: readonly RegionSeed[] = [
  { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
  { RegionName: "us-east-2", OptInStatus: "opt-in-not-required" },
  { RegionName: "us-west-2", OptInStatus: "opt-in-not-required" },
  { RegionName: "eu-west-1", OptInStatus: "opt-in-not-required" },
  { RegionName: "ap-east-1", OptInStatus: "opted-in" },
  { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
  { RegionName: "me-south-1", OptInStatus: "not-opted-in" },
];
