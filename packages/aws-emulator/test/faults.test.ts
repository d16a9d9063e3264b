import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetServiceQuotaCommand } from "@aws-sdk/client-service-quotas";
import {
  FIXTURE_ESTATE,
  ec2Client,
  logsClient,
  quotasClient,
  rejectionOf,
  statusOf,
} from "./support/sdk-clients.js";
import { flowLogEvents } from "./support/flow-log-events.js";
import { withEmulator } from "./support/with-emulator.js";

const fixture = { estateDir: FIXTURE_ESTATE };
const DESCRIBE = "DescribeSecurityGroups";
const describeGroups = new DescribeSecurityGroupsCommand({});

describe("failCall", () => {
  it.each([
    ["RequestLimitExceeded", 503],
    ["InvalidPermission.Duplicate", 400],
    ["InternalError", 500],
    ["UnauthorizedOperation", 403],
  ])("should fail only the nth call with %s, whose status is %i", async (code, status) => {
    const outcomes = await withEmulator(fixture, async ({ endpoint, faults }) => {
      faults.failCall({ action: DESCRIBE, nth: 2, code });
      const client = ec2Client(endpoint);
      const outcomes: string[] = [];
      for (let call = 0; call < 3; call += 1) {
        outcomes.push(
          await client.send(describeGroups).then(
            () => "ok",
            (error: Error) => `${error.name}/${statusOf(error)}`,
          ),
        );
      }
      return outcomes;
    });

    expect(outcomes).toEqual(["ok", `${code}/${status}`, "ok"]);
  });

  it("should fail `times` calls in a row, exhausting the SDK's retries", async () => {
    const error = await withEmulator(fixture, ({ endpoint, faults }) => {
      faults.failCall({ action: DESCRIBE, nth: 1, code: "InternalError", times: 2 });
      return rejectionOf(ec2Client(endpoint, 2).send(describeGroups));
    });

    expect(error.name).toBe("InternalError");
  });

  it("should count only calls of its own action", async () => {
    const calls = await withEmulator(
      { ...fixture, logGroups: { g: flowLogEvents(1) } },
      async ({ endpoint, faults, calls }) => {
        faults.failCall({ action: "FilterLogEvents", nth: 2, code: "ServiceUnavailableException" });
        await ec2Client(endpoint).send(describeGroups);
        await logsClient(endpoint).send(new FilterLogEventsCommand({ logGroupName: "g" }));
        await ec2Client(endpoint).send(describeGroups);
        await rejectionOf(
          logsClient(endpoint).send(new FilterLogEventsCommand({ logGroupName: "g" })),
        );
        return calls.map((call) => [call.action, call.errorCode ?? "ok", call.fault ?? "-"]);
      },
    );

    expect(calls).toEqual([
      [DESCRIBE, "ok", "-"],
      ["FilterLogEvents", "ok", "-"],
      [DESCRIBE, "ok", "-"],
      ["FilterLogEvents", "ServiceUnavailableException", "injected"],
    ]);
  });
});

describe("throttle", () => {
  it("should let the SDK's retries recover from RequestLimitExceeded", async () => {
    const { out, calls } = await withEmulator(fixture, async ({ endpoint, faults, calls }) => {
      faults.failCall({ action: DESCRIBE, nth: 1, code: "RequestLimitExceeded" });
      const out = await ec2Client(endpoint, 3).send(describeGroups);
      return { out, calls: calls.map((call) => call.errorCode ?? "ok") };
    });

    expect([out.$metadata.attempts, calls]).toEqual([2, ["RequestLimitExceeded", "ok"]]);
  });

  it.each([
    ["EC2", "RequestLimitExceeded", 503],
    ["CloudWatch Logs", "ThrottlingException", 400],
    ["Service Quotas", "TooManyRequestsException", 400],
  ])("should surface %s throttling when maxAttempts is 1", async (service, code, status) => {
    const options = {
      ...fixture,
      logGroups: { g: flowLogEvents(1) },
      serviceQuotas: { "vpc/L-0EA8095F": 60 },
    };
    const error = await withEmulator(options, ({ endpoint, faults }) => {
      faults.throttle({ action: DESCRIBE, fraction: 1 });
      faults.throttle({ action: "FilterLogEvents", fraction: 1 });
      faults.throttle({ action: "GetServiceQuota", fraction: 1 });
      const calls: Record<string, () => Promise<unknown>> = {
        EC2: () => ec2Client(endpoint).send(describeGroups),
        "CloudWatch Logs": () =>
          logsClient(endpoint).send(new FilterLogEventsCommand({ logGroupName: "g" })),
        "Service Quotas": () =>
          quotasClient(endpoint).send(
            new GetServiceQuotaCommand({ ServiceCode: "vpc", QuotaCode: "L-0EA8095F" }),
          ),
      };
      return rejectionOf(calls[service]?.() ?? Promise.resolve());
    });

    expect([error.name, statusOf(error)]).toEqual([code, status]);
  });

  it("should recover every call from throttling of half the calls when retries allow", async () => {
    const { succeeded, throttled } = await withEmulator(
      fixture,
      async ({ endpoint, faults, calls }) => {
        faults.throttle({ action: DESCRIBE, fraction: 0.5 });
        const client = ec2Client(endpoint, 10);
        let succeeded = 0;
        for (let call = 0; call < 4; call += 1) {
          await client.send(describeGroups);
          succeeded += 1;
        }
        return { succeeded, throttled: calls.filter((call) => call.fault === "throttled").length };
      },
    );

    expect(succeeded).toBe(4);
    expect(throttled).toBeGreaterThan(0);
  });

  test.prop([fc.integer(), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 8 })(
    "should throttle the same calls on every run with the same seed",
    async (seed, fraction) => {
      const run = () =>
        withEmulator({ ...fixture, seed }, async ({ endpoint, faults, calls }) => {
          faults.throttle({ action: DESCRIBE, fraction });
          const client = ec2Client(endpoint);
          for (let call = 0; call < 12; call += 1) {
            await client.send(describeGroups).catch(() => undefined);
          }
          return calls.map((call) => call.fault ?? "-");
        });

      expect(await run()).toEqual(await run());
    },
  );
});

describe("delay", () => {
  it("should hold the response for at least the armed latency", async () => {
    const elapsed = await withEmulator(fixture, async ({ endpoint, faults }) => {
      faults.delay({ action: DESCRIBE, ms: 150 });
      const started = performance.now();
      await ec2Client(endpoint).send(describeGroups);
      return performance.now() - started;
    });

    expect(elapsed).toBeGreaterThanOrEqual(140);
  });
});

describe("clear", () => {
  it("should disarm every fault", async () => {
    const out = await withEmulator(fixture, ({ endpoint, faults }) => {
      faults.failCall({ action: DESCRIBE, nth: 1, code: "InternalError" });
      faults.throttle({ action: DESCRIBE, fraction: 1 });
      faults.clear();
      return ec2Client(endpoint).send(describeGroups);
    });

    expect(out.SecurityGroups).toHaveLength(3);
  });
});
