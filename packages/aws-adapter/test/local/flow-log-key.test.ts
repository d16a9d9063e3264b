import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatFlowLogKeyPrefix, parseFlowLogKey, type FlowLogKeyParts } from "@sg/aws-adapter";

const HIVE = "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs";

describe("parseFlowLogKey", () => {
  it("should read the documented example", () => {
    const key = parseFlowLogKey(
      "logs/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/01/x.log.gz",
    );

    expect(key).toEqual({
      layout: "default",
      accountId: "123456789012",
      region: "eu-west-1",
      date: "2024-05-01",
      period: { from: 1714521600, to: 1714607999 },
    });
  });

  it.each([
    [
      "bucket/prefix/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/" +
        "123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz",
      { layout: "default", date: "2018-06-20", hour: undefined, region: "us-east-1" },
    ],
    [
      "AWSLogs/123456789012/vpcflowlogs/us-gov-west-1/2024/02/29/07/f.log.gz",
      { layout: "default", date: "2024-02-29", hour: 7, region: "us-gov-west-1" },
    ],
    [
      `s3/${HIVE}/aws-region=ap-south-1/year=2023/month=12/day=31/f.log.gz`,
      { layout: "hive", date: "2023-12-31", hour: undefined, region: "ap-south-1" },
    ],
    [
      `${HIVE}/aws-region=eu-west-2/year=2023/month=01/day=02/hour=23`,
      { layout: "hive", date: "2023-01-02", hour: 23, region: "eu-west-2" },
    ],
    [
      "C:\\logs\\AWSLogs\\123456789012\\vpcflowlogs\\eu-west-1\\2024\\05\\01",
      { layout: "default", date: "2024-05-01", hour: undefined, region: "eu-west-1" },
    ],
  ])("should read %s", (path, expected) => {
    const key = parseFlowLogKey(path);

    expect({ layout: key?.layout, date: key?.date, hour: key?.hour, region: key?.region }).toEqual(
      expected,
    );
  });

  it.each([
    ["no AWSLogs segment", "logs/123456789012/vpcflowlogs/eu-west-1/2024/05/01/f.log"],
    ["a path that stops at the month", "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05"],
    ["another service", "AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2024/05/01/f"],
    ["a day that does not exist", "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2023/02/29/f"],
    ["an hour past 23", "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2023/02/28/24/f"],
    ["a short account id", "AWSLogs/12345/vpcflowlogs/eu-west-1/2023/02/28/f"],
    ["a one-digit month", "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2023/2/28/f"],
    [
      "a Hive key out of order",
      "AWSLogs/aws-service=vpcflowlogs/aws-account-id=123456789012/aws-region=eu-west-1/" +
        "year=2023/month=01/day=02",
    ],
  ])("should not read %s", (_what, path) => {
    expect(parseFlowLogKey(path)).toBeUndefined();
  });

  it("should give an hour folder a one-hour period", () => {
    const key = parseFlowLogKey("AWSLogs/123456789012/vpcflowlogs/eu-west-1/2024/05/01/13/");

    expect(key?.period).toEqual({ from: 1714521600 + 13 * 3600, to: 1714521600 + 14 * 3600 - 1 });
  });
});

const parts: fc.Arbitrary<FlowLogKeyParts> = fc
  .record({
    layout: fc.constantFrom("default" as const, "hive" as const),
    accountId: fc.stringMatching(/^\d{12}$/),
    region: fc.stringMatching(/^[a-z]{2}(-[a-z]{2,8}){1,2}-\d$/),
    day: fc.date({
      min: new Date("2015-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    hour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
  })
  .map(({ day, hour, ...rest }) => ({
    ...rest,
    date: day.toISOString().slice(0, 10),
    ...(hour === undefined ? {} : { hour }),
  }));

describe("formatFlowLogKeyPrefix", () => {
  test.prop([
    parts,
    fc.constantFrom("", "bucket/", "bucket/team/"),
    fc.constantFrom("", "f.log.gz"),
  ])("should parse back to the parts it was formatted from", (key, prefix, file) => {
    const path = `${prefix}${formatFlowLogKeyPrefix(key)}${file}`;

    const { period: _period, ...parsed } = parseFlowLogKey(path) ?? { period: undefined };

    expect(parsed).toEqual(key);
  });

  test.prop([parts])("should give a period that starts on the key's day and hour", (key) => {
    const period = parseFlowLogKey(formatFlowLogKeyPrefix(key))?.period;

    const start = new Date((period?.from ?? 0) * 1000).toISOString();
    expect(start).toBe(`${key.date}T${String(key.hour ?? 0).padStart(2, "0")}:00:00.000Z`);
  });
});
