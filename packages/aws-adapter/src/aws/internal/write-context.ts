import type { EC2Client } from "@aws-sdk/client-ec2";

/** What the rule writes of one live estate share. */
export interface WriteContext {
  readonly ec2: EC2Client;
  readonly pageSize: number;
  /** Resends of a write whose outcome was unknown and which a re-read found not made. */
  readonly unknownOutcomeRetries: number;
  readonly ruleTags?: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
}
