import type { RejectedAttempt } from "./rejected-attempt.js";

/**
 * What the destination subnet's network ACL says about the traffic: it `allows` it (so a
 * security group refused it), it `denies` it (a group change would not help), or it is
 * `unknown` because the ACLs were not read or do not cover the subnet.
 */
export type NaclReading =
  | {
      readonly verdict: "allows" | "denies";
      readonly networkAclId: string;
      /** The entry that decided; absent for the implicit default deny. */
      readonly ruleNumber?: number;
    }
  | { readonly verdict: "unknown"; readonly reason: string };

/**
 * A source that tried to connect and that no current inbound rule of the destination
 * interface's groups admits on that protocol and port: what tightening (or a missing
 * rule) blocked. Carries the interface's groups and subnet, and the NACL's reading.
 */
export interface BlockedSource {
  readonly attempt: RejectedAttempt;
  /** The groups attached to the interface that saw the attempt, sorted. */
  readonly groupIds: readonly string[];
  readonly subnetId?: string;
  readonly nacl: NaclReading;
  /** Whether the source is an RFC 1918 address. */
  readonly isPrivate: boolean;
}
