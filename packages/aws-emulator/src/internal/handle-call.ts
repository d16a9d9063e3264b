import { err, ok, type Result } from "@sg/core";
import type { CallRecord } from "../call-record.js";
import { apiError, type ApiError } from "./api-error.js";
import { scalar } from "./form.js";
import { EC2_ACTIONS } from "./ec2/ec2-actions.js";
import type { Ec2Context } from "./ec2/ec2-context.js";
import type { FaultPlan } from "./fault-plan.js";
import { JSON_SERVICES } from "./json/json-actions.js";
import type { JsonContext } from "./json/json-context.js";
import { parseCall, type IncomingCall, type ParsedCall } from "./parse-call.js";
import { ec2Failure, ec2Success, jsonFailure, jsonSuccess, type Reply } from "./replies.js";

/** Everything a call may read or change, shared by every call of one emulator. */
export interface CallContext {
  readonly ec2: Ec2Context;
  readonly json: JsonContext;
  readonly faults: FaultPlan;
  readonly deniedActions: ReadonlySet<string>;
  readonly calls: CallRecord[];
  readonly nextRequestId: () => string;
}

type Outcome = Result<Record<string, unknown>, ApiError>;

const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

const denied = (parsed: ParsedCall): ApiError =>
  parsed.protocol === "query"
    ? apiError("UnauthorizedOperation", "You are not authorized to perform this operation.")
    : apiError(
        "AccessDeniedException",
        `User is not authorized to perform: ${parsed.service}:${parsed.action}`,
      );

const run = (parsed: ParsedCall, context: CallContext): Outcome => {
  if (context.deniedActions.has(parsed.action)) return err(denied(parsed));

  if (parsed.protocol === "json") {
    const handler = JSON_SERVICES.get(parsed.prefix)?.actions.get(parsed.action);
    return handler
      ? handler(parsed.body, context.json)
      : err(apiError("UnknownOperationException", `The operation ${parsed.action} is unknown.`));
  }

  if (scalar(parsed.form, "DryRun") === "true") {
    return err(
      apiError("DryRunOperation", "Request would have succeeded, but DryRun flag is set."),
    );
  }
  const handler = EC2_ACTIONS.get(parsed.action);
  return handler
    ? handler(parsed.form, context.ec2)
    : err(
        apiError(
          "InvalidAction",
          `The action ${parsed.action || "(none)"} is not valid for this web service.`,
        ),
      );
};

const render = (parsed: ParsedCall, outcome: Outcome, requestId: string): Reply => {
  if (parsed.protocol === "query") {
    return outcome.ok
      ? ec2Success(parsed.action, outcome.value, requestId)
      : ec2Failure(outcome.error, requestId);
  }
  return outcome.ok ? jsonSuccess(outcome.value, requestId) : jsonFailure(outcome.error, requestId);
};

/**
 * Answers one call: route it, apply the armed faults (latency, then an injected failure
 * or throttle), refuse denied actions and EC2 dry runs, else run the action; then record
 * the call and its outcome in the call log.
 */
export const handleCall = async (call: IncomingCall, context: CallContext): Promise<Reply> => {
  const requestId = context.nextRequestId();
  const parsed = parseCall(call);

  let outcome: Outcome;
  let fault: CallRecord["fault"];
  if (parsed.error || parsed.service === "unknown") {
    outcome = err(parsed.error ?? apiError("UnknownOperationException", parsed.action));
  } else {
    const decision = context.faults.decide(parsed.service, parsed.action);
    await sleep(decision.delayMs);
    fault = decision.kind;
    outcome = decision.error ? err(decision.error) : run(parsed, context);
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
