import type { Rule } from "@sg/core";
import { RuleWriteError } from "../../ports/rule-write-error.js";
import { groupState, type GroupState } from "./group-state.js";
import { OutcomeUnknownError } from "./outcome-guard.js";
import { sdkFailure, type SdkFailure } from "./sdk-failure.js";
import type { WriteContext } from "./write-context.js";

/** One kind of rule write, as {@link settledWrite} drives it. */
export interface WriteSpec<T> {
  readonly action: "AuthorizeSecurityGroupIngress" | "RevokeSecurityGroupIngress";
  readonly groupId: string;
  readonly rules: readonly Rule[];
  /** Whether the rules are present or absent once the write has taken effect. */
  readonly effect: "present" | "absent";
  /** Sends the call once; the SDK retries throttles inside. */
  readonly send: () => Promise<T>;
  /** The result when a re-read shows the write took effect. */
  readonly settled: (held: readonly Rule[]) => T;
  /** Codes that, answering a resend, may mean an earlier send took effect after all. */
  readonly doneCodes: ReadonlySet<string>;
}

/**
 * Makes one rule write, never sending it again while its outcome is unknown. A definite
 * refusal (a 4xx, or a throttle the SDK gave up on) becomes a {@link RuleWriteError} with
 * EC2's code. A write with no definite answer (a 5xx, a timeout, a dropped connection) is
 * followed by a re-read of the group: if the write's effect is there in full it counts as
 * made; if none of it is, it is sent again, up to the context's limit; anything else, or a
 * re-read that fails, is reported as `OutcomeUnknown` so the operator checks the group.
 */
export const settledWrite = async <T>(context: WriteContext, spec: WriteSpec<T>): Promise<T> => {
  for (let resends = 0; ; resends += 1) {
    try {
      return await spec.send();
    } catch (error) {
      if (error instanceof RuleWriteError) throw error;
      if (!(error instanceof OutcomeUnknownError)) {
        return refused(context, spec, sdkFailure(error), resends);
      }

      const failure = sdkFailure(error.original);
      context.log?.(
        `${spec.action} on ${spec.groupId} got no answer (${failure.code}); ` +
          "re-reading the group to see whether it took effect",
      );
      const state = await reread(context, spec, failure);
      if (state.kind === "done") return spec.settled(state.held);
      if (state.kind === "not-done" && resends < context.unknownOutcomeRetries) continue;

      throw unsettled(spec, failure, state, resends);
    }
  }
};

const refused = async <T>(
  context: WriteContext,
  spec: WriteSpec<T>,
  failure: SdkFailure,
  resends: number,
): Promise<T> => {
  if (resends > 0 && spec.doneCodes.has(failure.code)) {
    const state = await reread(context, spec, failure);
    if (state.kind === "done") return spec.settled(state.held);
  }
  throw new RuleWriteError(failure.code, spec.groupId, spec.rules, failure.message);
};

const reread = async <T>(
  context: WriteContext,
  spec: WriteSpec<T>,
  failure: SdkFailure,
): Promise<GroupState> => {
  try {
    return await groupState(context, spec.groupId, spec.rules, spec.effect);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuleWriteError(
      "OutcomeUnknown",
      spec.groupId,
      spec.rules,
      `${spec.action} on ${spec.groupId} got no answer (${failure.code}: ${failure.message}) ` +
        `and re-reading the group failed (${reason}); the change may or may not have been ` +
        "made: check the group before going on",
    );
  }
};

const unsettled = <T>(
  spec: WriteSpec<T>,
  failure: SdkFailure,
  state: GroupState,
  resends: number,
): RuleWriteError => {
  const answer = `${failure.code}: ${failure.message}`;
  const asked = `${spec.action} on ${spec.groupId} got no answer (${answer})`;
  if (state.kind === "not-done") {
    return new RuleWriteError(
      failure.code,
      spec.groupId,
      spec.rules,
      `${asked} ${resends + 1} times, and a re-read shows it was never made`,
    );
  }
  return new RuleWriteError(
    "OutcomeUnknown",
    spec.groupId,
    spec.rules,
    `${asked}, and a re-read finds ${state.present} of its ${spec.rules.length} rules present; ` +
      "EC2 makes a call whole, so something else changed the group: check it before going on",
  );
};
