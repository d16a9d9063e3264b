import { describe, expect, it } from "vitest";
import { explodePermission } from "../../src/internal/permission.js";
import type { AwsIpPermission } from "../../src/index.js";

const target = { groupId: "sg-1", isEgress: false };

const explode = (permission: AwsIpPermission) => explodePermission(permission, target, []);

describe("explodePermission", () => {
  it.each<[string, AwsIpPermission, [number, number]]>([
    ["all protocols open every port", { IpProtocol: "-1", FromPort: 80, ToPort: 80 }, [-1, -1]],
    ["protocol 47 opens every port", { IpProtocol: "47", FromPort: 1, ToPort: 2 }, [-1, -1]],
    ["icmp keeps type and code", { IpProtocol: "icmp", FromPort: 8, ToPort: 0 }, [8, 0]],
    ["icmpv6 without a range means all", { IpProtocol: "icmpv6" }, [-1, -1]],
    ["tcp keeps its range", { IpProtocol: "6", FromPort: 1024, ToPort: 2048 }, [1024, 2048]],
  ])("should see that %s", (_, permission, ports) => {
    const rules = explode({ ...permission, IpRanges: [{ CidrIp: "10.0.0.0/8" }] });

    expect(rules.ok && rules.value.map((rule) => [rule.fromPort, rule.toPort])).toEqual([ports]);
  });

  it.each<[string, AwsIpPermission, string]>([
    [
      "tcp ports out of range",
      { IpProtocol: "tcp", FromPort: 0, ToPort: 70000 },
      "InvalidParameterValue",
    ],
    [
      "a reversed tcp range",
      { IpProtocol: "tcp", FromPort: 90, ToPort: 80 },
      "InvalidParameterValue",
    ],
    [
      "icmp type -1 with a code",
      { IpProtocol: "icmp", FromPort: -1, ToPort: 3 },
      "InvalidParameterValue",
    ],
    ["udp without ToPort", { IpProtocol: "udp", FromPort: 53 }, "MissingParameter"],
    ["a permission with no source", { IpProtocol: "-1" }, "MissingParameter"],
  ])("should refuse %s", (_, permission, code) => {
    const sourced =
      permission.IpProtocol === "-1"
        ? permission
        : { ...permission, IpRanges: [{ CidrIp: "10.0.0.0/8" }] };

    const rules = explode(sourced);

    expect(!rules.ok && rules.error.code).toBe(code);
  });

  it("should store a named protocol number under its name", () => {
    const rules = explode({
      IpProtocol: "17",
      FromPort: 53,
      ToPort: 53,
      IpRanges: [{ CidrIp: "10.0.0.0/8" }],
    });

    expect(rules.ok && rules.value[0]?.protocol).toBe("udp");
  });

  it("should refuse an IPv6 block given as an IPv4 range", () => {
    const rules = explode({ IpProtocol: "-1", IpRanges: [{ CidrIp: "2001:db8::/32" }] });

    expect(!rules.ok && rules.error.code).toBe("InvalidParameterValue");
  });
});
