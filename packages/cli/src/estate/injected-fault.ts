import type { LocalEstateOptions } from "@sg/aws-adapter";

/**
 * Test support, never needed in operation: `SG_TIGHTENER_TEST_FAIL_CALL=N` makes the Nth
 * write to an exported estate fail before it changes anything, so the end-to-end tests
 * can prove that apply halts, undoes the failing group and prints the revert command.
 */
export const injectedFault = (
  env: Readonly<Record<string, string | undefined>>,
): LocalEstateOptions => {
  const call = Number(env.SG_TIGHTENER_TEST_FAIL_CALL);
  return Number.isInteger(call) && call > 0 ? { failMutationNumberForTests: call } : {};
};
