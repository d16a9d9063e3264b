import type { EC2Client } from "@aws-sdk/client-ec2";
import { isDefiniteRefusal, sdkFailure } from "./sdk-failure.js";

/** The EC2 commands that change rules, whose retries the guard takes out of the SDK. */
const MUTATIONS: ReadonlySet<string> = new Set([
  "AuthorizeSecurityGroupIngressCommand",
  "RevokeSecurityGroupIngressCommand",
]);

/**
 * A write that was sent and got no definite answer (a 5xx, a timeout, a dropped
 * connection): it may or may not have taken effect. The SDK does not retry it, since its
 * classifiers see neither a status nor a cause; the writer re-reads the group instead.
 */
export class OutcomeUnknownError extends Error {
  override readonly name = "OutcomeUnknown";

  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/**
 * Installs, inside the SDK's retry loop, a step that lets throttles and 4xx errors of rule
 * writes through (the SDK retries throttles, which EC2 refuses before acting) and turns
 * every other failure of a write into an {@link OutcomeUnknownError}, so that a write
 * whose effect is unknown is never sent again blindly. Reads and dry runs are untouched.
 */
export const guardMutations = (client: EC2Client): void => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const dryRun = (args.input as { DryRun?: boolean }).DryRun === true;
      if (dryRun || !MUTATIONS.has(context.commandName ?? "")) return next(args);

      try {
        return await next(args);
      } catch (error) {
        if (isDefiniteRefusal(sdkFailure(error))) throw error;
        throw new OutcomeUnknownError(error);
      }
    },
    { step: "deserialize", priority: "high", name: "sgTightenerOutcomeGuard" },
  );
};
