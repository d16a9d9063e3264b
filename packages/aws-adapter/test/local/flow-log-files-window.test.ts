import { afterAll, describe, expect, it } from "vitest";
import { FlowLogFiles, formatFlowLogKeyPrefix } from "@sg/aws-adapter";
import { join } from "node:path";
import { removeTemporaryFolders } from "./fixtures/estate-builder.js";
import { collect, RECORD, tree } from "./fixtures/flow-log-tree.js";

afterAll(removeTemporaryFolders);

describe("FlowLogFiles window", () => {
  const day = (d: string, layout: "default" | "hive" = "default"): string => {
    const key = { layout, accountId: "123456789012", region: "eu-west-1", date: `2024-05-${d}` };
    return `${formatFlowLogKeyPrefix(key)}f.log.gz`;
  };
  const may5 = { from: Date.UTC(2024, 4, 5) / 1000, to: Date.UTC(2024, 4, 6) / 1000 - 1 };

  it.each(["default", "hive"] as const)(
    "should skip %s day folders more than a day outside the window",
    async (layout) => {
      // Arrange
      const days = ["01", "03", "04", "05", "06", "07", "09"];
      const folder = await tree(
        Object.fromEntries(days.map((d) => [day(d, layout), { gzip: `${RECORD}\n` }])),
      );
      const source = new FlowLogFiles([folder], { window: may5 });

      // Act
      const lines = await collect(source);

      // Assert
      const read = lines.map((line) => /(?:day=|\/05\/)(\d\d)\//.exec(line.location)?.[1]);
      expect(read).toEqual(["04", "05", "06"]);
      expect(source.stats()).toMatchObject({ files: 3, skippedFolders: 4, skippedFiles: 0 });
    },
  );

  it("should skip a file named directly when its key date is outside the window", async () => {
    const folder = await tree({ [day("20")]: { gzip: RECORD } });
    const source = new FlowLogFiles([join(folder, day("20"))], { window: may5 });

    const lines = await collect(source);

    expect(lines).toEqual([]);
    expect(source.stats()).toMatchObject({ files: 0, skippedFiles: 1 });
  });

  it("should read every file when no window is given", async () => {
    const folder = await tree({ [day("01")]: RECORD, [day("20")]: RECORD, "other/x.log": RECORD });

    const lines = await collect(new FlowLogFiles([folder]));

    expect(lines).toHaveLength(3);
  });
});
