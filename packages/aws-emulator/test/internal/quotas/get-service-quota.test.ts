import { describe, expect, it } from "vitest";
import { GetServiceQuotaCommand } from "@aws-sdk/client-service-quotas";
import { quotasClient, rejectionOf } from "../../support/sdk-clients.js";
import { withEmulator } from "../../support/with-emulator.js";

const RULES = { ServiceCode: "vpc", QuotaCode: "L-0EA8095F" };

describe("GetServiceQuota", () => {
  it("should report the configured rules-per-group quota", async () => {
    const quota = await withEmulator(
      { serviceQuotas: { "vpc/L-0EA8095F": 120 } },
      async ({ endpoint }) => {
        const out = await quotasClient(endpoint).send(new GetServiceQuotaCommand(RULES));
        return out.Quota;
      },
    );

    expect(quota).toMatchObject({ ServiceCode: "vpc", QuotaCode: "L-0EA8095F", Value: 120 });
  });

  it("should fail with NoSuchResourceException when the quota is not configured", async () => {
    const error = await withEmulator({}, ({ endpoint }) =>
      rejectionOf(quotasClient(endpoint).send(new GetServiceQuotaCommand(RULES))),
    );

    expect(error.name).toBe("NoSuchResourceException");
  });

  it("should enforce the configured quota on authorise", async () => {
    const enforced = await withEmulator(
      { serviceQuotas: { "vpc/L-0EA8095F": 7 } },
      async ({ state }) => state.ruleQuota("sg-0any"),
    );

    expect(enforced).toBe(7);
  });
});
