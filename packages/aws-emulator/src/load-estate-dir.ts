import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { EstateFiles } from "./estate-files.js";

const readDocument = async (
  dir: string,
  file: string,
  listKey: string,
  required: boolean,
): Promise<Record<string, unknown> | undefined> => {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if (!required && (cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`cannot read estate file "${path}": ${String(cause)}`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new Error(`estate file "${path}" is not JSON: ${String(cause)}`);
  }

  const list = (parsed as Record<string, unknown> | null)?.[listKey];
  if (!Array.isArray(list)) {
    throw new Error(`estate file "${path}" has no "${listKey}" array, expected AWS CLI output`);
  }
  return parsed as Record<string, unknown>;
};

/**
 * Reads an offline estate directory: `security-groups.json` and `network-interfaces.json`
 * (required) and `security-group-rules.json`, `network-acls.json` (optional). It checks
 * only the top-level list of each document; a bad fixture fails the test that loads it,
 * with the file named in the message.
 */
export const loadEstateDir = async (dir: string): Promise<EstateFiles> => {
  const [groups, interfaces, rules, acls] = await Promise.all([
    readDocument(dir, "security-groups.json", "SecurityGroups", true),
    readDocument(dir, "network-interfaces.json", "NetworkInterfaces", true),
    readDocument(dir, "security-group-rules.json", "SecurityGroupRules", false),
    readDocument(dir, "network-acls.json", "NetworkAcls", false),
  ]);

  return {
    securityGroups: groups as unknown as EstateFiles["securityGroups"],
    networkInterfaces: interfaces as unknown as EstateFiles["networkInterfaces"],
    ...(rules && { securityGroupRules: rules as unknown as EstateFiles["securityGroupRules"] }),
    ...(acls && { networkAcls: acls as unknown as EstateFiles["networkAcls"] }),
  };
};
