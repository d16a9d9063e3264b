import { ok } from "@sg/core";
import { assumeRole } from "./assume-role.js";
import type { StsHandler } from "./sts-context.js";

/** The Query `Version` STS requests carry; it tells them apart from EC2's. */
export const STS_VERSION = "2011-06-15";

const getCallerIdentity: StsHandler = (_form, { caller, sessions }) => {
  const session = sessions.find(caller.accessKeyId);
  return ok({
    UserId: session ? `AROA${caller.accountId}EMUL:${session.sessionName}` : "AIDAEMULATOR",
    Account: caller.accountId,
    Arn: session
      ? `arn:aws:sts::${caller.accountId}:assumed-role/${session.roleName}/${session.sessionName}`
      : `arn:aws:iam::${caller.accountId}:user/emulator`,
  });
};

/** The STS actions the emulator speaks (Query protocol, XML responses). */
export const STS_ACTIONS: ReadonlyMap<string, StsHandler> = new Map([
  ["AssumeRole", assumeRole],
  ["GetCallerIdentity", getCallerIdentity],
]);
