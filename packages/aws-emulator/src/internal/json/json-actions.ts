import type { EmulatedService } from "../../call-record.js";
import { ATHENA_ACTIONS } from "../athena/athena-actions.js";
import { INSIGHTS_ACTIONS } from "../insights/insights-actions.js";
import { describeLogGroups } from "../logs/describe-log-groups.js";
import { filterLogEvents } from "../logs/filter-log-events.js";
import { getServiceQuota } from "../quotas/get-service-quota.js";
import type { JsonHandler } from "./json-context.js";

/** One JSON-protocol service: its `X-Amz-Target` prefix and its actions. */
export interface JsonService {
  readonly service: EmulatedService;
  readonly actions: ReadonlyMap<string, JsonHandler>;
}

/** The JSON 1.1 services the emulator speaks, by the target prefix before the dot. */
export const JSON_SERVICES: ReadonlyMap<string, JsonService> = new Map([
  [
    "Logs_20140328",
    {
      service: "logs",
      actions: new Map([
        ["DescribeLogGroups", describeLogGroups],
        ["FilterLogEvents", filterLogEvents],
        ...INSIGHTS_ACTIONS,
      ]),
    },
  ],
  [
    "ServiceQuotasV20190624",
    { service: "servicequotas", actions: new Map([["GetServiceQuota", getServiceQuota]]) },
  ],
  ["AmazonAthena", { service: "athena", actions: ATHENA_ACTIONS }],
]);
