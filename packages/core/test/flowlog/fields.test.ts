import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { FLOW_LOG_FIELDS, normaliseFieldName } from "@sg/core";

describe("FLOW_LOG_FIELDS", () => {
  it("should list the version 2 default fields first, in AWS's order", () => {
    expect(FLOW_LOG_FIELDS.slice(0, 14).join(" ")).toBe(
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets " +
        "bytes start end action log-status",
    );
  });

  it("should name each field once", () => {
    expect(new Set(FLOW_LOG_FIELDS).size).toBe(FLOW_LOG_FIELDS.length);
  });

  it.each([
    ["version 3", ["vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr"]],
    ["version 4", ["region", "az-id", "sublocation-type", "sublocation-id"]],
    ["version 5", ["pkt-src-aws-service", "flow-direction", "traffic-path"]],
    ["version 7", ["ecs-cluster-arn", "ecs-second-container-id", "ecs-task-id"]],
    ["later versions", ["reject-reason", "encryption-status"]],
  ])("should include fields of %s", (_, names) => {
    expect(FLOW_LOG_FIELDS).toEqual(expect.arrayContaining(names));
  });
});

describe("normaliseFieldName", () => {
  it.each([
    ["account-id", "account-id"],
    ["account_id", "account-id"],
    ["log_status", "log-status"],
    ["pkt_src_aws_service", "pkt-src-aws-service"],
    ["${tcp-flags}", "tcp-flags"],
    ["srcaddr", "srcaddr"],
  ])("should read %s as %s", (name, expected) => {
    expect(normaliseFieldName(name)).toBe(expected);
  });

  it.each([["accountid"], ["Account-Id"], ["src-addr"], ["${srcaddr"], ["resource-id"], [""]])(
    "should not know %s",
    (name) => {
      expect(normaliseFieldName(name)).toBeUndefined();
    },
  );

  test.prop([fc.constantFrom(...FLOW_LOG_FIELDS)])(
    "should read the underscore spelling of every field as the field",
    (field) => {
      expect(normaliseFieldName(field.replaceAll("-", "_"))).toBe(field);
    },
  );
});
