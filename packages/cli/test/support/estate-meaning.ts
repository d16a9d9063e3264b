import { LocalEstate } from "@sg/aws-adapter";
import { ruleKey } from "@sg/core";

/**
 * The meaning of an exported estate: per group, every inbound rule by what it admits and
 * its description. Rule ids are left out: EC2 gives a restored rule a new id.
 */
export const estateMeaning = async (dir: string): Promise<Record<string, string[]>> => {
  const inventory = await (await LocalEstate.open(dir)).read();
  return Object.fromEntries(
    inventory.groups.map((group) => [
      group.groupId,
      group.rules.map((rule) => `${ruleKey(rule)}|${rule.description ?? ""}`).sort(),
    ]),
  );
};
