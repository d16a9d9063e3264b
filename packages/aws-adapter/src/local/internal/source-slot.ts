import { formatCidr, parseCidr, type RuleSource } from "@sg/core";
import { groupJson } from "../../internal/rule-entry.js";

/** A JSON object of an export, already checked by its codec. */
export type JsonObject = Record<string, unknown>;

/** The four source lists of an IpPermission, in the order EC2 prints them. */
export const SOURCE_LISTS = [
  "IpRanges",
  "Ipv6Ranges",
  "PrefixListIds",
  "UserIdGroupPairs",
] as const;

/**
 * Where a rule's source lives inside an IpPermission: the list that holds it, a test for
 * its entry there, and the entry to add for it. Editing through this keeps the groups file
 * in EC2's own shape whichever kind of source a rule has.
 */
export interface SourceSlot {
  readonly list: (typeof SOURCE_LISTS)[number];
  readonly holds: (entry: JsonObject) => boolean;
  readonly entry: (description: string | undefined) => JsonObject;
}

/** The slot of a rule's source. */
export const sourceSlot = (source: RuleSource): SourceSlot => {
  switch (source.kind) {
    case "cidr": {
      const text = formatCidr(source.cidr);
      const ipv4 = source.cidr.family === "ipv4";
      const field = ipv4 ? "CidrIp" : "CidrIpv6";
      return {
        list: ipv4 ? "IpRanges" : "Ipv6Ranges",
        holds: (entry) => canonical(entry[field]) === text,
        entry: (description) => ({ [field]: text, ...describedAs(description) }),
      };
    }
    case "prefix-list":
      return {
        list: "PrefixListIds",
        holds: (entry) => entry["PrefixListId"] === source.prefixListId,
        entry: (description) => ({
          ...describedAs(description),
          PrefixListId: source.prefixListId,
        }),
      };
    case "group":
      return {
        list: "UserIdGroupPairs",
        holds: (entry) => entry["GroupId"] === source.groupId,
        entry: (description) => ({ ...describedAs(description), ...groupJson(source) }),
      };
  }
};

const describedAs = (description: string | undefined): JsonObject =>
  description === undefined ? {} : { Description: description };

/** An exported CIDR in canonical form, as the reader normalised it. */
const canonical = (text: unknown): string | undefined => {
  if (typeof text !== "string") return undefined;

  const parsed = parseCidr(text, "normalise");
  return parsed.ok ? formatCidr(parsed.value) : undefined;
};
