import type { ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import { quotasSdk } from "./sdk.js";
import { DEFAULT_RULE_QUOTA } from "../../local/local-estate.js";
import { sdkFailure } from "./sdk-failure.js";

/** The Service Quotas code of "Inbound or outbound rules per security group" (`vpc`). */
export const RULES_QUOTA_CODE = "L-0EA8095F";

/** The rule quota a read settled on, and where it came from, for reports. */
export interface RuleQuota {
  readonly quota: number;
  readonly source: string;
}

/**
 * The inbound rule quota per group: the caller's when given (`--max-rules`), else the
 * applied value Service Quotas reports, else EC2's default of 60. Service Quotas often
 * has no applied value for an unchanged quota, or the caller may not be allowed to read
 * it; neither stops a read, since 60 is then the quota EC2 enforces or a safe guess.
 */
export const ruleQuota = async (
  quotas: ServiceQuotasClient,
  explicit: number | undefined,
): Promise<RuleQuota> => {
  if (explicit !== undefined) return { quota: explicit, source: "given" };

  try {
    const answer = await quotas.send(
      new (quotasSdk().GetServiceQuotaCommand)({ ServiceCode: "vpc", QuotaCode: RULES_QUOTA_CODE }),
    );
    const value = answer.Quota?.Value;
    if (value !== undefined && Number.isFinite(value) && value >= 1) {
      return { quota: Math.floor(value), source: `Service Quotas vpc/${RULES_QUOTA_CODE}` };
    }
    return { quota: DEFAULT_RULE_QUOTA, source: "EC2's default (Service Quotas gave no value)" };
  } catch (error) {
    const { code } = sdkFailure(error);
    return {
      quota: DEFAULT_RULE_QUOTA,
      source: `EC2's default (Service Quotas answered ${code})`,
    };
  }
};
