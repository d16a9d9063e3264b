import { err, ok, type Result } from "@sg/core";
import type { CallRecord } from "../call-record.js";
import { apiError, type ApiError } from "./api-error.js";
import { callerOf, type Caller } from "./caller.js";
import type { EstateRegistry } from "./estate-registry.js";
import { scalar } from "./form.js";
import { EC2_ACTIONS } from "./ec2/ec2-actions.js";
import type { Ec2Context } from "./ec2/ec2-context.js";
import type { FaultPlan } from "./fault-plan.js";
import { JSON_SERVICES } from "./json/json-actions.js";
import type { JsonContext } from "./json/json-context.js";
import { ORGANIZATIONS_ACTIONS } from "./organizations/organizations-actions.js";
import type { OrganizationsContext } from "./organizations/organizations-context.js";
import { parseCall, type IncomingCall, type ParsedCall } from "./parse-call.js";
import { ec2Failure, ec2Success, jsonFailure, jsonSuccess, type Reply } from "./replies.js";
import { STS_ACTIONS } from "./sts/sts-actions.js";
import type { StsContext } from "./sts/sts-context.js";
import { stsFailure, stsSuccess } from "./sts/sts-replies.js";

/** Everything a call may read or change, shared by every call of one emulator. */
export interface CallContext {
  /** EC2 settings; the estate is chosen per call from `estates`. */
  readonly ec2: Ec2Context;
  readonly estates: EstateRegistry;
  readonly json: JsonContext;
  readonly organizations: Omit<OrganizationsContext, "caller">;
  readonly sts: Omit<StsContext, "caller">;
  readonly faults: FaultPlan;
  readonly deniedActions: ReadonlySet<string>;
  readonly calls: CallRecord[];
  readonly nextRequestId: () => string;
}

type Outcome = Result<Record<string, unknown>, ApiError>;

const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

const denied = (parsed: ParsedCall): ApiError => {
  if (parsed.service === "sts") {
    return apiError("AccessDenied", `User is not authorized to perform: sts:${parsed.action}`, 403);
  }
  return parsed.protocol === "query"
    ? apiError("UnauthorizedOperation", "You are not authorized to perform this operation.")
    : apiError(
        "AccessDeniedException",
        `User is not authorized to perform: ${parsed.service}:${parsed.action}`,
      );
};

const unknownOperation = (action: string): ApiError =>
  apiError("UnknownOperationException", `The operation ${action} is unknown.`);

const run = (parsed: ParsedCall, context: CallContext, caller: Caller): Outcome => {
  if (context.deniedActions.has(parsed.action)) return err(denied(parsed));

  if (parsed.protocol === "json" && parsed.service === "organizations") {
    const handler = ORGANIZATIONS_ACTIONS.get(parsed.action);
    return handler
      ? handler(parsed.body, { ...context.organizations, caller })
      : err(unknownOperation(parsed.action));
  }
  if (parsed.protocol === "json") {
    const handler = JSON_SERVICES.get(parsed.prefix)?.actions.get(parsed.action);
    return handler ? handler(parsed.body, context.json) : err(unknownOperation(parsed.action));
  }
  if (parsed.service === "sts") {
    const handler = STS_ACTIONS.get(parsed.action);
    return handler
      ? handler(parsed.form, { ...context.sts, caller })
      : err(apiError("InvalidAction", `Could not find operation ${parsed.action}`));
  }

  if (scalar(parsed.form, "DryRun") === "true") {
    return err(
      apiError("DryRunOperation", "Request would have succeeded, but DryRun flag is set."),
    );
  }
  const handler = EC2_ACTIONS.get(parsed.action);
  if (handler === undefined) {
    return err(
      apiError(
        "InvalidAction",
        `The action ${parsed.action || "(none)"} is not valid for this web service.`,
      ),
    );
  }
  const ec2 = context.estates.ec2ContextFor(caller);
  return ec2.ok ? handler(parsed.form, ec2.value) : ec2;
};

const render = (parsed: ParsedCall, outcome: Outcome, requestId: string): Reply => {
  if (parsed.service === "sts") {
    return outcome.ok
      ? stsSuccess(parsed.action, outcome.value, requestId)
      : stsFailure(outcome.error, requestId);
  }
  if (parsed.protocol === "query") {
    return outcome.ok
      ? ec2Success(parsed.action, outcome.value, requestId)
      : ec2Failure(outcome.error, requestId);
  }
  return outcome.ok ? jsonSuccess(outcome.value, requestId) : jsonFailure(outcome.error, requestId);
};

/**
 * Answers one call: route it, apply the armed faults (latency, then an injected failure
 * or throttle), refuse denied actions and EC2 dry runs, else run the action (EC2 against
 * the estate of the caller's account and Region); then record the call and its outcome.
 */
export const handleCall = async (call: IncomingCall, context: CallContext): Promise<Reply> => {
  const requestId = context.nextRequestId();
  const parsed = parseCall(call);
  const { accountId, region } = context.ec2.store.settings;
  const authorization = call.headers["authorization"];
  const caller = callerOf(
    Array.isArray(authorization) ? authorization[0] : authorization,
    accountId,
    region,
  );

  let outcome: Outcome;
  let fault: CallRecord["fault"];
  if (parsed.error || parsed.service === "unknown") {
    outcome = err(parsed.error ?? apiError("UnknownOperationException", parsed.action));
  } else {
    const decision = context.faults.decide(parsed.service, parsed.action);
    await sleep(decision.delayMs);
    fault = decision.kind;
    outcome = decision.error ? err(decision.error) : run(parsed, context, caller);
  }

  const reply = render(parsed, outcome, requestId);
  context.calls.push({
    service: parsed.service,
    action: parsed.action,
    params: parsed.params,
    requestId,
    status: reply.status,
    ...(!outcome.ok && { errorCode: outcome.error.code }),
    ...(fault && { fault }),
  });
  return reply;
};
