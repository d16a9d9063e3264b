/**
 * Wire names that differ from the lower-camel form of the AWS CLI JSON key. Keys not
 * listed here are sent as the JSON key with its first letter lowered, which is how EC2
 * names most members (`GroupId` → `groupId`).
 */
const WIRE_NAMES: ReadonlyMap<string, string> = new Map([
  ["SecurityGroups", "securityGroupInfo"],
  ["GroupDescription", "groupDescription"],
  ["UserIdGroupPairs", "groups"],
  ["Tags", "tagSet"],
  ["TagSet", "tagSet"],
  ["SecurityGroupRules", "securityGroupRuleSet"],
  ["RevokedSecurityGroupRules", "revokedSecurityGroupRuleSet"],
  ["UnknownIpPermissions", "unknownIpPermissionSet"],
  ["NetworkInterfaces", "networkInterfaceSet"],
  ["Groups", "groupSet"],
  ["PrivateIpAddresses", "privateIpAddressesSet"],
  ["Ipv6Addresses", "ipv6AddressesSet"],
  ["Ipv4Prefixes", "ipv4PrefixSet"],
  ["Ipv6Prefixes", "ipv6PrefixSet"],
  ["AssociatedSubnets", "associatedSubnetSet"],
  ["NetworkAcls", "networkAclSet"],
  ["Associations", "associationSet"],
  ["Entries", "entrySet"],
  ["IsDefault", "default"],
  ["Regions", "regionInfo"],
  ["Endpoint", "regionEndpoint"],
  ["Geography", "geographySet"],
  ["PrefixLists", "prefixListSet"],
]);

/** Escapes text for an XML element body. */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

const wireName = (key: string): string =>
  WIRE_NAMES.get(key) ?? key.charAt(0).toLowerCase() + key.slice(1);

/**
 * Renders an AWS CLI JSON value as EC2 response XML: members under their wire names,
 * arrays as `<name><item>…</item></name>`, booleans as `true`/`false`. `undefined` and
 * `null` members are left out, as EC2 leaves out members it has no value for.
 */
export const toXml = (value: unknown): string => {
  if (Array.isArray(value)) {
    return value.map((member) => `<item>${toXml(member)}</item>`).join("");
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .filter(([, member]) => member !== undefined && member !== null)
      .map(([key, member]) => {
        const name = wireName(key);
        return `<${name}>${toXml(member)}</${name}>`;
      })
      .join("");
  }
  return escapeXml(String(value));
};
