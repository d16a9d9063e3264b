import { sessionAccessKey } from "../caller.js";

/** A role session STS issued: whose it is and the ARN GetCallerIdentity reports for it. */
export interface RoleSession {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly sessionName: string;
}

/**
 * The sessions AssumeRole has issued, by access key id. Keys count up, so the same calls
 * give the same keys on every run.
 */
export class SessionBook {
  private readonly sessions = new Map<string, RoleSession>();
  private serial = 0;

  /** Issues a new session in `accountId` and returns it. */
  issue(accountId: string, roleName: string, sessionName: string): RoleSession {
    this.serial += 1;
    const session = {
      accessKeyId: sessionAccessKey(accountId, this.serial),
      accountId,
      roleName,
      sessionName,
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }

  /** The session a key was issued for, if STS issued it. */
  find(accessKeyId: string): RoleSession | undefined {
    return this.sessions.get(accessKeyId);
  }
}
