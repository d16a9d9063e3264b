import { err, ok } from "@sg/core";
import { apiError } from "../api-error.js";
import type { JsonHandler } from "../json/json-context.js";
import { optionalString } from "../json/json-input.js";

const NAMES: Readonly<Record<string, { readonly service: string; readonly quota: string }>> = {
  "vpc/L-0EA8095F": {
    service: "Amazon Virtual Private Cloud (Amazon VPC)",
    quota: "Inbound or outbound rules per security group",
  },
  "vpc/L-2AFB9258": {
    service: "Amazon Virtual Private Cloud (Amazon VPC)",
    quota: "Security groups per network interface",
  },
};

/**
 * GetServiceQuota: the value configured for `ServiceCode`/`QuotaCode` (for example
 * `vpc`/`L-0EA8095F`), or `NoSuchResourceException` when the emulator has none, as for a
 * quota Service Quotas does not know.
 */
export const getServiceQuota: JsonHandler = (body, { store, serviceQuotas }) => {
  const service = optionalString(body, "ServiceCode");
  if (!service.ok) return service;
  const code = optionalString(body, "QuotaCode");
  if (!code.ok) return code;
  if (service.value === undefined || code.value === undefined) {
    return err(apiError("IllegalArgumentException", "ServiceCode and QuotaCode are required."));
  }

  const key = `${service.value}/${code.value}`;
  const value = serviceQuotas[key];
  if (value === undefined) {
    return err(
      apiError(
        "NoSuchResourceException",
        `The quota ${code.value} of service ${service.value} does not exist.`,
      ),
    );
  }

  const { accountId, region } = store.settings;
  return ok({
    Quota: {
      ServiceCode: service.value,
      ServiceName: NAMES[key]?.service ?? service.value,
      QuotaArn: `arn:aws:servicequotas:${region}:${accountId}:${service.value}/${code.value}`,
      QuotaCode: code.value,
      QuotaName: NAMES[key]?.quota ?? code.value,
      Value: value,
      Unit: "None",
      Adjustable: true,
      GlobalQuota: false,
    },
  });
};
