import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  DescribeLogGroupsCommand,
  paginateDescribeLogGroups,
} from "@aws-sdk/client-cloudwatch-logs";
import { logsClient, rejectionOf } from "../../support/sdk-clients.js";
import { boundedPages } from "../../support/bounded-pages.js";
import { flowLogEvents } from "../../support/flow-log-events.js";
import { withEmulator } from "../../support/with-emulator.js";

const groupsNamed = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, flowLogEvents(1)]));

describe("DescribeLogGroups", () => {
  it("should list the groups with the prefix, in name order, with their ARNs", async () => {
    const logGroups = groupsNamed(["/vpc/b", "/app/x", "/vpc/a"]);

    const listed = await withEmulator({ logGroups }, async ({ endpoint }) => {
      const out = await logsClient(endpoint).send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: "/vpc/" }),
      );
      return out.logGroups ?? [];
    });

    expect(listed.map((group) => [group.logGroupName, group.logGroupArn])).toEqual([
      ["/vpc/a", "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/a"],
      ["/vpc/b", "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/b"],
    ]);
  });

  it("should reject a limit above 50", async () => {
    const error = await withEmulator({}, ({ endpoint }) =>
      rejectionOf(logsClient(endpoint).send(new DescribeLogGroupsCommand({ limit: 51 }))),
    );

    expect(error.name).toBe("InvalidParameterException");
  });

  test.prop([fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 4 })], { numRuns: 10 })(
    "should list every group exactly once across small pages",
    async (count, pageSize) => {
      const names = Array.from({ length: count }, (_, i) => `/vpc/${String(i).padStart(3, "0")}`);

      const pages = await withEmulator(
        { logGroups: groupsNamed(names), logsPageSize: pageSize },
        ({ endpoint }) =>
          boundedPages(paginateDescribeLogGroups({ client: logsClient(endpoint) }, {}), count + 1),
      );

      const listed = pages.flatMap((page) => page.logGroups ?? []).map((g) => g.logGroupName);
      expect(listed).toEqual(names);
    },
  );
});
