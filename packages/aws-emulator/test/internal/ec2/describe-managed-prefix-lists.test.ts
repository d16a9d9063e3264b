import {
  DescribeManagedPrefixListsCommand,
  paginateDescribeManagedPrefixLists,
} from "@aws-sdk/client-ec2";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { boundedPages } from "../../support/bounded-pages.js";
import { ec2Client, rejectionOf } from "../../support/sdk-clients.js";
import { withEmulator } from "../../support/with-emulator.js";

const prefixListCosts = { "pl-0000000000000000a": 10, "pl-0000000000000000b": 25 };

describe("DescribeManagedPrefixLists", () => {
  it("should describe each configured list with its cost as MaxEntries", async () => {
    const lists = await withEmulator({ prefixListCosts }, async ({ endpoint }) => {
      const out = await ec2Client(endpoint).send(
        new DescribeManagedPrefixListsCommand({
          Filters: [{ Name: "prefix-list-id", Values: ["pl-0000000000000000b"] }],
        }),
      );
      return out.PrefixLists;
    });

    expect(lists).toEqual([
      expect.objectContaining({ PrefixListId: "pl-0000000000000000b", MaxEntries: 25 }),
    ]);
  });

  test.prop([fc.integer({ min: 1, max: 5 })], { numRuns: 5 })(
    "should page through every list, whatever MaxResults",
    async (pageSize) => {
      const ids = await withEmulator({ prefixListCosts }, async ({ endpoint }) => {
        const pages = await boundedPages(
          paginateDescribeManagedPrefixLists({ client: ec2Client(endpoint), pageSize }, {}),
          10,
        );
        return pages.flatMap((page) => page.PrefixLists ?? []).map((list) => list.PrefixListId);
      });

      expect(ids).toEqual(Object.keys(prefixListCosts));
    },
  );

  it.each([
    [{ PrefixListIds: ["pl-00000000000000404"] }, "InvalidPrefixListID.NotFound"],
    [{ MaxResults: 101 }, "InvalidParameterValue"],
    [{ Filters: [{ Name: "vpc-id", Values: ["vpc-1"] }] }, "InvalidParameterValue"],
  ])("should refuse %j with %s", async (input, code) => {
    const error = await withEmulator({ prefixListCosts }, ({ endpoint }) =>
      rejectionOf(ec2Client(endpoint).send(new DescribeManagedPrefixListsCommand(input))),
    );

    expect(error.name).toBe(code);
  });
});
