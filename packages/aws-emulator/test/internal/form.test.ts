import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseForm, scalarList, structList } from "../../src/internal/form.js";

describe("scalarList", () => {
  test.prop([fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 12 })])(
    "should return values in index order whatever order the body sends them in",
    (values) => {
      const pairs = values.map((value, i) => `GroupId.${i + 1}=${encodeURIComponent(value)}`);

      const form = parseForm([...pairs].reverse().join("&"));

      expect(scalarList(form, "GroupId")).toEqual(values);
    },
  );

  it("should not mistake a nested member for a list entry", () => {
    const form = parseForm("Filter.1.Value.1=a&GroupId.1=sg-1&GroupIdX.1=no");

    expect(scalarList(form, "GroupId")).toEqual(["sg-1"]);
  });
});

describe("structList", () => {
  it("should group members by index with the prefix removed", () => {
    const form = parseForm(
      [
        "IpPermissions.2.IpProtocol=udp",
        "IpPermissions.1.IpProtocol=tcp",
        "IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8",
      ].join("&"),
    );

    const members = structList(form, "IpPermissions").map((member) => Object.fromEntries(member));

    expect(members).toEqual([
      { IpProtocol: "tcp", "IpRanges.1.CidrIp": "10.0.0.0/8" },
      { IpProtocol: "udp" },
    ]);
  });
});
