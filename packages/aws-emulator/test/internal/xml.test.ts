import { describe, expect, it } from "vitest";
import { toXml } from "../../src/internal/xml.js";

describe("toXml", () => {
  it.each<[string, unknown, string]>([
    ["a member under its lower-camel name", { GroupId: "sg-1" }, "<groupId>sg-1</groupId>"],
    [
      "a renamed list as items",
      { UserIdGroupPairs: [{ GroupId: "sg-2" }] },
      "<groups><item><groupId>sg-2</groupId></item></groups>",
    ],
    ["a boolean as text", { IsEgress: false }, "<isEgress>false</isEgress>"],
    [
      "text with markup escaped",
      { Description: "a<b & 'c'" },
      "<description>a&lt;b &amp; &apos;c&apos;</description>",
    ],
    ["undefined members not at all", { CidrIpv4: undefined, ToPort: 22 }, "<toPort>22</toPort>"],
    ["an empty list as an empty element", { IpRanges: [] }, "<ipRanges></ipRanges>"],
  ])("should render %s", (_, value, expected) => {
    expect(toXml(value)).toBe(expected);
  });
});
