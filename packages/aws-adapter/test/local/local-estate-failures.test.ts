import { afterAll, describe, expect, it } from "vitest";
import { RuleWriteError } from "@sg/aws-adapter";
import {
  realisticEstate,
  removeTemporaryFolders,
  snapshotFolder,
} from "./fixtures/estate-builder.js";
import { setUp, tcpRule } from "./fixtures/estate-under-test.js";

afterAll(removeTemporaryFolders);

describe("LocalEstate failures", () => {
  const existing = tcpRule("sg-0web", 443, "10.0.0.0/16");
  const fresh = tcpRule("sg-0web", 443, "10.0.10.0/27");

  it.each([
    {
      operation: "authorise",
      groupId: "sg-0web",
      rules: [fresh, existing],
      options: {},
      code: "InvalidPermission.Duplicate",
      text: 'the specified rule "tcp/443 from 10.0.0.0/16" already exists in sg-0web',
    },
    {
      operation: "revoke",
      groupId: "sg-0web",
      rules: [existing, fresh],
      options: {},
      code: "InvalidPermission.NotFound",
      text: "tcp/443 from 10.0.10.0/27: no such rule in sg-0web",
    },
    {
      operation: "authorise",
      groupId: "sg-0nope",
      rules: [{ ...fresh, groupId: "sg-0nope" }],
      options: {},
      code: "InvalidGroup.NotFound",
      text: "The security group 'sg-0nope' does not exist",
    },
    {
      operation: "revoke",
      groupId: "sg-0nope",
      rules: [{ ...fresh, groupId: "sg-0nope" }],
      options: {},
      code: "InvalidGroup.NotFound",
      text: "The security group 'sg-0nope' does not exist",
    },
    {
      operation: "authorise",
      groupId: "sg-0web",
      rules: [fresh, tcpRule("sg-0web", 443, "10.0.20.0/27")],
      options: { quota: 16 },
      code: "RulesPerSecurityGroupLimitExceeded",
      text: "sg-0web would count 17 IPv4 rules against its quota of 16",
    },
    {
      operation: "authorise",
      groupId: "sg-0app",
      rules: [fresh],
      options: {},
      code: "InvalidParameterValue",
      text: "belongs to sg-0web, not to sg-0app",
    },
    {
      operation: "authorise",
      groupId: "sg-0web",
      rules: [fresh, fresh],
      options: {},
      code: "InvalidParameterValue",
      text: "the same permission must not appear multiple times",
    },
    {
      operation: "authorise",
      groupId: "sg-0web",
      rules: [{ ...fresh, ports: { from: 443, to: 80 } }],
      options: {},
      code: "InvalidParameterValue",
      text: "expected 0-65535, from <= to",
    },
    {
      operation: "authorise",
      groupId: "sg-0web",
      rules: [fresh],
      options: { failMutationNumberForTests: 1 },
      code: "InjectedFailure",
      text: "call 1 failed on purpose",
    },
  ] as const)(
    "should refuse to $operation with $code and write nothing",
    async ({ operation, groupId, rules, options, code, text }) => {
      // Arrange
      const { folder, estate } = await setUp(realisticEstate(), options);
      const before = await snapshotFolder(folder);
      const inventory = await estate.read();

      // Act
      const error: unknown = await estate[operation](groupId, [...rules]).catch(
        (thrown: unknown) => thrown,
      );

      // Assert
      expect(error).toBeInstanceOf(RuleWriteError);
      expect((error as RuleWriteError).code).toBe(code);
      expect((error as RuleWriteError).message).toContain(text);
      expect(await snapshotFolder(folder)).toEqual(before);
      expect(await estate.read()).toBe(inventory);
    },
  );

  it.each([
    [15, 0, true],
    [16, 1, true],
    [16, 2, false],
    [20, 5, true],
  ])(
    "should count a prefix list at its weight: quota %i, %i new rules, allowed %s",
    async (quota, count, allowed) => {
      const { estate } = await setUp(realisticEstate(), { quota });
      const rules = Array.from({ length: count }, (_, i) =>
        tcpRule("sg-0web", 443, `10.0.${i}.0/27`),
      );

      const outcome = await estate.authorise("sg-0web", rules).then(
        () => true,
        () => false,
      );

      expect(outcome).toBe(allowed);
    },
  );

  it("should fail only the chosen call and carry on afterwards", async () => {
    const { estate } = await setUp(realisticEstate(), { failMutationNumberForTests: 2 });

    const outcomes = [];
    for (const port of [1, 2, 3]) {
      outcomes.push(
        await estate.authorise("sg-0app", [tcpRule("sg-0app", port, "10.1.0.0/24")]).then(
          () => "ok",
          (e: RuleWriteError) => e.code,
        ),
      );
    }

    expect(outcomes).toEqual(["ok", "InjectedFailure", "ok"]);
  });
});
